using System.Collections.Generic;
using System.Text.Json;

namespace CustomerTools.ApiSimulator.Kustomer;

/// <summary>The page envelope the list and search share (docs/api/kustomer.md §5): meta, data, relative links.</summary>
internal static class KustomerPages
{
    public static string Envelope(string path, int page, int pageSize, int total, IReadOnlyList<string> items, bool hasNext)
    {
        int totalPages = TotalPages(total, pageSize);
        string Link(int p) => $"\"{path}?page={p}&pageSize={pageSize}\"";
        string next = hasNext ? Link(page + 1) : "null";
        string prev = page > 1 ? Link(page - 1) : "null";
        string meta = JsonSerializer.Serialize(new { pageSize, page, total, totalPages });
        string links = "{\"self\":" + Link(page) + ",\"first\":" + Link(1) + ",\"prev\":" + prev + ",\"next\":" + next + ",\"last\":" + Link(System.Math.Max(1, totalPages)) + "}";
        return "{\"meta\":" + meta + ",\"data\":[" + string.Join(",", items) + "],\"links\":" + links + "}";
    }

    public static int TotalPages(int total, int pageSize) => (total + pageSize - 1) / pageSize;
}
