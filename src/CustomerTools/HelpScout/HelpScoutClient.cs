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

namespace CustomerTools.HelpScout;

/// <summary>
/// Help Scout's reads of customers (by id, by exact email, page by page) and of organizations (by
/// id, page by page, and an organization's customers, docs/api/related.md §1).
/// </summary>
internal sealed class HelpScoutClient
{
    private readonly ApiHttpClient _http;
    private readonly IRequestAuthenticator _authenticator;

    public HelpScoutClient(ApiHttpClient http, IRequestAuthenticator authenticator)
    {
        _http = http;
        _authenticator = authenticator;
    }

    public async Task<IReadOnlyList<HelpScoutCustomer>> GetCustomerAsync(long id, RequestContext context) =>
        new[] { await FetchAsync(id, id, context).ConfigureAwait(false) };

    /// <summary>
    /// The customers whose email equals <paramref name="email"/>, ignoring case. Help Scout's search
    /// matches emails that contain the text, so each candidate is checked, its full record fetched
    /// when the list leaves out its emails.
    /// </summary>
    public async Task<IReadOnlyList<HelpScoutCustomer>> FindByEmailAsync(string email, RequestContext context)
    {
        HelpScoutInput.CheckSearchEmail(email);
        var filter = new HelpScoutFilter { Query = HelpScoutPaths.EmailQuery(email) };
        var found = new List<HelpScoutCustomer>();
        int candidates = 0;
        for (Uri? page = ListPage(filter, 1); page is not null;)
        {
            ListPage<HelpScoutListItem> result = await GetPageAsync(page, filter, email, context).ConfigureAwait(false);
            foreach (HelpScoutListItem item in result.Items)
            {
                candidates++;
                HelpScoutCustomer customer = item.Customer ?? await FetchAsync(item.Id, email, context).ConfigureAwait(false);
                if (customer.Emails.Any(e => string.Equals(e.Value, email, StringComparison.OrdinalIgnoreCase)))
                {
                    found.Add(customer);
                }
            }

            page = result.Next;
        }

        if (found.Count == 0)
        {
            var request = new ApiRequest(HttpMethod.Get, ListPage(filter, 1), $"customer with email {InputQuote.Of(email)}", email);
            throw ApiErrors.NotFound(_http.Profile, request,
                candidates == 0 ? "the search found nobody" : $"the search found {candidates} whose email only contains it");
        }

        return found;
    }

    /// <summary>The list's page <paramref name="page"/> (from 1), narrowed by <paramref name="filter"/>.</summary>
    public Uri ListPage(HelpScoutFilter filter, int page) => HelpScoutPaths.List(_http.BaseUri, filter, page);

    public Task<ListPage<HelpScoutListItem>> GetPageAsync(Uri page, HelpScoutFilter filter, object target, RequestContext context) =>
        GetListPageAsync(Request(page, "customer list", target), Items, number => ListPage(filter, number), context);

    /// <summary>Page <paramref name="page"/> (from 1) of the customers of organization <paramref name="organizationId"/>.</summary>
    public Uri MembersPage(long organizationId, int page) => HelpScoutPaths.OrganizationCustomers(_http.BaseUri, organizationId, page);

    public Task<ListPage<HelpScoutListItem>> GetMembersPageAsync(Uri page, long organizationId, RequestContext context) =>
        GetListPageAsync(OrganizationRequest(page, $"organization with id {organizationId}", organizationId), Items, number => MembersPage(organizationId, number), context);

    public async Task<IReadOnlyList<HelpScoutOrganization>> GetOrganizationAsync(long id, bool includeCounts, RequestContext context)
    {
        HelpScoutInput.CheckOrganizationId(id);
        var request = OrganizationRequest(HelpScoutPaths.Organization(_http.BaseUri, id, includeCounts), $"organization with id {id}", id);
        return new[]
        {
            await _http.SendAsync(request, async (body, ct) =>
                HelpScoutOrganizationMapper.ToOrganization(
                    await JsonSerializer.DeserializeAsync(body, HelpScoutJsonContext.Default.HelpScoutOrganizationJson, ct).ConfigureAwait(false)
                    ?? throw new JsonException("the body is null")),
                context).ConfigureAwait(false),
        };
    }

    /// <summary>Page <paramref name="page"/> (from 1) of all organizations, in the order <paramref name="sort"/> names (the service's default when null).</summary>
    public Uri OrganizationsPage(int page, string? sort, bool includeCounts) => HelpScoutPaths.Organizations(_http.BaseUri, page, sort, includeCounts);

    public Task<ListPage<HelpScoutOrganization>> GetOrganizationsPageAsync(Uri page, string? sort, bool includeCounts, RequestContext context) =>
        GetListPageAsync(Request(page, "organization list", "organization list"),
            embedded => (embedded.Organizations ?? new List<HelpScoutOrganizationJson>()).Select(HelpScoutOrganizationMapper.ToOrganization),
            number => OrganizationsPage(number, sort, includeCounts), context);

    private static IEnumerable<HelpScoutListItem> Items(HelpScoutEmbeddedJson embedded) =>
        (embedded.Customers ?? new List<HelpScoutCustomerJson>())
            .Select(c => new HelpScoutListItem(c.Id, c.Embedded is null ? null : HelpScoutCustomerMapper.ToCustomer(c)));

    /// <summary>One page of any v2 list (customers, organizations): its items and the page after it, built by <paramref name="pageAt"/>.</summary>
    private Task<ListPage<T>> GetListPageAsync<T>(ApiRequest request, Func<HelpScoutEmbeddedJson, IEnumerable<T>> items, Func<int, Uri> pageAt, RequestContext context) =>
        _http.SendAsync(request, async (body, ct) =>
        {
            HelpScoutListJson list = await JsonSerializer.DeserializeAsync(body, HelpScoutJsonContext.Default.HelpScoutListJson, ct).ConfigureAwait(false)
                ?? throw new JsonException("the body is null");
            var records = items(list.Embedded ?? new HelpScoutEmbeddedJson()).ToArray();

            // Help Scout's links are absolute and name its own host; the next page is built here
            // instead, so that a -BaseUri proxy keeps working (no next link on the last page).
            int number = list.Page?.Number ?? 0;
            bool more = records.Length > 0 && (list.Links?.Next is not null || number < (list.Page?.TotalPages ?? 0));
            return new ListPage<T>(records, more ? pageAt(number + 1) : null, list.Page?.TotalElements);
        }, context);

    private async Task<HelpScoutCustomer> FetchAsync(long id, object target, RequestContext context)
    {
        HelpScoutInput.CheckId(id);
        var request = Request(HelpScoutPaths.Customer(_http.BaseUri, id), $"customer with id {id}", target);
        return await _http.SendAsync(request, async (body, ct) =>
            HelpScoutCustomerMapper.ToCustomer(
                await JsonSerializer.DeserializeAsync(body, HelpScoutJsonContext.Default.HelpScoutCustomerJson, ct).ConfigureAwait(false)
                ?? throw new JsonException("the body is null")),
            context).ConfigureAwait(false);
    }

    private ApiRequest Request(Uri uri, string subject, object target) =>
        new(HttpMethod.Get, uri, subject, target) { Authenticator = _authenticator };

    private ApiRequest OrganizationRequest(Uri uri, string subject, object target) =>
        new(HttpMethod.Get, uri, subject, target) { Authenticator = _authenticator, NotFoundId = ErrorIds.OrganizationNotFound };
}
