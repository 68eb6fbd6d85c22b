using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using System.Threading;
using System;
using CustomerTools.Pipeline;

namespace CustomerTools.Kustomer;

/// <summary>Reads Kustomer's customer answers (docs/api/kustomer.md §4, §5): the same envelope for lookups, the list and searches.</summary>
internal static class KustomerAnswers
{
    public static async Task<KustomerDocument> ReadAsync(Stream body, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync(body, KustomerJsonContext.Default.KustomerDocument, cancellationToken).ConfigureAwait(false)
        ?? throw new JsonException("the body is null");

    public static KustomerCustomer[] Customers(KustomerDocument document) =>
        document.Data is { } data
            ? data.Select(KustomerCustomerMapper.ToCustomer).ToArray()
            : throw new JsonException("the body has no 'data' member");

    /// <summary>A page of the list or of a search, with its <c>links.next</c> made absolute under <paramref name="baseUri"/>.</summary>
    public static async Task<ListPage<KustomerCustomer>> ReadPageAsync(Stream body, Uri baseUri, CancellationToken cancellationToken)
    {
        KustomerDocument document = await ReadAsync(body, cancellationToken).ConfigureAwait(false);
        var customers = Customers(document);
        Uri? next = customers.Length > 0 && document.Links?.Next is { Length: > 0 } link ? KustomerPaths.Next(baseUri, link) : null;
        return new ListPage<KustomerCustomer>(customers, next, document.Meta?.Total);
    }
}
