using System.Net.Http.Headers;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using System;
using CustomerTools.Http;
using CustomerTools.Pipeline;

namespace CustomerTools.Kustomer;

/// <summary>
/// Kustomer's search (docs/api/kustomer.md §3a), of customers or, by its queryContext, companies
/// (docs/api/related.md §2): one page of one query, sent as <c>POST /v1/customers/search?page=&amp;pageSize=</c>. Going on from page to page and past the
/// 100-page limit is <see cref="KustomerSearchPages"/>'s job.
/// </summary>
internal sealed class KustomerSearchClient
{
    /// <summary>The largest page a search serves.</summary>
    public const int MaxPageSize = 500;

    /// <summary>A query is served this many pages at most; page 101 is refused.</summary>
    public const int MaxPages = 100;

    /// <summary>Searches by API keys are limited to this many a minute, apart from the org's quota (docs/api/kustomer.md §3a).</summary>
    public const int SearchesPerMinute = 100;

    private const string SearchRoleHint = "Give the API key a role that may search customers (such as org.permission.search.create; Kustomer: Settings > Security > API Keys), then run Connect-Kustomer again.";

    private readonly ApiHttpClient _http;
    private readonly IRequestAuthenticator _authenticator;

    public KustomerSearchClient(ApiHttpClient http, IRequestAuthenticator authenticator, RateLimitPacer quota)
    {
        _http = http;
        _authenticator = authenticator;
        Quota = quota;
    }

    /// <summary>Kept to by every search of the connection, by the headers search answers carry, else as documented.</summary>
    public RateLimitPacer Quota { get; }

    /// <summary>The page <paramref name="search"/> names.</summary>
    public Task<ListPage<T>> GetPageAsync<T>(KustomerSearchPageRequest search, Func<KustomerResource, T> map, RequestContext context)
    {
        Uri uri = KustomerPaths.Search(_http.BaseUri, search.Page, search.PageSize);
        byte[] body = search.Query.Body(search.UpdatedFrom, search.Inclusive);
        if (context.Log.DebugEnabled)
        {
            // Criteria only: nothing secret is in a search body.
            context.Log.Debug($"POST {uri.AbsoluteUri} body: {Encoding.UTF8.GetString(body)}");
        }

        var request = new ApiRequest(HttpMethod.Post, uri, search.Query.Context.Name + " search", search.Target)
        {
            Authenticator = _authenticator,
            Content = () => new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            PermissionHint = SearchRoleHint,
            Quota = Quota,
        };
        return _http.SendAsync(request, (stream, ct) => KustomerAnswers.ReadPageAsync(stream, _http.BaseUri, map, ct), context);
    }
}
