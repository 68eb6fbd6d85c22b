using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Threading;
using System;
using CustomerTools.Pipeline;

namespace CustomerTools.Kustomer;

/// <summary>
/// Reads Kustomer's answers (docs/api/kustomer.md §4, §5): the same envelope for lookups, lists and
/// searches, of customers and of companies alike; <c>map</c> turns each resource into its output type.
/// </summary>
internal static class KustomerAnswers
{
    public static async Task<KustomerDocument> ReadAsync(Stream body, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync(body, KustomerJsonContext.Default.KustomerDocument, cancellationToken).ConfigureAwait(false)
        ?? throw new JsonException("the body is null");

    public static T[] Resources<T>(KustomerDocument document, Func<KustomerResource, T> map) =>
        document.Data is { } data
            ? data.Select(map).ToArray()
            : throw new JsonException("the body has no 'data' member");

    /// <summary>A page of a list or of a search, with its <c>links.next</c> made absolute under <paramref name="baseUri"/>.</summary>
    public static async Task<ListPage<T>> ReadPageAsync<T>(Stream body, Uri baseUri, Func<KustomerResource, T> map, CancellationToken cancellationToken)
    {
        KustomerDocument document = await ReadAsync(body, cancellationToken).ConfigureAwait(false);
        var records = Resources(document, map);
        Uri? next = records.Length > 0 && document.Links?.Next is { Length: > 0 } link ? KustomerPaths.Next(baseUri, link) : null;
        return new ListPage<T>(records, next, document.Meta?.Total);
    }
}
