using System;
using System.Globalization;

namespace CustomerTools.Kustomer;

/// <summary>
/// Kustomer's customer URLs (docs/api/kustomer.md §3). A lookup value is percent-encoded as one path segment,
/// so that no '/', '?', '#', '%' or '+' in it can change the path.
/// </summary>
internal static class KustomerPaths
{
    public static Uri Customer(Uri baseUri, string id) => new(baseUri, "v1/customers/" + Uri.EscapeDataString(id));

    public static Uri Lookup(Uri baseUri, KustomerLookup field, string value) =>
        new(baseUri, "v1/customers/" + FieldName(field) + "=" + Uri.EscapeDataString(value));

    public static Uri List(Uri baseUri, int page, int pageSize) =>
        new(baseUri, string.Format(CultureInfo.InvariantCulture, "v1/customers?page={0}&pageSize={1}", page, pageSize));

    public static Uri Search(Uri baseUri, int page, int pageSize) =>
        new(baseUri, string.Format(CultureInfo.InvariantCulture, "v1/customers/search?page={0}&pageSize={1}", page, pageSize));

    /// <summary>Kustomer's <c>links.next</c> is a path from the service root; keep any -BaseUri prefix.</summary>
    public static Uri Next(Uri baseUri, string link) =>
        link.StartsWith("/", StringComparison.Ordinal) && !link.StartsWith("//", StringComparison.Ordinal)
            ? new Uri(baseUri, link.Substring(1))
            : new Uri(baseUri, link);

    public static string FieldName(KustomerLookup field) => field switch
    {
        KustomerLookup.Email => "email",
        KustomerLookup.ExternalId => "externalId",
        _ => "phone",
    };
}
