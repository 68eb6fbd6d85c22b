using System;
using System.Globalization;
using System.Linq;

namespace CustomerTools.HelpScout;

/// <summary>A Help Scout customer (Mailbox API 2.0), with its embedded contact entries.</summary>
public sealed class HelpScoutCustomer
{
    internal HelpScoutCustomer()
    {
    }

    public long Id { get; internal init; }

    public string? FirstName { get; internal init; }

    public string? LastName { get; internal init; }

    /// <summary>"First Last", trimmed.</summary>
    public string Name { get; internal init; } = string.Empty;

    /// <summary>The first email address, as plain text.</summary>
    public string? Email { get; internal init; }

    public ItemList<HelpScoutEntry> Emails { get; internal init; } = ItemList<HelpScoutEntry>.None;

    public ItemList<HelpScoutEntry> Phones { get; internal init; } = ItemList<HelpScoutEntry>.None;

    public ItemList<HelpScoutEntry> Chats { get; internal init; } = ItemList<HelpScoutEntry>.None;

    public ItemList<HelpScoutEntry> SocialProfiles { get; internal init; } = ItemList<HelpScoutEntry>.None;

    public ItemList<HelpScoutEntry> Websites { get; internal init; } = ItemList<HelpScoutEntry>.None;

    public ItemList<HelpScoutProperty> Properties { get; internal init; } = ItemList<HelpScoutProperty>.None;

    public HelpScoutAddress? Address { get; internal init; }

    public string? Gender { get; internal init; }

    public string? JobTitle { get; internal init; }

    public string? Location { get; internal init; }

    public string? Organization { get; internal init; }

    public long? OrganizationId { get; internal init; }

    public string? PhotoType { get; internal init; }

    public string? PhotoUrl { get; internal init; }

    /// <summary>Free text in Help Scout ("30-35", "52").</summary>
    public string? Age { get; internal init; }

    /// <summary>The "Notes" field of Help Scout's UI.</summary>
    public string? Background { get; internal init; }

    public bool Draft { get; internal init; }

    public DateTimeOffset? CreatedAt { get; internal init; }

    public DateTimeOffset? UpdatedAt { get; internal init; }

    public override string ToString() => CustomerLabel.Of(Name, Email, Id.ToString(CultureInfo.InvariantCulture));
}

/// <summary>One email, phone, chat handle, social profile or website of a Help Scout customer.</summary>
public sealed class HelpScoutEntry
{
    internal HelpScoutEntry()
    {
    }

    public long? Id { get; internal init; }

    public string? Value { get; internal init; }

    public string? Type { get; internal init; }

    public override string ToString() => Value ?? string.Empty;
}

/// <summary>A customer property (a custom field defined in Help Scout).</summary>
public sealed class HelpScoutProperty
{
    internal HelpScoutProperty()
    {
    }

    public string? Slug { get; internal init; }

    public string? Name { get; internal init; }

    public string? Type { get; internal init; }

    /// <summary>The stored value (for a dropdown, the option's id).</summary>
    public string? Value { get; internal init; }

    /// <summary>The value as shown (for a dropdown, the option's label).</summary>
    public string? Text { get; internal init; }

    public string? Source { get; internal init; }

    public override string ToString() => $"{Name ?? Slug}: {Text ?? Value}";
}

public sealed class HelpScoutAddress
{
    internal HelpScoutAddress()
    {
    }

    public string? City { get; internal init; }

    public string? State { get; internal init; }

    public string? PostalCode { get; internal init; }

    public string? Country { get; internal init; }

    public ItemList<string> Lines { get; internal init; } = ItemList<string>.None;

    public override string ToString() =>
        string.Join(", ", new[] { string.Join(", ", Lines), City, State, PostalCode, Country }.Where(part => !string.IsNullOrWhiteSpace(part)));
}
