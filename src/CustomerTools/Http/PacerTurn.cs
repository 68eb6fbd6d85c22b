using System;
using System.Threading;

namespace CustomerTools.Http;

/// <summary>One request's turn with a <see cref="RateLimitPacer"/>: disposing it (once) ends the turn.</summary>
internal sealed class PacerTurn : IDisposable
{
    private RateLimitPacer? _pacer;

    public PacerTurn(RateLimitPacer pacer)
    {
        _pacer = pacer;
    }

    public void Dispose() => Interlocked.Exchange(ref _pacer, null)?.Finish();
}
