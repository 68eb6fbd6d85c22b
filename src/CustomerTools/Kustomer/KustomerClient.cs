using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using System;
using CustomerTools.Http;
using CustomerTools.Input;
using CustomerTools.Pipeline;

namespace CustomerTools.Kustomer;

/// <summary>Kustomer's reads of customers and companies: by id, by lookup field, and page by page.</summary>
internal sealed class KustomerClient
{
    /// <summary>The largest page the customer and company lists serve (docs/api/kustomer.md §3, docs/api/related.md §2).</summary>
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
        return FindAsync(Request(KustomerPaths.Customer(_http.BaseUri, id), $"customer with id {InputQuote.Of(id)}", id), KustomerCustomerMapper.ToCustomer, context);
    }

    public Task<IReadOnlyList<KustomerCustomer>> LookupAsync(KustomerLookup field, string value, RequestContext context)
    {
        KustomerInput.Check(field, value);
        string subject = $"customer with {FieldWords(field)} {InputQuote.Of(value)}";
        return FindAsync(Request(KustomerPaths.Lookup(_http.BaseUri, field, value), subject, value), KustomerCustomerMapper.ToCustomer, context);
    }

    public Task<IReadOnlyList<KustomerCompany>> GetCompanyAsync(string id, RequestContext context)
    {
        KustomerInput.CheckCompanyId(id);
        return FindAsync(CompanyRequest(KustomerPaths.Company(_http.BaseUri, id), $"company with id {InputQuote.Of(id)}", id), KustomerCompanyMapper.ToCompany, context);
    }

    /// <summary>The companies whose external id is <paramref name="externalId"/> (the list's <c>externalId</c>, alone).</summary>
    public Task<IReadOnlyList<KustomerCompany>> FindCompanyAsync(string externalId, RequestContext context)
    {
        KustomerInput.CheckCompanyExternalId(externalId);
        Uri uri = KustomerPaths.Companies(_http.BaseUri, 1, MaxPageSize, ("externalId", externalId));
        return FindAsync(CompanyRequest(uri, $"company with external id {InputQuote.Of(externalId)}", externalId), KustomerCompanyMapper.ToCompany, context);
    }

    /// <summary>The customer list's page number <paramref name="page"/> (from 1).</summary>
    public Uri ListPage(int page, int pageSize) => KustomerPaths.List(_http.BaseUri, page, pageSize);

    public Task<ListPage<KustomerCustomer>> GetPageAsync(Uri page, RequestContext context) =>
        _http.SendAsync(Request(page, "customer list", page.PathAndQuery), (body, ct) => KustomerAnswers.ReadPageAsync(body, _http.BaseUri, KustomerCustomerMapper.ToCustomer, ct), context);

    /// <summary>The company list's page <paramref name="page"/>, all companies or those whose name matches <paramref name="name"/> (the list's <c>filter</c>).</summary>
    public Uri CompanyListPage(int page, int pageSize, string? name) =>
        KustomerPaths.Companies(_http.BaseUri, page, pageSize, name is null ? null : ("filter", name));

    public Task<ListPage<KustomerCompany>> GetCompanyPageAsync(Uri page, object target, RequestContext context) =>
        _http.SendAsync(CompanyRequest(page, "company list", target), (body, ct) => KustomerAnswers.ReadPageAsync(body, _http.BaseUri, KustomerCompanyMapper.ToCompany, ct), context);

    private static string FieldWords(KustomerLookup field) => field switch
    {
        KustomerLookup.Email => "email",
        KustomerLookup.ExternalId => "external id",
        _ => "phone",
    };

    private ApiRequest Request(Uri uri, string subject, object target) =>
        new(HttpMethod.Get, uri, subject, target) { Authenticator = _authenticator };

    private ApiRequest CompanyRequest(Uri uri, string subject, object target) =>
        new(HttpMethod.Get, uri, subject, target) { Authenticator = _authenticator, NotFoundId = ErrorIds.CompanyNotFound };

    private async Task<IReadOnlyList<T>> FindAsync<T>(ApiRequest request, Func<KustomerResource, T> map, RequestContext context)
    {
        var found = await _http.SendAsync(request, async (body, ct) => KustomerAnswers.Resources(await KustomerAnswers.ReadAsync(body, ct).ConfigureAwait(false), map), context).ConfigureAwait(false);
        return found.Length > 0
            ? found
            : throw ApiErrors.NotFound(_http.Profile, request, "the answer held none");
    }
}
