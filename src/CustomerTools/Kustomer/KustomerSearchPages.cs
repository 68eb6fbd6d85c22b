using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using CustomerTools.Http;
using CustomerTools.Json;
using CustomerTools.Pipeline;

namespace CustomerTools.Kustomer;

/// <summary>
/// Walks one search of customers or companies to its end, past Kustomer's limit of 100 pages a
/// query (docs/api/kustomer.md §3a, docs/api/related.md §2). Results come sorted by update time, so
/// after each page the next query starts at the last update time reached (gte); the records met again at that instant are skipped by the
/// listing, which never writes an id twice. Starting over at every page, rather than asking for
/// page 2, 3…, also keeps customers from being skipped when updates during the run move others
/// forward through the pages. Only where a whole page shares one update time (a bulk import) does
/// it go on by page number, up to the limit; what lies beyond that is reported, not lost silently.
/// </summary>
internal sealed class KustomerSearchPages<T> : IPageSource<T>
{
    private readonly KustomerSearchClient _client;
    private readonly KustomerSearchSubject<T> _subject;
    private readonly KustomerSearchQuery _query;
    private readonly int _pageSize;
    private readonly object? _target;

    // The current query: records updated at or after (inclusive) or after _from, page _page.
    private DateTimeOffset? _from;
    private bool _inclusive = true;
    private int _page;

    public KustomerSearchPages(KustomerSearchClient client, KustomerSearchSubject<T> subject, KustomerSearchQuery query, int pageSize, int firstPage, object? target)
    {
        _client = client;
        _subject = subject;
        _query = query;
        _pageSize = pageSize;
        _target = target;
        _from = query.UpdatedSince;
        _page = Math.Min(Math.Max(firstPage, 1), KustomerSearchClient.MaxPages);
    }

    public Task<ListPage<T>>? Next(ListPage<T>? previous, RequestContext context)
    {
        if (previous is null)
        {
            return Fetch(context);
        }

        if (previous.Next is null || previous.Items.Count == 0)
        {
            return null;
        }

        DateTimeOffset? last = _subject.UpdatedAt(previous.Items[previous.Items.Count - 1]);
        if (last is { } reached && (_from is not { } from || reached > from))
        {
            if (context.Log.VerboseEnabled)
            {
                int again = previous.Items.Count(r => _subject.UpdatedAt(r) == reached);
                context.Log.Verbose(string.Format(CultureInfo.InvariantCulture, "Continuing the search from the {0} updated at or after {1} ({2} already written at that time will not be written again).", _subject.Context.Plural, PowerShellValueWriter.Utc(reached), again));
            }

            (_from, _inclusive, _page) = (reached, true, 1);
            return Fetch(context);
        }

        // The whole page shares the update time the query starts at (or has none to go on from).
        if (_page < KustomerSearchClient.MaxPages)
        {
            _page++;
            return Fetch(context);
        }

        if (last is not { } crowded)
        {
            return Task.FromResult(new ListPage<T>(Array.Empty<T>(), null, null) { Notice = TooMany(null) });
        }

        (_inclusive, _page) = (false, 1);
        return WithNotice(Fetch(context), TooMany(crowded));
    }

    private static async Task<ListPage<T>> WithNotice(Task<ListPage<T>> page, CustomerToolsException notice)
    {
        ListPage<T> result = await page.ConfigureAwait(false);
        return new ListPage<T>(result.Items, result.Next, result.Total) { Notice = notice };
    }

    private Task<ListPage<T>> Fetch(RequestContext context) =>
        _client.GetPageAsync(new KustomerSearchPageRequest { Query = _query, UpdatedFrom = _from, Inclusive = _inclusive, Page = _page, PageSize = _pageSize, Target = _target }, _subject.Map, context);

    private CustomerToolsException TooMany(DateTimeOffset? instant)
    {
        int most = KustomerSearchClient.MaxPages * _pageSize;
        string which = instant is { } at ? $"updated at {PowerShellValueWriter.Utc(at)}" : "with no update time";
        string remedy = _pageSize < KustomerSearchClient.MaxPageSize
            ? $"run the search again with -PageSize {KustomerSearchClient.MaxPageSize}, or narrow it with -Query"
            : $"narrow the search with -Query (by {_subject.Context.CreatedAtAttribute}, say) and run it once for each part";
        string plural = _subject.Context.Plural;
        string after = instant is null ? "the search ends here" : $"the {plural} updated after that time follow";
        return new CustomerToolsException(ErrorIds.SearchLimitExceeded, ErrorCategory.LimitsExceeded, instant,
            string.Format(CultureInfo.InvariantCulture,
                "More Kustomer {0} {1} match the search than one search can page through ({2} pages of {3}): the first {4:N0} of them were written and the others left out; {5}. To get them all, {6}.",
                plural, which, KustomerSearchClient.MaxPages, _pageSize, most, after, remedy));
    }
}
