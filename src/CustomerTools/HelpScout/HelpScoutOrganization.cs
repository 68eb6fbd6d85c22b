using System;

namespace CustomerTools.HelpScout;

/// <summary>A Help Scout organization (Mailbox API 2.0, docs/api/related.md §1), which customers belong to by their email domain.</summary>
public sealed class HelpScoutOrganization
{
    internal HelpScoutOrganization()
    {
    }

    public long Id { get; internal init; }

    public string? Name { get; internal init; }

    public string? Website { get; internal init; }

    public string? Description { get; internal init; }

    /// <summary>A two-letter country code.</summary>
    public string? Location { get; internal init; }

    public string? LogoUrl { get; internal init; }

    public string? Note { get; internal init; }

    /// <summary>The email domains that match customers to this organization.</summary>
    public string[] Domains { get; internal init; } = Array.Empty<string>();

    public string[] Phones { get; internal init; } = Array.Empty<string>();

    /// <summary>A hex color, like #3c5263.</summary>
    public string? BrandColor { get; internal init; }

    /// <summary>Only with -IncludeCounts.</summary>
    public int? CustomerCount { get; internal init; }

    /// <summary>Only with -IncludeCounts.</summary>
    public int? ConversationCount { get; internal init; }

    /// <summary>When Help Scout sends it (not in its documentation's examples).</summary>
    public DateTimeOffset? CreatedAt { get; internal init; }

    /// <summary>When Help Scout sends it (not in its documentation's examples).</summary>
    public DateTimeOffset? UpdatedAt { get; internal init; }

    public override string ToString() => $"{(string.IsNullOrWhiteSpace(Name) ? "(no name)" : Name)} ({Id})";
}
