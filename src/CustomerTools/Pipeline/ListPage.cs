using System;
using System.Collections.Generic;

namespace CustomerTools.Pipeline;

/// <summary>One page of a listing, and where the next one is (null on the last page).</summary>
internal sealed class ListPage<T>
{
    public ListPage(IReadOnlyList<T> items, Uri? next, long? total)
    {
        Items = items;
        Next = next;
        Total = total;
    }

    public IReadOnlyList<T> Items { get; }

    public Uri? Next { get; }

    /// <summary>How many records the whole listing has, when the service says.</summary>
    public long? Total { get; }

    /// <summary>
    /// A problem to report before this page's records, without ending the listing (a search that
    /// had to leave customers out, say).
    /// </summary>
    public CustomerToolsException? Notice { get; init; }
}
