using System;
using System.Globalization;

namespace CustomerTools.Kustomer;

/// <summary>
/// Kustomer's customer and company URLs (docs/api/kustomer.md §3, docs/api/related.md §2). A lookup value is percent-encoded as one path segment,
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

    public static Uri Company(Uri baseUri, string id) => new(baseUri, "v1/companies/" + Uri.EscapeDataString(id));

    /// <summary>
    /// The company list, narrowed by at most one of <c>externalId</c> and <c>filter</c>
    /// (<paramref name="narrowBy"/>): given both, Kustomer ignores both (docs/api/related.md §2).
    /// </summary>
    public static Uri Companies(Uri baseUri, int page, int pageSize, (string Name, string Value)? narrowBy = null) =>
        new(baseUri, string.Format(CultureInfo.InvariantCulture, "v1/companies?{0}page={1}&pageSize={2}",
            narrowBy is var (name, value) ? name + "=" + Uri.EscapeDataString(value) + "&" : string.Empty, page, pageSize));

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
