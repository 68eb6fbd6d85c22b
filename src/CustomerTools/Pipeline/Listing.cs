using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using CustomerTools.Http;

namespace CustomerTools.Pipeline;

/// <summary>
/// Streams a listing: page after page from its <see cref="IPageSource{T}"/>, the next one fetched
/// while this one is written, no record written twice, -First/-Skip through the command's
/// <see cref="PagingBudget"/>, and progress until the listing ends, however it ends.
/// </summary>
internal sealed class Listing<TOutput>
{
    private readonly Cmdlet _cmdlet;
    private readonly OrderedWindow<TOutput> _window;
    private readonly PagingBudget _budget;
    private readonly RequestContext _context;

    public Listing(Cmdlet cmdlet, OrderedWindow<TOutput> window, PagingBudget budget, RequestContext context)
    {
        _cmdlet = cmdlet;
        _window = window;
        _budget = budget;
        _context = context;
    }

    /// <summary>The page request running, for a stop to wait on briefly.</summary>
    public Task? PageInFlight { get; private set; }

    /// <summary>
    /// Runs the listing. <paramref name="isNew"/> is asked once for each record the service sends
    /// and says whether the command has not met it yet: a page that shifted repeats records, which
    /// are then skipped. <paramref name="enqueue"/> queues one record on the window (or the request
    /// that completes it). <paramref name="records"/> names them in the progress bar.
    /// </summary>
    public void Run<TItem>(string activity, IPageSource<TItem> source, Func<TItem, bool> isNew, Action<TItem> enqueue, string records = "customers")
    {
        int activityId = Math.Abs(StringComparer.Ordinal.GetHashCode(activity)) % 100000;
        long seen = 0;
        long? total = null;
        Task<ListPage<TItem>>? next = source.Next(null, _context);
        PageInFlight = next;
        try
        {
            for (bool first = true; next is not null; first = false)
            {
                ListPage<TItem> page = _window.Await(next);
                if (first)
                {
                    // Later pages of a search may count only what is left; the first counts all.
                    total = page.Total;
                    WriteTotalCount(total);
                }

                // Ask for the next page before writing this one, unless -First is met by this one.
                next = page.Items.Count > 0 && _budget.WantsMoreThan(page.Items.Count) ? source.Next(page, _context) : null;
                PageInFlight = next;
                if (page.Notice is { } notice)
                {
                    _window.AddError(notice);
                }

                // Shown before the records are written: a -First downstream may stop the pipeline among them.
                var fresh = page.Items.Where(isNew).ToList();
                seen += fresh.Count;
                _cmdlet.WriteProgress(Progress(activityId, activity, records, seen, total));
                foreach (TItem item in fresh)
                {
                    if (_budget.Skips())
                    {
                        continue;
                    }

                    if (!_budget.TryQueue())
                    {
                        break;
                    }

                    enqueue(item);
                }
            }
        }
        catch (CustomerToolsException e) when (!e.IsTerminating)
        {
            // A page that failed for good ends the listing: there is no next page to ask for.
            _window.AddError(e);
        }
        finally
        {
            CompleteProgress(activityId, activity);
        }
    }

    /// <summary>The -IncludeTotalCount object, once, with the count the service gave (null: unknown).</summary>
    public void WriteTotalCount(long? total)
    {
        if (_budget.TakeTotalCount(total) is { } count)
        {
            _cmdlet.WriteObject(count);
        }
    }

    private static ProgressRecord Progress(int activityId, string activity, string records, long seen, long? total)
    {
        string status = total is > 0
            ? string.Format(CultureInfo.CurrentCulture, "{0:N0} of {1:N0} {2}", seen, total, records)
            : string.Format(CultureInfo.CurrentCulture, "{0:N0} {1}", seen, records);
        return new ProgressRecord(activityId, activity, status)
        {
            PercentComplete = total is > 0 ? (int)Math.Min(100, seen * 100 / total.Value) : -1,
        };
    }

    private void CompleteProgress(int activityId, string activity)
    {
        try
        {
            _cmdlet.WriteProgress(new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
        catch (PipelineStoppedException)
        {
            // Stopping: the host clears progress itself.
        }
    }
}
