using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CustomerTools.Http;

namespace CustomerTools.Pipeline;

/// <summary>
/// Lets a cmdlet wait for async work on its pipeline thread while the work's verbose and debug
/// messages, queued from worker threads, are written as they come: PowerShell accepts Write* calls
/// only from the pipeline thread.
/// </summary>
internal sealed class PipelinePump : IRequestLog, IDisposable
{
    private readonly ConcurrentQueue<(bool Verbose, string Text)> _messages = new();
    private readonly SemaphoreSlim _signal = new(0);

    public PipelinePump(PSCmdlet cmdlet)
    {
        VerboseEnabled = StreamPreference.Verbose(cmdlet);
        DebugEnabled = StreamPreference.Debug(cmdlet);
    }

    public bool VerboseEnabled { get; }

    public bool DebugEnabled { get; }

    // A line for a stream that is off is dropped here, so no caller can make the engine prompt.
    public void Verbose(string message)
    {
        if (VerboseEnabled)
        {
            Post(true, message);
        }
    }

    public void Debug(string message)
    {
        if (DebugEnabled)
        {
            Post(false, message);
        }
    }

    /// <summary>Wakes <see cref="WaitAny"/> when <paramref name="task"/> ends.</summary>
    public void Watch(Task task) =>
        task.ContinueWith(static (_, pump) => ((PipelinePump)pump!).Signal(), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>On the pipeline thread: writes queued messages, then blocks until the next message or watched task.</summary>
    public void WaitAny(Cmdlet cmdlet)
    {
        WriteMessages(cmdlet);
        _signal.Wait();
        WriteMessages(cmdlet);
    }

    /// <summary>On the pipeline thread: waits for <paramref name="task"/>, writing messages meanwhile.</summary>
    public void Run(Cmdlet cmdlet, Task task)
    {
        Watch(task);
        while (!task.IsCompleted)
        {
            WaitAny(cmdlet);
        }

        WriteMessages(cmdlet);
        task.GetAwaiter().GetResult();
    }

    public void WriteMessages(Cmdlet cmdlet)
    {
        while (_messages.TryDequeue(out var message))
        {
            if (message.Verbose)
            {
                cmdlet.WriteVerbose(message.Text);
            }
            else
            {
                cmdlet.WriteDebug(message.Text);
            }
        }
    }

    public void Dispose() => _signal.Dispose();

    private void Post(bool verbose, string text)
    {
        _messages.Enqueue((verbose, text));
        Signal();
    }

    private void Signal()
    {
        try
        {
            _signal.Release();
        }
        catch (ObjectDisposedException)
        {
            // A late message from work abandoned after the command ended: nobody reads it.
        }
    }
}
