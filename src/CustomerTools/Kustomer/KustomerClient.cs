using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using System.Threading;
using System;
using CustomerTools.Http;
using CustomerTools.Input;
using CustomerTools.Pipeline;

namespace CustomerTools.Kustomer;

/// <summary>Kustomer's customer reads: by id, by lookup field, and page by page.</summary>
internal sealed class KustomerClient
{
    /// <summary>The largest page the customer list serves (docs/api/kustomer.md §3).</summary>
    public const int MaxPageSize = 100;

    private readonly ApiHttpClient _http;
    private readonly IRequestAuthenticator _authenticator;

    public KustomerClient(ApiHttpClient http, IRequestAuthenticator authenticator)
    {
        _http = http;
        _authenticator = authenticator;
    }

    public Task<IReadOnlyList<KustomerCustomer>> GetCustomerAsync(string id, RequestContext context)
    {
        KustomerInput.CheckId(id);
        return FindAsync(Request(KustomerPaths.Customer(_http.BaseUri, id), $"customer with id {InputQuote.Of(id)}", id), context);
    }

    public Task<IReadOnlyList<KustomerCustomer>> LookupAsync(KustomerLookup field, string value, RequestContext context)
    {
        KustomerInput.Check(field, value);
        string subject = $"customer with {FieldWords(field)} {InputQuote.Of(value)}";
        return FindAsync(Request(KustomerPaths.Lookup(_http.BaseUri, field, value), subject, value), context);
    }

    /// <summary>The list's page number <paramref name="page"/> (from 1).</summary>
    public Uri ListPage(int page, int pageSize) => KustomerPaths.List(_http.BaseUri, page, pageSize);

    public Task<ListPage<KustomerCustomer>> GetPageAsync(Uri page, RequestContext context) =>
        _http.SendAsync(Request(page, "customer list", page.PathAndQuery), (body, ct) => KustomerAnswers.ReadPageAsync(body, _http.BaseUri, ct), context);

    private static string FieldWords(KustomerLookup field) => field switch
    {
        KustomerLookup.Email => "email",
        KustomerLookup.ExternalId => "external id",
        _ => "phone",
    };

    private ApiRequest Request(Uri uri, string subject, object target) =>
        new(HttpMethod.Get, uri, subject, target) { Authenticator = _authenticator };

    private async Task<IReadOnlyList<KustomerCustomer>> FindAsync(ApiRequest request, RequestContext context)
    {
        var customers = await _http.SendAsync(request, async (body, ct) => KustomerAnswers.Customers(await KustomerAnswers.ReadAsync(body, ct).ConfigureAwait(false)), context).ConfigureAwait(false);
        return customers.Length > 0
            ? customers
            : throw ApiErrors.NotFound(_http.Profile, request, "the answer held no customer");
    }
}
