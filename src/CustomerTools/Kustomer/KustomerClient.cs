using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CustomerTools.Http;

namespace CustomerTools.Kustomer;

/// <summary>Kustomer's customer reads: by id, by lookup field, and page by page.</summary>
internal sealed class KustomerClient
{
    /// <summary>The largest page the customer list serves (api notes §3).</summary>
    public const int MaxPageSize = 100;

    private readonly ApiHttpClient _http;
    private readonly IRequestAuthenticator _authenticator;

    public KustomerClient(ApiHttpClient http, IRequestAuthenticator authenticator)
    {
        _http = http;
        _authenticator = authenticator;
    }

    public Task<IReadOnlyList<KustomerCustomer>> GetCustomerAsync(string id, IRequestLog log, CancellationToken cancellationToken)
    {
        KustomerInput.CheckId(id);
        return FindAsync(Request(KustomerPaths.Customer(_http.BaseUri, id), $"customer with id {InputText.Quote(id)}", id), log, cancellationToken);
    }

    public Task<IReadOnlyList<KustomerCustomer>> LookupAsync(KustomerLookup field, string value, IRequestLog log, CancellationToken cancellationToken)
    {
        KustomerInput.Check(field, value);
        string subject = $"customer with {FieldWords(field)} {InputText.Quote(value)}";
        return FindAsync(Request(KustomerPaths.Lookup(_http.BaseUri, field, value), subject, value), log, cancellationToken);
    }

    /// <summary>The list's page number <paramref name="page"/> (from 1).</summary>
    public Uri ListPage(int page, int pageSize) => KustomerPaths.List(_http.BaseUri, page, pageSize);

    public Task<ListPage<KustomerCustomer>> GetPageAsync(Uri page, IRequestLog log, CancellationToken cancellationToken) =>
        _http.SendAsync(Request(page, "customer list", page.PathAndQuery), (body, ct) => KustomerPages.ReadPageAsync(body, _http.BaseUri, ct), log, cancellationToken);

    private static string FieldWords(KustomerLookup field) => field switch
    {
        KustomerLookup.Email => "email",
        KustomerLookup.ExternalId => "external id",
        _ => "phone",
    };

    private ApiRequest Request(Uri uri, string subject, object target) =>
        new(HttpMethod.Get, uri, subject, target) { Authenticator = _authenticator };

    private async Task<IReadOnlyList<KustomerCustomer>> FindAsync(ApiRequest request, IRequestLog log, CancellationToken cancellationToken)
    {
        var customers = await _http.SendAsync(request, async (body, ct) => KustomerPages.Customers(await KustomerPages.ReadAsync(body, ct).ConfigureAwait(false)), log, cancellationToken).ConfigureAwait(false);
        return customers.Length > 0
            ? customers
            : throw ApiErrors.FromStatus(_http.Profile, request, HttpStatusCode.NotFound, "Not Found", "the answer held no customer", 0);
    }
}
