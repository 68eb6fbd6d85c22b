using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerTools.Commands;

// Listings: page after page, the next one fetched while this one is written, no customer written
// twice, -First/-Skip, and progress until the listing ends, however it ends.
public abstract partial class CustomerCmdlet<TConnection, TOutput>
{
    private Task? _pageInFlight;

    /// <summary>
    /// Streams a listing. <paramref name="nextPage"/> starts the request for the page after the one
    /// it is given (the first page when given null), or returns null when there is none.
    /// <paramref name="isNew"/> is asked once for each record the service sends and says whether the
    /// command has not met it yet: a page that shifted repeats records, which are then skipped.
    /// </summary>
    private protected void List<TItem>(string activity, Func<ListPage<TItem>?, CancellationToken, Task<ListPage<TItem>>?> nextPage, Func<TItem, bool> isNew, Action<TItem> enqueue)
    {
        int activityId = Math.Abs(StringComparer.Ordinal.GetHashCode(activity)) % 100000;
        long seen = 0;
        long? total = null;
        ulong queued = 0;
        ulong budget = _firstLeft;
        Task<ListPage<TItem>>? next = nextPage(null, _stop.Token);
        _pageInFlight = next;
        try
        {
            for (bool first = true; next is not null; first = false)
            {
                ListPage<TItem> page = AwaitPage(next);
                if (first)
                {
                    // Later pages of a search may count only what is left; the first counts all.
                    total = page.Total;
                    ReportTotal(total);
                }

                // Ask for the next page before writing this one, unless -First is met by this one.
                bool needMore = budget == ulong.MaxValue || (ulong)page.Items.Count < _skipLeft + (budget - queued);
                next = page.Items.Count > 0 && needMore ? nextPage(page, _stop.Token) : null;
                _pageInFlight = next;
                if (page.Notice is { } notice)
                {
                    EmitError(notice);
                }

                // Shown before the records are written: a -First downstream may stop the pipeline among them.
                var fresh = page.Items.Where(isNew).ToList();
                seen += fresh.Count;
                WriteProgress(Progress(activityId, activity, seen, total));
                foreach (TItem item in fresh)
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
            // A page that failed for good ends the listing: there is no next page to ask for.
            EmitError(e);
        }
        finally
        {
            CompleteProgress(activityId, activity);
        }
    }

    /// <summary>For listings that follow the service's next-page links from <paramref name="first"/>.</summary>
    private protected static Func<ListPage<TItem>?, CancellationToken, Task<ListPage<TItem>>?> ByNextLink<TItem>(Uri first, Func<Uri, CancellationToken, Task<ListPage<TItem>>> fetch) =>
        (previous, ct) => previous is null ? fetch(first, ct) : previous.Next is { } link ? fetch(link, ct) : null;

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

    /// <summary>Queues an error behind the records queued before it, so it is written in its turn.</summary>
    private void EmitError(CustomerToolsException error)
    {
        _window.Enqueue(new Pending(error.Target, Task.FromException<System.Collections.Generic.IReadOnlyList<TOutput>>(error), default));
        WriteFinished();
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
}
