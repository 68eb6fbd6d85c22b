using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CustomerTools.Http;

namespace CustomerTools.Commands;

/// <summary>
/// What both Get-*Customer cmdlets share: finding the connection, running requests concurrently
/// (at most -ThrottleLimit at once) while writing results strictly in input order from the
/// pipeline thread (CustomerCmdlet.OrderedWindow.cs), listings page by page with no customer
/// written twice (CustomerCmdlet.Listing.cs), -First/-Skip, and turning failures into error
/// records. Ctrl+C cancels everything in flight.
/// </summary>
public abstract partial class CustomerCmdlet<TConnection, TOutput> : PSCmdlet, IDisposable
    where TConnection : ServiceConnection
{
    private readonly CancellationTokenSource _stop = new();
    private PipelinePump? _pump;
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

    /// <summary>The customers this command has written or queued, so that none is written twice.</summary>
    private protected CustomerIdSet Seen { get; } = new();

    /// <summary>"Connect-Kustomer": named in the NotConnected error.</summary>
    private protected abstract string ConnectCommand { get; }

    /// <summary>Whether -First is met: no further input needs a request.</summary>
    private protected bool HasEnough => _firstLeft == 0;

    /// <summary>
    /// For listings that can start at any page: takes the whole pages out of -Skip and returns
    /// their number, so that they are never fetched. At most <paramref name="maxPages"/>.
    /// </summary>
    private protected int SkipWholePages(int pageSize, int maxPages = int.MaxValue - 1)
    {
        ulong pages = Math.Min(_skipLeft / (ulong)pageSize, (ulong)maxPages);
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
}
