using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CustomerTools.Http;

namespace CustomerTools.Pipeline;

/// <summary>
/// Runs the work for each input concurrently, at most -ThrottleLimit at once, and writes its
/// results, errors and messages from the pipeline thread strictly in input order, each as soon as
/// everything before it is written. One result list or one error per input; a record that needs
/// no request, or an error found along the way, waits its turn behind those queued before it.
/// </summary>
internal sealed class OrderedWindow<T>
{
    private readonly Queue<Pending> _queue = new();
    private readonly Cmdlet _cmdlet;
    private readonly PipelinePump _pump;
    private readonly Action<T> _write;
    private readonly CancellationToken _stop;

    /// <param name="write">Writes one record (where -Skip and -First decide whether it goes out).</param>
    public OrderedWindow(Cmdlet cmdlet, PipelinePump pump, Action<T> write, CancellationToken stop)
    {
        _cmdlet = cmdlet;
        _pump = pump;
        _write = write;
        _stop = stop;
    }

    /// <summary>The work still running, for a stop to wait on briefly.</summary>
    public IEnumerable<Task> Running => _queue.Where(p => p.Task is { IsCompleted: false }).Select(p => (Task)p.Task!);

    /// <summary>Starts the work for one input now, once fewer than <paramref name="throttleLimit"/> run.</summary>
    public void Start(object? target, Func<RequestContext, Task<IReadOnlyList<T>>> work, int throttleLimit)
    {
        while (_queue.Count >= throttleLimit)
        {
            WriteHead();
        }

        Task<IReadOnlyList<T>> task;
        try
        {
            task = work(new RequestContext(_pump, _stop));
        }
        catch (Exception e)
        {
            // Input refused before any request (a malformed id): still reported in its turn.
            task = Task.FromException<IReadOnlyList<T>>(e);
        }

        _pump.Watch(task);
        _queue.Enqueue(new Pending(target, task, default));
        WriteFinished();
    }

    /// <summary>Queues a record that needs no request.</summary>
    public void Add(T record)
    {
        _queue.Enqueue(new Pending(null, null, record));
        WriteFinished();
    }

    /// <summary>Queues an error, written in its turn.</summary>
    public void AddError(CustomerToolsException error)
    {
        _queue.Enqueue(new Pending(error.Target, Task.FromException<IReadOnlyList<T>>(error), default));
        WriteFinished();
    }

    /// <summary>Writes every result whose turn has come, and any queued messages.</summary>
    public void WriteFinished()
    {
        while (_queue.Count > 0 && (_queue.Peek().Task?.IsCompleted ?? true))
        {
            WriteHead();
        }

        _pump.WriteMessages(_cmdlet);
    }

    /// <summary>Waits for everything queued and writes it.</summary>
    public void Drain()
    {
        while (_queue.Count > 0)
        {
            WriteHead();
        }
    }

    /// <summary>
    /// Waits for <paramref name="task"/> (a listing's next page) on the pipeline thread, writing
    /// finished results meanwhile; a terminating error ends the command.
    /// </summary>
    public TResult Await<TResult>(Task<TResult> task)
    {
        _pump.Watch(task);
        while (!task.IsCompleted)
        {
            WriteFinished();
            if (!task.IsCompleted)
            {
                _pump.WaitAny(_cmdlet);
            }
        }

        ThrowIfStopped(task);
        if (task.Exception?.InnerException is CustomerToolsException { IsTerminating: true } fatal)
        {
            _cmdlet.ThrowTerminatingError(fatal.ToErrorRecord());
        }

        return task.GetAwaiter().GetResult();
    }

    private void WriteHead()
    {
        Pending head = _queue.Peek();
        while (head.Task is { IsCompleted: false })
        {
            _pump.WaitAny(_cmdlet);
        }

        _queue.Dequeue();
        _pump.WriteMessages(_cmdlet);
        if (head.Task is null)
        {
            _write(head.Ready!);
            return;
        }

        ThrowIfStopped(head.Task);
        if (head.Task.Exception?.InnerException is { } error)
        {
            Report(error, head.Target);
            return;
        }

        foreach (T record in head.Task.Result)
        {
            _write(record);
        }
    }

    private void ThrowIfStopped(Task task)
    {
        if (_stop.IsCancellationRequested && (task.IsCanceled || task.IsFaulted))
        {
            throw new PipelineStoppedException();
        }
    }

    private void Report(Exception error, object? target)
    {
        if (error is not CustomerToolsException known)
        {
            // Not one of ours: a bug, not the user's fault; report it for this input and go on.
            _cmdlet.WriteError(new ErrorRecord(error, ErrorIds.UnexpectedError, ErrorCategory.NotSpecified, target));
            return;
        }

        if (known.IsTerminating)
        {
            _cmdlet.ThrowTerminatingError(known.ToErrorRecord());
        }

        _cmdlet.WriteError(known.ToErrorRecord());
    }

    private readonly struct Pending
    {
        public Pending(object? target, Task<IReadOnlyList<T>>? task, T? ready)
        {
            Target = target;
            Task = task;
            Ready = ready;
        }

        public object? Target { get; }

        public Task<IReadOnlyList<T>>? Task { get; }

        public T? Ready { get; }
    }
}
