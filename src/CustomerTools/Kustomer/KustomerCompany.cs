using System;
using System.Management.Automation;

namespace CustomerTools.Kustomer;

/// <summary>A Kustomer company (the <c>attributes</c> of a JSON:API company resource, docs/api/related.md §2).</summary>
public sealed class KustomerCompany
{
    internal KustomerCompany()
    {
    }

    public string Id { get; internal init; } = string.Empty;

    public string? Name { get; internal init; }

    public string? ExternalId { get; internal init; }

    public ItemList<KustomerEmail> Emails { get; internal init; } = ItemList<KustomerEmail>.None;

    public ItemList<KustomerPhone> Phones { get; internal init; } = ItemList<KustomerPhone>.None;

    /// <summary>The company's web domains (northwind.example), which Kustomer matches customers' emails against.</summary>
    public string[] Domains { get; internal init; } = Array.Empty<string>();

    public string[] Urls { get; internal init; } = Array.Empty<string>();

    public string[] Tags { get; internal init; } = Array.Empty<string>();

    /// <summary>The org's custom company attributes by name, as plain values.</summary>
    public PSObject Custom { get; internal init; } = new();

    /// <summary>Null when Kustomer sends none, or something that is not a whole number.</summary>
    public int? EmployeeCount { get; internal init; }

    public string? DefaultLang { get; internal init; }

    public DateTimeOffset? CreatedAt { get; internal init; }

    public DateTimeOffset? UpdatedAt { get; internal init; }

    public DateTimeOffset? ModifiedAt { get; internal init; }

    /// <summary>True for a deleted company, which only a search with -IncludeDeleted writes.</summary>
    public bool Deleted { get; internal init; }

    public int? Rev { get; internal init; }

    public override string ToString() => $"{(string.IsNullOrWhiteSpace(Name) ? "(no name)" : Name)} ({Id})";
}
