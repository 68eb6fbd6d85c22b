using System;
using System.Threading.Tasks;
using CustomerTools.Http;

namespace CustomerTools.Pipeline;

/// <summary>A listing that follows the service's next-page links from its first page.</summary>
internal sealed class LinkedPages<T> : IPageSource<T>
{
    private readonly Uri _first;
    private readonly Func<Uri, RequestContext, Task<ListPage<T>>> _fetch;

    public LinkedPages(Uri first, Func<Uri, RequestContext, Task<ListPage<T>>> fetch)
    {
        _first = first;
        _fetch = fetch;
    }

    public Task<ListPage<T>>? Next(ListPage<T>? previous, RequestContext context) =>
        previous is null ? _fetch(_first, context)
        : previous.Next is { } link ? _fetch(link, context)
        : null;
}
