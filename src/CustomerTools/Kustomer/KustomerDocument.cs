using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json.Serialization;
using CustomerTools.Json;

namespace CustomerTools.Kustomer;

// The JSON:API shapes of Kustomer's customer and company answers (docs/api/kustomer.md §4, §5;
// docs/api/related.md §2), as System.Text.Json reads them. Both kinds of resource share one
// attributes shape, each reading the members it has. Only what the output needs is declared:
// unknown members are skipped, not stored.

/// <summary>Every answer: <c>data</c> is one resource (get, lookup) or many (list, some lookups).</summary>
internal sealed class KustomerDocument
{
    [JsonConverter(typeof(OneOrManyConverter<KustomerResource>))]
    public List<KustomerResource>? Data { get; set; }

    public KustomerMeta? Meta { get; set; }

    public KustomerLinks? Links { get; set; }
}

internal sealed class KustomerResource
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public KustomerAttributes? Attributes { get; set; }

    public KustomerRelationshipsJson? Relationships { get; set; }
}

/// <summary>A customer's links to other resources; only its company is read (docs/api/related.md §2).</summary>
internal sealed class KustomerRelationshipsJson
{
    public KustomerRelationshipJson? Company { get; set; }
}

internal sealed class KustomerRelationshipJson
{
    public KustomerRelationshipDataJson? Data { get; set; }
}

internal sealed class KustomerRelationshipDataJson
{
    public string? Id { get; set; }
}

internal sealed class KustomerMeta
{
    public int? Page { get; set; }

    public int? PageSize { get; set; }

    public long? Total { get; set; }

    public int? TotalPages { get; set; }
}

internal sealed class KustomerLinks
{
    public string? Next { get; set; }
}

internal sealed class KustomerAttributes
{
    public string? Name { get; set; }

    public string? DisplayName { get; set; }

    public string? ExternalId { get; set; }

    public List<KustomerExternalIdJson>? ExternalIds { get; set; }

    public List<KustomerEmailJson>? Emails { get; set; }

    public List<KustomerPhoneJson>? Phones { get; set; }

    public List<string>? Tags { get; set; }

    public string? Locale { get; set; }

    public string? TimeZone { get; set; }

    public string? Gender { get; set; }

    public string? AvatarUrl { get; set; }

    public string? Username { get; set; }

    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool Verified { get; set; }

    public string? Presence { get; set; }

    public string? ProgressiveStatus { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public DateTimeOffset? ModifiedAt { get; set; }

    public DateTimeOffset? SignedUpAt { get; set; }

    public DateTimeOffset? LastSeenAt { get; set; }

    public DateTimeOffset? LastActivityAt { get; set; }

    public DateTimeOffset? LastCustomerActivityAt { get; set; }

    public DateTimeOffset? BirthdayAt { get; set; }

    public KustomerCountsJson? ConversationCounts { get; set; }

    public KustomerSentimentJson? Sentiment { get; set; }

    [JsonConverter(typeof(KustomerCustomConverter))]
    public PSObject? Custom { get; set; }

    public int? Rev { get; set; }

    // Soft deletion, on customers and companies (docs/api/related.md §6); some schemas call it a string.
    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool Deleted { get; set; }

    // A customer's company id, the documented link (docs/api/related.md §2); relationships.company is read first.
    [JsonConverter(typeof(IdOrNothingConverter))]
    public string? Company { get; set; }

    // Company attributes (docs/api/related.md §2).
    public List<KustomerDomainJson?>? Domains { get; set; }

    public List<KustomerUrlJson?>? Urls { get; set; }

    // A number in the schema; read as text so that a string or a range ("10-50") does not fail the answer.
    [JsonConverter(typeof(LenientStringConverter))]
    public string? EmployeeCount { get; set; }

    public string? DefaultLang { get; set; }
}

internal sealed class KustomerDomainJson
{
    public string? Domain { get; set; }
}

internal sealed class KustomerUrlJson
{
    public string? Url { get; set; }
}

internal sealed class KustomerEmailJson
{
    public string? Email { get; set; }

    public string? Type { get; set; }

    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool Verified { get; set; }
}

internal sealed class KustomerPhoneJson
{
    public string? Phone { get; set; }

    public string? Type { get; set; }

    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool Verified { get; set; }
}

internal sealed class KustomerExternalIdJson
{
    public string? ExternalId { get; set; }

    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool Verified { get; set; }
}

internal sealed class KustomerCountsJson
{
    public int All { get; set; }

    public int Open { get; set; }

    public int Snoozed { get; set; }

    public int Done { get; set; }
}

internal sealed class KustomerSentimentJson
{
    public double? Polarity { get; set; }

    public double? Confidence { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(KustomerDocument))]
[JsonSerializable(typeof(KustomerResource))]
internal sealed partial class KustomerJsonContext : JsonSerializerContext
{
}
