using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerTools.Kustomer;

/// <summary>Kustomer's regional API hosts (docs/api/kustomer.md §1). Keys work only in their org's region.</summary>
internal static class KustomerRegion
{
    public const string Custom = "Custom";

    public static readonly IReadOnlyDictionary<string, Uri> Hosts = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase)
    {
        ["US"] = new Uri("https://api.kustomerapp.com/"),
        ["EU"] = new Uri("https://api.prod2.kustomerapp.com/"),
        ["IN"] = new Uri("https://api.prod4.kustomerapp.com/"),
    };

    /// <summary>The region a base URI belongs to, when it is one of the regional hosts.</summary>
    public static string Of(Uri baseUri) =>
        Hosts.FirstOrDefault(pair => ApiHostEquals(pair.Value, baseUri)).Key ?? Custom;

    private static bool ApiHostEquals(Uri a, Uri b) => string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase);
}
