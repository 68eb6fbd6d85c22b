using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerTools.Commands;

// The ordered window: requests run concurrently, at most -ThrottleLimit at once, and their
// results, errors and messages are written from the pipeline thread strictly in input order, each
// as soon as everything before it is written.
public abstract partial class CustomerCmdlet<TConnection, TOutput>
{
    private readonly Queue<Pending> _window = new();

    /// <summary>Starts the requests for one input now; its results are written in input order.</summary>
    private protected void Fetch(object? target, Func<CancellationToken, Task<IReadOnlyList<TOutput>>> work)
    {
        if (HasEnough)
        {
            return;
        }

        while (_window.Count >= ThrottleLimit)
        {
            WriteHead();
        }

        Task<IReadOnlyList<TOutput>> task;
        try
        {
            task = work(_stop.Token);
        }
        catch (Exception e)
        {
            // Input refused before any request (a malformed id): still reported in its turn.
            task = Task.FromException<IReadOnlyList<TOutput>>(e);
        }

        _pump!.Watch(task);
        _window.Enqueue(new Pending(target, task, default));
        WriteFinished();
    }

    /// <summary>Queues a record that needs no request, behind those still running.</summary>
    private protected void Emit(TOutput record)
    {
        _window.Enqueue(new Pending(null, null, record));
        WriteFinished();
    }

    /// <summary>Writes every result whose turn has come, and any queued messages.</summary>
    private protected void WriteFinished()
    {
        while (_window.Count > 0 && (_window.Peek().Task?.IsCompleted ?? true))
        {
            WriteHead();
        }

        _pump!.WriteMessages(this);
    }

    private void WriteHead()
    {
        Pending head = _window.Peek();
        while (head.Task is { IsCompleted: false })
        {
            _pump!.WaitAny(this);
        }

        _window.Dequeue();
        _pump!.WriteMessages(this);
        if (head.Task is null)
        {
            Write(head.Ready!);
            return;
        }

        ThrowIfStopped(head.Task);
        if (head.Task.Exception?.InnerException is { } error)
        {
            Report(error, head.Target);
            return;
        }

        foreach (TOutput record in head.Task.Result)
        {
            Write(record);
        }
    }

    private void Write(TOutput record)
    {
        if (_skipLeft > 0)
        {
            _skipLeft--;
        }
        else if (_firstLeft > 0)
        {
            WriteObject(record);
            if (_firstLeft != ulong.MaxValue)
            {
                _firstLeft--;
            }
        }
    }

    private readonly struct Pending
    {
        public Pending(object? target, Task<IReadOnlyList<TOutput>>? task, TOutput? ready)
        {
            Target = target;
            Task = task;
            Ready = ready;
        }

        public object? Target { get; }

        public Task<IReadOnlyList<TOutput>>? Task { get; }

        public TOutput? Ready { get; }
    }
}
