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

/// <summary>Help Scout's customer reads: by id, by exact email, and page by page.</summary>
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
        _http.SendAsync(Request(page, "customer list", target), async (body, ct) =>
        {
            HelpScoutListJson list = await JsonSerializer.DeserializeAsync(body, HelpScoutJsonContext.Default.HelpScoutListJson, ct).ConfigureAwait(false)
                ?? throw new JsonException("the body is null");
            var items = (list.Embedded?.Customers ?? new List<HelpScoutCustomerJson>())
                .Select(c => new HelpScoutListItem(c.Id, c.Embedded is null ? null : HelpScoutCustomerMapper.ToCustomer(c)))
                .ToArray();

            // Help Scout's links are absolute and name its own host; the next page is built here
            // instead, so that a -BaseUri proxy keeps working (no next link on the last page).
            int number = list.Page?.Number ?? 0;
            bool more = items.Length > 0 && (list.Links?.Next is not null || number < (list.Page?.TotalPages ?? 0));
            return new ListPage<HelpScoutListItem>(items, more ? ListPage(filter, number + 1) : null, list.Page?.TotalElements);
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
}
