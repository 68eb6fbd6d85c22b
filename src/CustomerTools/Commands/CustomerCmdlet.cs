using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CustomerTools.Http;

namespace CustomerTools.Commands;

/// <summary>
/// What both Get-*Customer cmdlets share: finding the connection, running requests concurrently
/// (at most -ThrottleLimit at once) while writing results strictly in input order from the
/// pipeline thread, listings page by page, -First/-Skip, progress, and turning failures into
/// error records. Ctrl+C cancels everything in flight.
/// </summary>
public abstract class CustomerCmdlet<TConnection, TOutput> : PSCmdlet, IDisposable
    where TConnection : ServiceConnection
{
    private readonly Queue<Pending> _window = new();
    private readonly CancellationTokenSource _stop = new();
    private PipelinePump? _pump;
    private Task? _pageInFlight;
    private ulong _skipLeft;
    private ulong _firstLeft = ulong.MaxValue;
    private bool _totalReported;

    private protected CustomerCmdlet()
    {
    }

    /// <summary>The parameter set of -Email, the same in both services.</summary>
    private protected const string ByEmailSet = "Email";

    /// <summary>
    /// Email addresses to look up. Binds by property name (and the EmailAddress alias), which is how
    /// a customer of the other service piped in is looked up: by its email, never its id.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByEmailSet)]
    [Alias("EmailAddress")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[]? Email { get; set; }

    /// <summary>The connection to use instead of the session's default one.</summary>
    [Parameter]
    public TConnection? Connection { get; set; }

    /// <summary>How many requests may run at once.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>The connection in use, from -Connection or the session.</summary>
    private protected TConnection Active { get; private set; } = null!;

    private protected IRequestLog Log => _pump!;

    /// <summary>"Connect-Kustomer": named in the NotConnected error.</summary>
    private protected abstract string ConnectCommand { get; }

    /// <summary>Whether -First is met: no further input needs a request.</summary>
    private protected bool HasEnough => _firstLeft == 0;

    /// <summary>
    /// For listings that can start at any page: takes the whole pages out of -Skip and returns
    /// their number, so that they are never fetched.
    /// </summary>
    private protected int SkipWholePages(int pageSize)
    {
        ulong pages = Math.Min(_skipLeft / (ulong)pageSize, int.MaxValue - 1);
        _skipLeft -= pages * (ulong)pageSize;
        return (int)pages;
    }

    public void Dispose()
    {
        _stop.Cancel();

        // Give cancelled requests a moment to unwind, so no socket outlives the command.
        Task[] running = _window.Where(p => p.Task is not null).Select(p => (Task)p.Task!)
            .Concat(_pageInFlight is null ? Enumerable.Empty<Task>() : new[] { _pageInFlight }).ToArray();
        bool finished = running.Length == 0 || WaitQuietly(running, TimeSpan.FromSeconds(1));
        if (finished)
        {
            _stop.Dispose();
            _pump?.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    protected override void BeginProcessing()
    {
        _pump = new PipelinePump(this);
        if (PagingParameters is { } paging)
        {
            _skipLeft = paging.Skip;
            _firstLeft = paging.First;
        }

        TConnection? connection = Connection ?? SessionConnection<TConnection>.Current;
        if (connection is null || !connection.IsConnected)
        {
            string why = connection is null ? "There is no connection in this session" : "That connection was closed with Disconnect";
            ThrowTerminatingError(new CustomerToolsException(ErrorIds.NotConnected, ErrorCategory.ConnectionError, null,
                $"{why}. Run {ConnectCommand} first, or pass a connection with -Connection.").ToErrorRecord());
        }

        Active = connection!;
    }

    protected override void EndProcessing()
    {
        while (_window.Count > 0)
        {
            WriteHead();
        }

        ReportTotal(null);
    }

    protected override void StopProcessing() => _stop.Cancel();

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

    /// <summary>
    /// Streams a listing: fetches each page while the previous one's records are written, stops
    /// fetching once -First is met, and shows progress until it ends, however it ends.
    /// </summary>
    private protected void List<TItem>(string activity, Uri firstPage, Func<Uri, CancellationToken, Task<ListPage<TItem>>> fetchPage, Action<TItem> enqueue)
    {
        int activityId = Math.Abs(StringComparer.Ordinal.GetHashCode(activity)) % 100000;
        long seen = 0;
        ulong queued = 0;
        ulong budget = _firstLeft;
        Task<ListPage<TItem>>? next = fetchPage(firstPage, _stop.Token);
        _pageInFlight = next;
        try
        {
            while (next is not null)
            {
                ListPage<TItem> page = AwaitPage(next);
                ReportTotal(page.Total);
                seen += page.Items.Count;
                WriteProgress(Progress(activityId, activity, seen, page.Total));

                // Ask for the next page before writing this one, unless -First is met by this one.
                bool needMore = budget == ulong.MaxValue || (ulong)page.Items.Count < _skipLeft + (budget - queued);
                next = page.Next is { } nextPage && page.Items.Count > 0 && needMore
                    ? fetchPage(nextPage, _stop.Token)
                    : null;
                _pageInFlight = next;
                foreach (TItem item in page.Items)
                {
                    if (_skipLeft > 0)
                    {
                        _skipLeft--;
                        continue;
                    }

                    if (queued >= budget)
                    {
                        break;
                    }

                    enqueue(item);
                    queued++;
                }
            }
        }
        catch (CustomerToolsException e) when (!e.IsTerminating)
        {
            // A page that failed for good ends the listing: there is no next link to follow.
            WriteError(e.ToErrorRecord());
        }
        finally
        {
            CompleteProgress(activityId, activity);
        }
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

    private static bool WaitQuietly(Task[] tasks, TimeSpan timeout)
    {
        try
        {
            return Task.WaitAll(tasks, timeout);
        }
        catch (AggregateException)
        {
            return true;
        }
    }

    private static ProgressRecord Progress(int activityId, string activity, long seen, long? total)
    {
        string status = total is > 0
            ? string.Format(CultureInfo.CurrentCulture, "{0:N0} of {1:N0} customers", seen, total)
            : string.Format(CultureInfo.CurrentCulture, "{0:N0} customers", seen);
        return new ProgressRecord(activityId, activity, status)
        {
            PercentComplete = total is > 0 ? (int)Math.Min(100, seen * 100 / total.Value) : -1,
        };
    }

    private void CompleteProgress(int activityId, string activity)
    {
        try
        {
            WriteProgress(new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
        catch (PipelineStoppedException)
        {
            // Stopping: the host clears progress itself.
        }
    }

    private ListPage<TItem> AwaitPage<TItem>(Task<ListPage<TItem>> page)
    {
        _pump!.Watch(page);
        while (!page.IsCompleted)
        {
            WriteFinished();
            if (!page.IsCompleted)
            {
                _pump.WaitAny(this);
            }
        }

        ThrowIfStopped(page);
        if (page.Exception?.InnerException is CustomerToolsException { IsTerminating: true } fatal)
        {
            ThrowTerminatingError(fatal.ToErrorRecord());
        }

        return page.GetAwaiter().GetResult();
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

    private void ThrowIfStopped(Task task)
    {
        if (_stop.IsCancellationRequested && (task.IsCanceled || task.IsFaulted))
        {
            throw new PipelineStoppedException();
        }
    }

    private void Report(Exception error, object? target)
    {
        if (error is CustomerToolsException known)
        {
            if (known.IsTerminating)
            {
                ThrowTerminatingError(known.ToErrorRecord());
            }

            WriteError(known.ToErrorRecord());
            return;
        }

        // Not one of ours: a bug, not the user's fault; report it for this input and go on.
        WriteError(new ErrorRecord(error, ErrorIds.UnexpectedError, ErrorCategory.NotSpecified, target));
    }

    private void ReportTotal(long? total)
    {
        if (_totalReported || PagingParameters is not { IncludeTotalCount.IsPresent: true } paging)
        {
            return;
        }

        _totalReported = true;
        WriteObject(total is { } known ? paging.NewTotalCount((ulong)known, 1.0) : paging.NewTotalCount(0, 0.0));
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
