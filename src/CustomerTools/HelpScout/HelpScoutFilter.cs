using System;

namespace CustomerTools.HelpScout;

/// <summary>What a Help Scout listing is narrowed by (the v2 list's query parameters, docs/api/helpscout.md §3).</summary>
internal sealed class HelpScoutFilter
{
    public string? Query { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public long? Mailbox { get; init; }

    public DateTime? ModifiedSince { get; init; }

    public bool IsEmpty => Query is null && FirstName is null && LastName is null && Mailbox is null && ModifiedSince is null;
}
