using System.Threading;

namespace CustomerTools.Http;

/// <summary>
/// What every request of one command carries through the layers: where to report what it does,
/// and the command's stop (Ctrl+C), which reaches every send, body read and wait.
/// </summary>
internal readonly struct RequestContext
{
    public RequestContext(IRequestLog log, CancellationToken cancellation)
    {
        Log = log;
        Cancellation = cancellation;
    }

    public IRequestLog Log { get; }

    public CancellationToken Cancellation { get; }
}
