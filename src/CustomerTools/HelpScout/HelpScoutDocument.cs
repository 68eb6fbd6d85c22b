using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using CustomerTools.Json;

namespace CustomerTools.HelpScout;

// Help Scout's hal+json shapes (docs/api/helpscout.md §4, §5), as System.Text.Json reads them. Only what the
// output needs is declared; the three spellings of social profiles are all read (docs/api/helpscout.md §8).

internal sealed class HelpScoutCustomerJson
{
    public long Id { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    // Older answers and some clients use first/last (docs/api/helpscout.md §8).
    public string? First { get; set; }

    public string? Last { get; set; }

    public string? Gender { get; set; }

    public string? JobTitle { get; set; }

    public string? Location { get; set; }

    public string? Organization { get; set; }

    public long? OrganizationId { get; set; }

    public string? PhotoType { get; set; }

    public string? PhotoUrl { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Age { get; set; }

    public string? Background { get; set; }

    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool Draft { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    [JsonPropertyName("_embedded")]
    public HelpScoutEmbeddedJson? Embedded { get; set; }
}

internal sealed class HelpScoutEmbeddedJson
{
    public List<HelpScoutEntryJson?>? Emails { get; set; }

    public List<HelpScoutEntryJson?>? Phones { get; set; }

    public List<HelpScoutEntryJson?>? Chats { get; set; }

    [JsonPropertyName("social_profiles")]
    public List<HelpScoutEntryJson?>? SocialProfiles { get; set; }

    [JsonPropertyName("social-profiles")]
    public List<HelpScoutEntryJson?>? SocialProfilesDashed { get; set; }

    [JsonPropertyName("socialProfiles")]
    public List<HelpScoutEntryJson?>? SocialProfilesCamel { get; set; }

    public List<HelpScoutEntryJson?>? Websites { get; set; }

    public List<HelpScoutPropertyJson?>? Properties { get; set; }

    public HelpScoutAddressJson? Address { get; set; }

    /// <summary>In list answers: the page's customers.</summary>
    public List<HelpScoutCustomerJson>? Customers { get; set; }

    /// <summary>In the organization list: the page's organizations.</summary>
    public List<HelpScoutOrganizationJson>? Organizations { get; set; }
}

/// <summary>An organization (docs/api/related.md §1); the counts only with includeCounts, the times unconfirmed.</summary>
internal sealed class HelpScoutOrganizationJson
{
    public long Id { get; set; }

    public string? Name { get; set; }

    public string? Website { get; set; }

    public string? Description { get; set; }

    public string? Location { get; set; }

    public string? LogoUrl { get; set; }

    public string? Note { get; set; }

    public List<string?>? Domains { get; set; }

    public List<string?>? Phones { get; set; }

    public string? BrandColor { get; set; }

    public int? CustomerCount { get; set; }

    public int? ConversationCount { get; set; }

    [JsonConverter(typeof(TimeOrNothingConverter))]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonConverter(typeof(TimeOrNothingConverter))]
    public DateTimeOffset? UpdatedAt { get; set; }
}

internal sealed class HelpScoutEntryJson
{
    public long? Id { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Value { get; set; }

    public string? Type { get; set; }
}

internal sealed class HelpScoutPropertyJson
{
    public string? Type { get; set; }

    public string? Slug { get; set; }

    public string? Name { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Value { get; set; }

    [JsonConverter(typeof(LenientStringConverter))]
    public string? Text { get; set; }

    public HelpScoutSourceJson? Source { get; set; }
}

internal sealed class HelpScoutSourceJson
{
    public string? Name { get; set; }
}

internal sealed class HelpScoutAddressJson
{
    public string? City { get; set; }

    public string? State { get; set; }

    public string? PostalCode { get; set; }

    public string? Country { get; set; }

    public List<string?>? Lines { get; set; }
}

internal sealed class HelpScoutListJson
{
    [JsonPropertyName("_embedded")]
    public HelpScoutEmbeddedJson? Embedded { get; set; }

    [JsonPropertyName("_links")]
    public HelpScoutLinksJson? Links { get; set; }

    public HelpScoutPageJson? Page { get; set; }
}

internal sealed class HelpScoutLinksJson
{
    public HelpScoutLinkJson? Next { get; set; }
}

internal sealed class HelpScoutLinkJson
{
    public string? Href { get; set; }
}

internal sealed class HelpScoutPageJson
{
    public int Size { get; set; }

    public long TotalElements { get; set; }

    public int TotalPages { get; set; }

    public int Number { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HelpScoutCustomerJson))]
[JsonSerializable(typeof(HelpScoutListJson))]
[JsonSerializable(typeof(HelpScoutOrganizationJson))]
internal sealed partial class HelpScoutJsonContext : JsonSerializerContext
{
}
