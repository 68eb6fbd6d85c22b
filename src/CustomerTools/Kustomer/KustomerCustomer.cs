using System;
using System.Management.Automation;

namespace CustomerTools.Kustomer;

/// <summary>A Kustomer customer (the <c>attributes</c> of a JSON:API customer resource).</summary>
public sealed class KustomerCustomer
{
    internal KustomerCustomer()
    {
    }

    public string Id { get; internal init; } = string.Empty;

    public string? Name { get; internal init; }

    public string? DisplayName { get; internal init; }

    /// <summary>The first email address, as plain text.</summary>
    public string? Email { get; internal init; }

    public ItemList<KustomerEmail> Emails { get; internal init; } = ItemList<KustomerEmail>.None;

    /// <summary>The first phone number, as plain text.</summary>
    public string? Phone { get; internal init; }

    public ItemList<KustomerPhone> Phones { get; internal init; } = ItemList<KustomerPhone>.None;

    public string? ExternalId { get; internal init; }

    public ItemList<KustomerExternalId> ExternalIds { get; internal init; } = ItemList<KustomerExternalId>.None;

    public string[] Tags { get; internal init; } = Array.Empty<string>();

    public string? Locale { get; internal init; }

    public string? TimeZone { get; internal init; }

    public string? Gender { get; internal init; }

    public string? AvatarUrl { get; internal init; }

    public string? Username { get; internal init; }

    public bool Verified { get; internal init; }

    public string? Presence { get; internal init; }

    public string? ProgressiveStatus { get; internal init; }

    public DateTimeOffset? CreatedAt { get; internal init; }

    public DateTimeOffset? UpdatedAt { get; internal init; }

    public DateTimeOffset? ModifiedAt { get; internal init; }

    public DateTimeOffset? SignedUpAt { get; internal init; }

    public DateTimeOffset? LastSeenAt { get; internal init; }

    public DateTimeOffset? LastActivityAt { get; internal init; }

    public DateTimeOffset? LastCustomerActivityAt { get; internal init; }

    public DateTimeOffset? BirthdayAt { get; internal init; }

    public KustomerConversationCounts? ConversationCounts { get; internal init; }

    public KustomerSentiment? Sentiment { get; internal init; }

    /// <summary>The org's custom attributes by name (<c>tierStr</c>, <c>renewalAt</c>…), as plain values.</summary>
    public PSObject Custom { get; internal init; } = new();

    public int? Rev { get; internal init; }

    /// <summary>The id of the customer's company (null when none): pipe the customer to Get-KustomerCompany.</summary>
    public string? CompanyId { get; internal init; }

    /// <summary>True for a deleted customer, which only a search with -IncludeDeleted writes: a sync's tombstone.</summary>
    public bool Deleted { get; internal init; }

    public override string ToString() => CustomerLabel.Of(DisplayName ?? Name, Email, Id);
}

public sealed class KustomerEmail
{
    internal KustomerEmail()
    {
    }

    public string? Email { get; internal init; }

    public string? Type { get; internal init; }

    public bool Verified { get; internal init; }

    public override string ToString() => Email ?? string.Empty;
}

public sealed class KustomerPhone
{
    internal KustomerPhone()
    {
    }

    public string? Phone { get; internal init; }

    public string? Type { get; internal init; }

    public bool Verified { get; internal init; }

    public override string ToString() => Phone ?? string.Empty;
}

public sealed class KustomerExternalId
{
    internal KustomerExternalId()
    {
    }

    public string? ExternalId { get; internal init; }

    public bool Verified { get; internal init; }

    public override string ToString() => ExternalId ?? string.Empty;
}

public sealed class KustomerConversationCounts
{
    internal KustomerConversationCounts()
    {
    }

    public int All { get; internal init; }

    public int Open { get; internal init; }

    public int Snoozed { get; internal init; }

    public int Done { get; internal init; }

    public override string ToString() => $"{All} ({Open} open, {Snoozed} snoozed, {Done} done)";
}

public sealed class KustomerSentiment
{
    internal KustomerSentiment()
    {
    }

    public double? Polarity { get; internal init; }

    public double? Confidence { get; internal init; }

    public override string ToString() => FormattableString.Invariant($"polarity {Polarity}, confidence {Confidence}");
}
