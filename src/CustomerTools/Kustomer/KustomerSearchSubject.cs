using System;

namespace CustomerTools.Kustomer;

/// <summary>What a search finds, and how its pages are read: the context, the output type, and the update time a search goes on from.</summary>
internal sealed class KustomerSearchSubject<T>
{
    public KustomerSearchSubject(KustomerSearchContext context, Func<KustomerResource, T> map, Func<T, DateTimeOffset?> updatedAt)
    {
        Context = context;
        Map = map;
        UpdatedAt = updatedAt;
    }

    public KustomerSearchContext Context { get; }

    public Func<KustomerResource, T> Map { get; }

    public Func<T, DateTimeOffset?> UpdatedAt { get; }
}
