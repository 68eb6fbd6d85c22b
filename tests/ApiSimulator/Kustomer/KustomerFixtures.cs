using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CustomerTools.ApiSimulator.Kustomer;

/// <summary>
/// Customer resources in Kustomer's documented shape (docs/api/kustomer.md §4): one with every attribute of
/// the schema, one sparse (nulls, missing members, flags as strings), and generated ones.
/// </summary>
public static partial class KustomerFixtures
{
    public const string FullId = "64b7f0c2e4a1d3b5c6a7e8f9";
    public const string SparseId = "64b7f0c2e4a1d3b5c6a7e900";

    /// <summary>Generated customers have ids with this prefix and their number in hex.</summary>
    public const string GeneratedPrefix = "aa00";

    public const string Full = """
        {"type": "customer", "id": "64b7f0c2e4a1d3b5c6a7e8f9",
          "attributes": {
            "name": "Priya Raman", "displayName": "Priya Raman", "displayColor": "teal", "displayIcon": "flower",
            "externalId": "acct-20931",
            "externalIds": [{"externalId": "acct-20931", "verified": true, "id": null}],
            "sharedExternalIds": [], "signedUpAt": "2023-02-14T10:20:30.456Z", "avatarUrl": null, "username": null,
            "emails": [{"email": "priya@northwind.example", "verified": true, "type": "work", "id": "64b7f0c2e4a1d3b5c6a7e901"}],
            "sharedEmails": [{"email": "billing@northwind.example", "verified": false, "type": "other", "id": null}],
            "phones": [{"phone": "+442071838750", "type": "mobile", "verified": false}], "sharedPhones": [],
            "socials": [{"type": "twitter", "userid": "1183", "username": "priyar", "url": "https://x.com/priyar", "verified": false}],
            "sharedSocials": [], "urls": [{"url": "https://northwind.example", "type": "website"}],
            "locations": [{"type": "work", "address": "1 Canal St, London"}], "activeUsers": [], "watchers": [],
            "recentLocation": {"updatedAt": "2025-05-01T08:00:00.000Z"},
            "locale": "en_GB", "timeZone": "Europe/London", "birthdayAt": null, "gender": null, "presence": "offline",
            "createdAt": "2023-02-14T10:20:30.456Z", "updatedAt": "2025-05-02T16:45:12.001Z",
            "modifiedAt": "2025-05-02T16:45:12.001Z", "lastSeenAt": "2025-05-01T08:00:00.000Z",
            "lastActivityAt": "2025-05-02T16:45:11.870Z", "lastCustomerActivityAt": "2025-05-01T08:02:44.120Z",
            "lastMessageIn": {"sentAt": "2025-05-01T08:02:44.120Z", "sentiment": null},
            "lastConversation": {"id": "6612aa0be4a1d3b5c6a70011", "sentiment": {"confidence": 0.7, "polarity": 1}, "tags": []},
            "conversationCounts": {"all": 9, "snoozed": 0, "open": 1, "done": 8},
            "preview": {"previewAt": "2025-05-01T08:02:44.120Z", "type": "email", "text": "Fixed, thanks", "subject": "Invoice 4471"},
            "tags": ["5f0c1a2b3c4d5e6f7a8b9c0d"], "sentiment": {"polarity": 1, "confidence": 0.66},
            "progressiveStatus": "open", "verified": true, "rev": 12,
            "custom": {"tierStr": "gold", "seatsNum": 40, "renewalAt": null, "vipBool": true, "contractAt": "2026-01-31T00:00:00.000Z", "scoreNum": 4.5}},
          "relationships": {
            "org": {"links": {"self": "/v1/orgs/5a1b2c3d4e5f6a7b8c9d0e1f"}, "data": {"type": "org", "id": "5a1b2c3d4e5f6a7b8c9d0e1f"}},
            "messages": {"links": {"self": "/v1/customers/64b7f0c2e4a1d3b5c6a7e8f9/messages"}},
            "modifiedBy": {"links": {"self": "/v1/users/5a1b2c3d4e5f6a7b8c9d0e20"}, "data": {"type": "user", "id": "5a1b2c3d4e5f6a7b8c9d0e20"}}},
          "links": {"self": "/v1/customers/64b7f0c2e4a1d3b5c6a7e8f9"}}
        """;

    public const string Sparse = """
        {"type": "customer", "id": "64b7f0c2e4a1d3b5c6a7e900",
          "attributes": {"name": null, "displayName": "ann", "emails": [{"email": "ann@sparse.example", "verified": "true", "type": null}],
                         "phones": null, "externalIds": [], "tags": null, "verified": "false", "rev": 1,
                         "createdAt": "2025-06-01T09:00:00.000Z", "updatedAt": null, "progressiveStatus": null,
                         "conversationCounts": null, "custom": null}}
        """;

    public static string GeneratedId(int index) => GeneratedPrefix + index.ToString("x20", CultureInfo.InvariantCulture);

    public static bool TryParseGenerated(string id, out int index)
    {
        index = -1;
        return id.Length == 24 && id.StartsWith(GeneratedPrefix, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(id.AsSpan(GeneratedPrefix.Length), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out index);
    }

    /// <summary>
    /// The id of the <paramref name="sequence"/>-th copy a page shift puts in front: each smaller
    /// than every id before it (fixtures, generated ids and earlier copies), so it sorts first.
    /// </summary>
    public static string CopyId(int sequence) => "0000" + (uint.MaxValue - (uint)sequence).ToString("x20", CultureInfo.InvariantCulture);

    /// <summary>When every generated customer was created, unless a timeline says otherwise.</summary>
    public static DateTimeOffset GeneratedCreatedAt { get; } = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>When generated customer <paramref name="index"/> changed, unless a timeline says otherwise: 336 distinct days of 2025.</summary>
    public static DateTimeOffset GeneratedUpdatedAt(int index) =>
        new DateTimeOffset(2025, 1 + (index % 12), 1 + (index % 28), 12, 0, 0, TimeSpan.Zero).AddMilliseconds(123);

    /// <summary>Kustomer's timestamp format: UTC with milliseconds (yyyy-MM-ddTHH:mm:ss.fffZ).</summary>
    public static string Timestamp(DateTimeOffset time)
    {
        // The round-trip format is several times faster than a custom one; cut its 7 digits to 3.
        Span<char> text = stackalloc char[28];
        time.UtcDateTime.TryFormat(text, out _, "O", CultureInfo.InvariantCulture);
        text[23] = 'Z';
        return new string(text[..24]);
    }

    public static string Generated(int index) => Generated(index, GeneratedCreatedAt, GeneratedUpdatedAt(index));

    // The name, emails and custom attributes below are the template's, for search to read without JSON.
    public static string GeneratedName(int index) => "Customer " + index.ToString(CultureInfo.InvariantCulture);

    public static string GeneratedEmail(int index) => "customer" + index.ToString(CultureInfo.InvariantCulture) + "@example.test";

    /// <summary>Repeats every 10000 customers, as the template's does.</summary>
    public static string GeneratedPhone(int index) => "+1415555" + (index % 10000).ToString("D4", CultureInfo.InvariantCulture);

    public static string GeneratedExternalId(int index) => "ext-" + index.ToString(CultureInfo.InvariantCulture);

    public static string GeneratedTier(int index) => index % 3 == 0 ? "gold" : "silver";

    public static int GeneratedSeats(int index) => index % 100;

    public static bool GeneratedVip(int index) => index % 5 == 0;

    /// <summary>Generated customer <paramref name="index"/> with these timestamps; made in one pass, since a page of 500 is made per request.</summary>
    public static string Generated(int index, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        var json = new StringBuilder(GeneratedTemplate.Length + 64);
        for (int i = 0; i < TemplateParts.Length; i++)
        {
            json.Append(i % 2 == 0 ? TemplateParts[i] : Placeholder(TemplateParts[i], index, createdAt, updatedAt));
        }

        return json.ToString();
    }

    private static string Placeholder(string name, int index, DateTimeOffset createdAt, DateTimeOffset updatedAt) => name switch
    {
        "ID" => GeneratedId(index),
        "N" => index.ToString(CultureInfo.InvariantCulture),
        "PHONE" => (index % 10000).ToString("D4", CultureInfo.InvariantCulture),
        "CREATED" => Timestamp(createdAt),
        "UPDATED" => Timestamp(updatedAt),
        "R9" => (index % 9).ToString(CultureInfo.InvariantCulture),
        "R50" => (index % 50).ToString(CultureInfo.InvariantCulture),
        "SEATS" => GeneratedSeats(index).ToString(CultureInfo.InvariantCulture),
        "TAG" => (index % 7).ToString(CultureInfo.InvariantCulture),
        "TIER" => GeneratedTier(index),
        "VIP" => GeneratedVip(index) ? "true" : "false",
        _ => throw new InvalidOperationException("The template has an unknown placeholder @" + name + "@"),
    };

    [GeneratedRegex("@([A-Z0-9]+)@")]
    private static partial Regex PlaceholderName();

    private const string GeneratedTemplate = """
        {"type":"customer","id":"@ID@","attributes":{"name":"Customer @N@","displayName":"Customer @N@",
        "externalId":"ext-@N@","externalIds":[{"externalId":"ext-@N@","verified":true}],
        "emails":[{"email":"customer@N@@example.test","verified":true,"type":"work"}],
        "phones":[{"phone":"+1415555@PHONE@","type":"mobile","verified":false}],
        "tags":["vip","t@TAG@"],"locale":"en_US","timeZone":"America/New_York","verified":true,"rev":@R50@,
        "createdAt":"@CREATED@","updatedAt":"@UPDATED@",
        "conversationCounts":{"all":@R9@,"open":0,"snoozed":0,"done":@R9@},
        "custom":{"tierStr":"@TIER@","seatsNum":@SEATS@,"vipBool":@VIP@}},
        "links":{"self":"/v1/customers/@ID@"}}
        """;

    // The template cut at its @NAME@ placeholders: even items are text, odd ones placeholder names.
    private static readonly string[] TemplateParts = PlaceholderName().Split(GeneratedTemplate);
}
