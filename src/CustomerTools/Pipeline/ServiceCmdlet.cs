using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CustomerTools.Commands;
using CustomerTools.Http;

namespace CustomerTools.Pipeline;

/// <summary>
/// What every cmdlet that sends requests shares: finding the connection (-Connection, else the
/// session's), one <see cref="OrderedWindow{T}"/> for its inputs (at most -ThrottleLimit at once,
/// written in input order), a <see cref="Listing{T}"/> for page-by-page reads, -First/-Skip through
/// one <see cref="PagingBudget"/>, and Ctrl+C, which cancels everything in flight.
/// </summary>
public abstract class ServiceCmdlet<TConnection, TOutput> : PSCmdlet, IDisposable
    where TConnection : ServiceConnection
{
    private readonly CancellationTokenSource _stop = new();
    private PipelinePump? _pump;
    private OrderedWindow<TOutput>? _window;
    private PagingBudget? _budget;
    private Listing<TOutput>? _listing;
    private HashSet<object>? _requested;

    private protected ServiceCmdlet()
    {
    }

    /// <summary>The connection to use instead of the session's default one.</summary>
    [Parameter]
    public TConnection? Connection { get; set; }

    /// <summary>How many requests may run at once.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 4;

    /// <summary>The connection in use, from -Connection or the session.</summary>
    private protected TConnection Active { get; private set; } = null!;

    /// <summary>"Connect-Kustomer": named in the NotConnected error.</summary>
    private protected abstract string ConnectCommandName { get; }

    private protected PagingBudget Budget => _budget!;

    private protected Listing<TOutput> Listing => _listing!;

    /// <summary>The records a listing has written or queued, so that none is written twice.</summary>
    private protected CustomerIdSet Seen { get; } = new();

    /// <summary>For work done outside the window (a connect's token request).</summary>
    private protected RequestContext Context => new(_pump!, _stop.Token);

    public void Dispose()
    {
        _stop.Cancel();

        // Give cancelled requests a moment to unwind, so no socket outlives the command.
        IEnumerable<Task> inFlight = _listing?.PageInFlight is { } page ? new[] { page } : Enumerable.Empty<Task>();
        Task[] running = (_window?.Running ?? Enumerable.Empty<Task>()).Concat(inFlight).ToArray();
        if (running.Length == 0 || WaitQuietly(running, TimeSpan.FromSeconds(1)))
        {
            _stop.Dispose();
            _pump?.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Starts the requests for one input (unless -First is met); its results are written in input order.</summary>
    private protected void Start(object? target, Func<RequestContext, Task<IReadOnlyList<TOutput>>> work)
    {
        if (!Budget.IsMet)
        {
            _window!.Start(target, work, ThrottleLimit);
        }
    }

    /// <summary>
    /// Like <see cref="Start"/>, but only the first time this command meets <paramref name="id"/>:
    /// an organization or company that many piped customers share is requested and written once,
    /// in the turn of its first appearance.
    /// </summary>
    private protected void StartOnce(object id, Func<RequestContext, Task<IReadOnlyList<TOutput>>> work)
    {
        if ((_requested ??= new HashSet<object>()).Add(id))
        {
            Start(id, work);
        }
    }

    /// <summary>Says on the verbose stream that a piped record was passed over, having no <paramref name="link"/> ("organization").</summary>
    private protected void PassOver(object? record, string link) =>
        Say(string.Format(CultureInfo.InvariantCulture, "{0} has no {1}; passed over.", record ?? "(null)", link));

    /// <summary>Queues a record that needs no request, behind those still running.</summary>
    private protected void Add(TOutput record) => _window!.Add(record);

    /// <summary>Writes every result whose turn has come, and any queued messages.</summary>
    private protected void WriteFinished() => _window!.WriteFinished();

    /// <summary>A verbose line that never makes the engine ask (see <see cref="StreamPreference"/>).</summary>
    private protected void Say(string text) => StreamPreference.WriteVerbose(this, text);

    private protected bool IsGiven(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

    protected override void BeginProcessing()
    {
        _pump = new PipelinePump(this);
        _budget = new PagingBudget(PagingParameters);
        _window = new OrderedWindow<TOutput>(this, _pump, WriteRecord, _stop.Token);
        _listing = new Listing<TOutput>(this, _window, _budget, Context);

        TConnection? connection = Connection ?? SessionConnection<TConnection>.Current;
        if (connection is null || !connection.IsConnected)
        {
            string why = connection is null ? "There is no connection in this session" : "That connection was closed with Disconnect";
            ThrowTerminatingError(new CustomerToolsException(ErrorIds.NotConnected, ErrorCategory.ConnectionError, null,
                $"{why}. Run {ConnectCommandName} first, or pass a connection with -Connection.").ToErrorRecord());
        }

        Active = connection!;
    }

    protected override void EndProcessing()
    {
        _window!.Drain();
        _listing!.WriteTotalCount(null);
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

    private void WriteRecord(TOutput record)
    {
        if (Budget.Admit())
        {
            WriteObject(record);
        }
    }
}
