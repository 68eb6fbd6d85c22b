using System;

namespace CustomerTools.Kustomer;

/// <summary>
/// One page of one search: the customers <see cref="Query"/> asks for that were updated at or
/// after (<see cref="Inclusive"/>), or after, <see cref="UpdatedFrom"/>; page <see cref="Page"/>
/// of <see cref="PageSize"/>. <see cref="Target"/> is what errors name.
/// </summary>
internal readonly struct KustomerSearchPageRequest
{
    public KustomerSearchQuery Query { get; init; }

    public DateTimeOffset? UpdatedFrom { get; init; }

    public bool Inclusive { get; init; }

    public int Page { get; init; }

    public int PageSize { get; init; }

    public object? Target { get; init; }
}
