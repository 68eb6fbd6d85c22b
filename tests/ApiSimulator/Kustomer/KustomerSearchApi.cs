using System;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CustomerTools.ApiSimulator.Kustomer;

/// <summary>
/// <c>POST /v1/customers/search?page=&amp;pageSize=</c> (docs/api/kustomer.md §3a): the search role, the search
/// quota (apart from the org's, which the simulator has already taken), paging within the
/// documented caps (pageSize ≤ 500, at most 100 pages per query) and the body's criteria.
/// </summary>
internal sealed class KustomerSearchApi
{
    public const string SearchPath = "/v1/customers/search";
    public const int MaxPages = 100;
    public const int MaxPageSize = 500;
    public const int DefaultPageSize = 100;
    public const string SearchRole = "org.permission.search.create";

    // Quotes and apostrophes stay as they are in the error texts.
    private static readonly JsonSerializerOptions ErrorJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] QuotaHeaders = { "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset" };

    private readonly KustomerStore _store;
    private readonly Simulator _simulator;

    public KustomerSearchApi(KustomerStore store, Simulator simulator)
    {
        _store = store;
        _simulator = simulator;
    }

    public Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        if (request.Header("Authorization") == $"Bearer {KustomerStore.NoSearchRoleKey}")
        {
            return Error(context, 403, "forbidden", "Forbidden", $"This API key lacks the role {SearchRole}, which searching customers needs: add it to the key's roles");
        }

        if (!TakeSearchQuota(context))
        {
            return Error(context, 429, "too_many_requests", "Too Many Requests", "Search rate limit exceeded for this API key");
        }

        if (!TryNumber(request, "page", 1, out int page) || page < 1)
        {
            return BadRequest(context, $"page must be a whole number from 1, not '{request.Query["page"]}'");
        }

        if (page > MaxPages)
        {
            return BadRequest(context, $"Search results are limited to {MaxPages} pages per query (page {page} was asked): narrow the query, or start a new query from the last customer_updated_at received");
        }

        if (!TryNumber(request, "pageSize", DefaultPageSize, out int pageSize) || pageSize < 1 || pageSize > MaxPageSize)
        {
            return BadRequest(context, $"pageSize must be between 1 and {MaxPageSize}, not '{request.Query["pageSize"]}'");
        }

        SearchQuery query;
        try
        {
            query = SearchQuery.Parse(request.Body);
        }
        catch (SearchRejected e)
        {
            return BadRequest(context, e.Message);
        }

        var items = _store.ServeSearchPage(query, request.Body, page, pageSize, out int total);
        bool hasNext = page < KustomerPages.TotalPages(total, pageSize);
        return Answers.Json(context, 200, KustomerPages.Envelope(SearchPath, page, pageSize, total, items, hasNext));
    }

    /// <summary>
    /// Takes one search from the search quota, if there is one. Whether search answers carry
    /// their own rate headers is unconfirmed (docs/api/kustomer.md §3a), so both ways can be simulated:
    /// with headers, the search quota's replace the org's; without, none are sent, and a 429
    /// says only Retry-After.
    /// </summary>
    private bool TakeSearchQuota(HttpContext context)
    {
        var headers = context.Response.Headers;
        bool withHeaders = _simulator.KustomerSearchQuotaHeaders;
        if (!withHeaders)
        {
            foreach (string header in QuotaHeaders)
            {
                headers.Remove(header);
            }
        }

        QuotaWindow? quota = _simulator.KustomerSearchQuota;
        if (quota is null)
        {
            return true;
        }

        bool allowed = quota.TryTake(DateTimeOffset.UtcNow, out int remaining, out TimeSpan untilReset);
        if (withHeaders)
        {
            headers[QuotaHeaders[0]] = quota.Limit.ToString(CultureInfo.InvariantCulture);
            headers[QuotaHeaders[1]] = remaining.ToString(CultureInfo.InvariantCulture);
            headers[QuotaHeaders[2]] = untilReset.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
        }
        else if (!allowed)
        {
            headers.RetryAfter = Math.Ceiling(untilReset.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return allowed;
    }

    private static bool TryNumber(RecordedRequest request, string name, int fallback, out int value)
    {
        value = fallback;
        return !request.Query.TryGetValue(name, out string? text) || int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static Task BadRequest(HttpContext context, string detail) => Error(context, 400, "bad_request", "Bad Request", detail);

    private static Task Error(HttpContext context, int status, string code, string title, string detail) =>
        Answers.Json(context, status, JsonSerializer.Serialize(new { errors = new[] { new { status, code, title, detail } } }, ErrorJson));
}
