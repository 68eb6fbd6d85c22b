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
/// Walks one search to its end, past Kustomer's limit of 100 pages a query (docs/api/kustomer.md §3a).
/// Results come sorted by update time, so after each page the next query starts at the last
/// update time reached (gte); the customers met again at that instant are skipped by the
/// listing, which never writes an id twice. Starting over at every page, rather than asking for
/// page 2, 3…, also keeps customers from being skipped when updates during the run move others
/// forward through the pages. Only where a whole page shares one update time (a bulk import) does
/// it go on by page number, up to the limit; what lies beyond that is reported, not lost silently.
/// </summary>
internal sealed class KustomerSearchPages : IPageSource<KustomerCustomer>
{
    private readonly KustomerSearchClient _client;
    private readonly KustomerSearchQuery _query;
    private readonly int _pageSize;
    private readonly object? _target;

    // The current query: customers updated at or after (inclusive) or after _from, page _page.
    private DateTimeOffset? _from;
    private bool _inclusive = true;
    private int _page;

    public KustomerSearchPages(KustomerSearchClient client, KustomerSearchQuery query, int pageSize, int firstPage, object? target)
    {
        _client = client;
        _query = query;
        _pageSize = pageSize;
        _target = target;
        _from = query.UpdatedSince;
        _page = Math.Min(Math.Max(firstPage, 1), KustomerSearchClient.MaxPages);
    }

    public Task<ListPage<KustomerCustomer>>? Next(ListPage<KustomerCustomer>? previous, RequestContext context)
    {
        if (previous is null)
        {
            return Fetch(context);
        }

        if (previous.Next is null || previous.Items.Count == 0)
        {
            return null;
        }

        DateTimeOffset? last = previous.Items[previous.Items.Count - 1].UpdatedAt;
        if (last is { } reached && (_from is not { } from || reached > from))
        {
            if (context.Log.VerboseEnabled)
            {
                int again = previous.Items.Count(c => c.UpdatedAt == reached);
                context.Log.Verbose(string.Format(CultureInfo.InvariantCulture, "Continuing the search from the customers updated at or after {0} ({1} already written at that time will not be written again).", PowerShellValueWriter.Utc(reached), again));
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
            return Task.FromResult(new ListPage<KustomerCustomer>(Array.Empty<KustomerCustomer>(), null, null) { Notice = TooMany(null) });
        }

        (_inclusive, _page) = (false, 1);
        return WithNotice(Fetch(context), TooMany(crowded));
    }

    private static async Task<ListPage<KustomerCustomer>> WithNotice(Task<ListPage<KustomerCustomer>> page, CustomerToolsException notice)
    {
        ListPage<KustomerCustomer> result = await page.ConfigureAwait(false);
        return new ListPage<KustomerCustomer>(result.Items, result.Next, result.Total) { Notice = notice };
    }

    private Task<ListPage<KustomerCustomer>> Fetch(RequestContext context) =>
        _client.GetPageAsync(new KustomerSearchPageRequest { Query = _query, UpdatedFrom = _from, Inclusive = _inclusive, Page = _page, PageSize = _pageSize, Target = _target }, context);

    private CustomerToolsException TooMany(DateTimeOffset? instant)
    {
        int most = KustomerSearchClient.MaxPages * _pageSize;
        string which = instant is { } at ? $"updated at {PowerShellValueWriter.Utc(at)}" : "with no update time";
        string remedy = _pageSize < KustomerSearchClient.MaxPageSize
            ? $"run the search again with -PageSize {KustomerSearchClient.MaxPageSize}, or narrow it with -Query"
            : "narrow the search with -Query (by customer_created_at, say) and run it once for each part";
        string after = instant is null ? "the search ends here" : "the customers updated after that time follow";
        return new CustomerToolsException(ErrorIds.SearchLimitExceeded, ErrorCategory.LimitsExceeded, instant,
            string.Format(CultureInfo.InvariantCulture,
                "More Kustomer customers {0} match the search than one search can page through ({1} pages of {2}): the first {3:N0} of them were written and the others left out; {4}. To get them all, {5}.",
                which, KustomerSearchClient.MaxPages, _pageSize, most, after, remedy));
    }
}
