using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CustomerTools.Http;

namespace CustomerTools.Commands;

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
        VerboseEnabled = IsOn(cmdlet, "Verbose", "VerbosePreference");
        DebugEnabled = IsOn(cmdlet, "Debug", "DebugPreference");
    }

    public bool VerboseEnabled { get; }

    public bool DebugEnabled { get; }

    public void Verbose(string message) => Post(true, message);

    public void Debug(string message) => Post(false, message);

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

    private static bool IsOn(PSCmdlet cmdlet, string switchName, string preferenceName)
    {
        if (cmdlet.MyInvocation.BoundParameters.TryGetValue(switchName, out object? given))
        {
            return LanguagePrimitives.IsTrue(given);
        }

        object? preference = cmdlet.GetVariableValue(preferenceName);
        return LanguagePrimitives.TryConvertTo(preference, out ActionPreference value)
            && value is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore);
    }

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
