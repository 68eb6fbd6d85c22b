using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CustomerTools.Http;

namespace CustomerTools.Tests;

/// <summary>
/// A clock that moves only when the test says: each Delay stays pending until <see cref="Advance"/>
/// takes the time past its end (or it is cancelled). For tests of what happens during a wait;
/// <see cref="FakeClock"/> ends every wait at once.
/// </summary>
internal sealed class ManualClock : IClock
{
    private readonly object _gate = new();
    private readonly List<(DateTimeOffset Due, TaskCompletionSource<bool> Done)> _pending = new();
    private DateTimeOffset _now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public DateTimeOffset UtcNow
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    /// <summary>When the waits not yet over end, soonest first.</summary>
    public DateTimeOffset[] PendingDue
    {
        get
        {
            lock (_gate)
            {
                return _pending.Where(p => !p.Done.Task.IsCompleted).Select(p => p.Due).OrderBy(d => d).ToArray();
            }
        }
    }

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _pending.Add((_now + delay, done));
        }

        cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
        return done.Task;
    }

    public void Advance(TimeSpan by)
    {
        List<TaskCompletionSource<bool>> due;
        lock (_gate)
        {
            _now += by;
            due = _pending.Where(p => p.Due <= _now).Select(p => p.Done).ToList();
            _pending.RemoveAll(p => p.Due <= _now || p.Done.Task.IsCompleted);
        }

        due.ForEach(d => d.TrySetResult(true));
    }

    /// <summary>Waits (in real time, briefly) until some wait is pending that ends at <paramref name="due"/>.</summary>
    public bool WaitForPending(DateTimeOffset due) =>
        SpinWait.SpinUntil(() => PendingDue.Contains(due), TimeSpan.FromSeconds(5));
}
