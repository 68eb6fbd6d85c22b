using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CustomerTools.Http;

namespace CustomerTools.Kustomer;

/// <summary>
/// Kustomer's customer search (api notes §3a): one page of one query, sent as
/// <c>POST /v1/customers/search?page=&amp;pageSize=</c>. Going on from page to page and past the
/// 100-page limit is <see cref="KustomerSearchContinuation"/>'s job.
/// </summary>
internal sealed class KustomerSearchClient
{
    /// <summary>The largest page a search serves.</summary>
    public const int MaxPageSize = 500;

    /// <summary>A query is served this many pages at most; page 101 is refused.</summary>
    public const int MaxPages = 100;

    /// <summary>Searches by API keys are limited to this many a minute, apart from the org's quota (api notes §3a).</summary>
    public const int SearchesPerMinute = 100;

    private const string SearchRoleHint = "Give the API key a role that may search customers (such as org.permission.search.create; Kustomer: Settings > Security > API Keys), then run Connect-Kustomer again.";

    private readonly ApiHttpClient _http;
    private readonly IRequestAuthenticator _authenticator;

    public KustomerSearchClient(ApiHttpClient http, IRequestAuthenticator authenticator)
    {
        _http = http;
        _authenticator = authenticator;
        Quota = http.AddQuota("search quota", SearchesPerMinute);
    }

    /// <summary>Kept to by every search of the connection, by the headers search answers carry, else as documented.</summary>
    public RateLimitPacer Quota { get; }

    /// <summary>
    /// Page <paramref name="page"/> of the customers <paramref name="query"/> asks for that were
    /// updated at or after (<paramref name="inclusive"/>), or after, <paramref name="updatedFrom"/>.
    /// </summary>
    public Task<ListPage<KustomerCustomer>> GetPageAsync(KustomerSearchQuery query, DateTimeOffset? updatedFrom, bool inclusive, int page, int pageSize, object? target, IRequestLog log, CancellationToken cancellationToken)
    {
        Uri uri = KustomerPaths.Search(_http.BaseUri, page, pageSize);
        byte[] body = query.Body(updatedFrom, inclusive);
        if (log.DebugEnabled)
        {
            // Criteria only: nothing secret is in a search body.
            log.Debug($"POST {uri.AbsoluteUri} body: {Encoding.UTF8.GetString(body)}");
        }

        var request = new ApiRequest(HttpMethod.Post, uri, "customer search", target)
        {
            Authenticator = _authenticator,
            Content = () => new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            PermissionHint = SearchRoleHint,
            Quota = Quota,
        };
        return _http.SendAsync(request, (stream, ct) => KustomerPages.ReadPageAsync(stream, _http.BaseUri, ct), log, cancellationToken);
    }
}
