using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CustomerTools.HelpScout;

/// <summary>Help Scout's customer and organization URLs (docs/api/helpscout.md §3, docs/api/related.md §1), every query value percent-encoded.</summary>
internal static class HelpScoutPaths
{
    /// <summary>The v2 list serves this many customers a page, and takes no size parameter.</summary>
    public const int PageSize = 50;

    public static Uri Customer(Uri baseUri, long id) =>
        new(baseUri, "v2/customers/" + id.ToString(CultureInfo.InvariantCulture));

    public static Uri Organization(Uri baseUri, long id, bool includeCounts) =>
        new(baseUri, "v2/organizations/" + id.ToString(CultureInfo.InvariantCulture) + (includeCounts ? "?includeCounts=true" : string.Empty));

    /// <summary>
    /// The organization list, 50 a page; <paramref name="sort"/> is "field,asc|desc". The list's
    /// includeCounts is unconfirmed (docs/api/related.md §1): sent when asked, the counts read if they come.
    /// </summary>
    public static Uri Organizations(Uri baseUri, int page, string? sort, bool includeCounts) =>
        new(baseUri, "v2/organizations?" + (sort is null ? string.Empty : "sort=" + Uri.EscapeDataString(sort) + "&")
            + (includeCounts ? "includeCounts=true&" : string.Empty) + "page=" + page.ToString(CultureInfo.InvariantCulture));

    public static Uri OrganizationCustomers(Uri baseUri, long id, int page) =>
        new(baseUri, string.Format(CultureInfo.InvariantCulture, "v2/organizations/{0}/customers?page={1}", id, page));

    public static Uri List(Uri baseUri, HelpScoutFilter filter, int page)
    {
        var parameters = new List<KeyValuePair<string, string?>>
        {
            new("query", filter.Query),
            new("firstName", filter.FirstName),
            new("lastName", filter.LastName),
            new("mailbox", filter.Mailbox?.ToString(CultureInfo.InvariantCulture)),
            new("modifiedSince", filter.ModifiedSince is { } since ? Utc(since) : null),

            // Changes oldest first, as the public taps ask: the last UpdatedAt written is the next bookmark.
            new("sortField", filter.ModifiedSince is null ? null : "modifiedAt"),
            new("sortOrder", filter.ModifiedSince is null ? null : "asc"),
            new("page", page.ToString(CultureInfo.InvariantCulture)),
        };
        string query = string.Join("&", parameters.Where(p => p.Value is not null).Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value!)));
        return new Uri(baseUri, "v2/customers?" + query);
    }

    /// <summary>
    /// Help Scout takes times in UTC, to the second, with a Z (else 400). A time of unspecified kind
    /// is local, as PowerShell reads <c>'2025-05-01'</c>.
    /// </summary>
    public static string Utc(DateTime time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A search for customers whose email contains <paramref name="email"/>.</summary>
    public static string EmailQuery(string email) => $"(email:\"{email}\")";
}
