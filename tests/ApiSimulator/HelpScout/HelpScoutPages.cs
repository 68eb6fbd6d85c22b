using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CustomerTools.ApiSimulator.HelpScout;

/// <summary>
/// The v2 lists' hal+json page (docs/api/helpscout.md §3, docs/api/related.md §1): 50 a page,
/// <c>_embedded.&lt;name&gt;</c> (left out when empty), absolute <c>_links</c> and <c>page</c>.
/// </summary>
internal static class HelpScoutPages
{
    public const int PageSize = 50;

    /// <summary>The <c>page</c> query parameter, from 1 (1 when absent or not a positive number).</summary>
    public static int Number(RecordedRequest request) =>
        request.Query.TryGetValue("page", out string? text) && int.TryParse(text, CultureInfo.InvariantCulture, out int page) && page > 0 ? page : 1;

    /// <summary>The page's JSON: <paramref name="items"/> are the JSON texts of this page's records, of <paramref name="total"/> in all.</summary>
    public static string Body(HttpContext context, RecordedRequest request, string embedded, IReadOnlyList<string> items, int total, int page)
    {
        int totalPages = (total + PageSize - 1) / PageSize;
        string Link(int n) => "{\"href\":\"" + PageLink(context, request, n) + "\"}";
        var links = new List<string> { $"\"self\":{Link(page)}", $"\"first\":{Link(1)}" };
        if (page > 1)
        {
            links.Add($"\"previous\":{Link(page - 1)}");
        }

        if (page < totalPages)
        {
            links.Add($"\"next\":{Link(page + 1)}");
        }

        if (totalPages > 0)
        {
            links.Add($"\"last\":{Link(totalPages)}");
        }

        string records = items.Count > 0 ? "\"_embedded\":{\"" + embedded + "\":[" + string.Join(",", items) + "]}," : string.Empty;
        return "{" + records + "\"_links\":{" + string.Join(",", links) + "},\"page\":"
            + JsonSerializer.Serialize(new { size = PageSize, totalElements = total, totalPages, number = total == 0 ? 0 : page }) + "}";
    }

    private static string PageLink(HttpContext context, RecordedRequest request, int page)
    {
        var query = request.Query.Where(p => p.Key != "page").Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}").Append($"page={page}");
        return $"{context.Request.Scheme}://{context.Request.Host}{request.RawPath}?{string.Join("&", query)}";
    }
}
