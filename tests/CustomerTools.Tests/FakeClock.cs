using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using CustomerTools.Http;

namespace CustomerTools.Tests;

/// <summary>A clock whose waits cost nothing: each Delay is recorded and moves time forward.</summary>
internal sealed class FakeClock : IClock
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public DateTimeOffset UtcNow => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Delays.Enqueue(delay);
        Advance(delay);
        return Task.CompletedTask;
    }
}
