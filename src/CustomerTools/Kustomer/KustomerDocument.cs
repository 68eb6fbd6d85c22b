using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json.Serialization;
using CustomerTools.Json;

namespace CustomerTools.Kustomer;

// The JSON:API shapes of Kustomer's customer answers (docs/api/kustomer.md §4, §5), as System.Text.Json reads
// them. Only what the output needs is declared: unknown members are skipped, not stored.

/// <summary>Every customer answer: <c>data</c> is one resource (get, lookup) or many (list, some lookups).</summary>
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
