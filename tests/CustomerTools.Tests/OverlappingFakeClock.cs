using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using CustomerTools.Http;

namespace CustomerTools.Tests;

/// <summary>
/// A fake clock for concurrent work: waits cost nothing, but overlap as they would in real time.
/// A Delay ends at the time its caller last read plus the delay, and moves the clock there unless
/// another wait already took it further. So waits of several requests for the same moment count
/// once, and the clock's advance over a run is the time the run would have waited.
/// (<see cref="FakeClock"/> adds every wait to the clock, one after another.)
/// </summary>
internal sealed class OverlappingFakeClock : IClock
{
    private readonly AsyncLocal<long> _lastRead = new();
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public DateTimeOffset UtcNow
    {
        get
        {
            long now = Interlocked.Read(ref _ticks);
            _lastRead.Value = now;
            return new DateTimeOffset(now, TimeSpan.Zero);
        }
    }

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Delays.Enqueue(delay);
        long from = _lastRead.Value != 0 ? _lastRead.Value : Interlocked.Read(ref _ticks);
        long target = from + Math.Max(0, delay.Ticks);
        long seen;
        while ((seen = Interlocked.Read(ref _ticks)) < target && Interlocked.CompareExchange(ref _ticks, target, seen) != seen)
        {
        }

        return Task.CompletedTask;
    }
}
