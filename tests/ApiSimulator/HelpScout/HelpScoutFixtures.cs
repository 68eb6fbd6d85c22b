using System;
using System.Globalization;

namespace CustomerTools.ApiSimulator.HelpScout;

/// <summary>
/// Customers in Help Scout's documented hal+json shape (docs/api/helpscout.md §4): one with every field,
/// sparse ones (no _embedded, nulls), the other spelling of social profiles, a near-miss email.
/// </summary>
public static class HelpScoutFixtures
{
    public const long FullId = 4150271;
    public const long SparseId = 4150272;
    public const long DashedId = 4150273;
    public const long NearMissId = 4150274;
    public const long GeneratedBase = 5000000;

    public const string Full = """
        {"id": 4150271, "firstName": "Lena", "lastName": "Okonkwo", "gender": "female",
         "jobTitle": "Head of Support", "location": "Lagos, Nigeria", "organization": "Tidewater Labs",
         "organizationId": 88231, "photoType": "gravatar", "photoUrl": "https://gravatar.example/a/91c2.png",
         "age": "35-40", "createdAt": "2021-06-01T09:30:00Z", "updatedAt": "2025-02-11T17:04:58Z",
         "background": "Prefers email.", "draft": false,
         "_embedded": {
           "emails": [{"id": 9001, "value": "lena@tidewater.example", "type": "work"},
                      {"id": 9002, "value": "lena.o@mail.example", "type": "home"}],
           "phones": [{"id": 9101, "value": "+2348012345678", "type": "mobile"}],
           "chats": [{"id": 9201, "value": "lena.okonkwo", "type": "skype"}],
           "social_profiles": [{"id": 9301, "value": "https://linkedin.com/in/lenao", "type": "linkedin"}],
           "websites": [{"id": 9401, "value": "https://tidewater.example"}],
           "properties": [{"type": "dropdown", "slug": "plan", "name": "Plan", "value": "4412",
                           "text": "Pro (annual)", "source": {"name": "api"}},
                          {"type": "number", "slug": "seats", "name": "Seats"}],
           "address": {"city": "Lagos", "state": null, "postalCode": "101241", "country": "NG", "lines": ["12 Marina Rd", "Floor 3"]}},
         "_links": {"self": {"href": "https://api.helpscout.net/v2/customers/4150271"},
           "emails": {"href": "https://api.helpscout.net/v2/customers/4150271/emails"},
           "phones": {"href": "https://api.helpscout.net/v2/customers/4150271/phones"},
           "chats": {"href": "https://api.helpscout.net/v2/customers/4150271/chats"},
           "social-profiles": {"href": "https://api.helpscout.net/v2/customers/4150271/social-profiles"},
           "websites": {"href": "https://api.helpscout.net/v2/customers/4150271/websites"},
           "address": {"href": "https://api.helpscout.net/v2/customers/4150271/address"},
           "organization": {"href": "https://api.helpscout.net/v2/organizations/88231"}}}
        """;

    public const string Sparse = """
        {"id": 4150272, "firstName": "Sam", "lastName": null, "draft": true, "createdAt": "2024-03-01T10:00:00Z"}
        """;

    public const string DashedSocial = """
        {"id": 4150273, "firstName": "Ana", "lastName": "Lima", "gender": "Male", "age": 52,
         "createdAt": "2022-01-01T00:00:00Z", "updatedAt": "2025-03-01T00:00:00Z", "draft": "false",
         "_embedded": {"emails": [{"id": 9011, "value": "ana@lima.example", "type": "work"}],
                       "social-profiles": [{"id": 9311, "value": "https://x.com/analima", "type": "twitter"}],
                       "phones": null}}
        """;

    /// <summary>An email that contains the full fixture's address without being it.</summary>
    public const string NearMiss = """
        {"id": 4150274, "firstName": "Elena", "lastName": "Okonkwo-Smith", "draft": false,
         "createdAt": "2022-05-05T00:00:00Z", "updatedAt": "2025-04-04T00:00:00Z",
         "_embedded": {"emails": [{"id": 9021, "value": "elena@tidewater.example", "type": "work"}]}}
        """;

    public static long GeneratedId(int index) => GeneratedBase + index;

    /// <summary>
    /// The id of the <paramref name="sequence"/>-th copy a page shift puts in front: each smaller
    /// than every id before it (fixtures, generated ids and earlier copies), so it sorts first.
    /// </summary>
    public static long CopyId(int sequence) => 999_999 - sequence;

    /// <summary>When every generated customer was created, unless a timeline says otherwise.</summary>
    public static DateTimeOffset GeneratedCreatedAt { get; } = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>When generated customer <paramref name="index"/> changed, unless a timeline says otherwise: 336 distinct days of 2025.</summary>
    public static DateTimeOffset GeneratedUpdatedAt(int index) => new(2025, 1 + (index % 12), 1 + (index % 28), 12, 0, 0, TimeSpan.Zero);

    /// <summary>Help Scout's timestamp format: UTC, whole seconds.</summary>
    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Generated(int index) => Generated(index, GeneratedCreatedAt, GeneratedUpdatedAt(index));

    public static string Generated(int index, DateTimeOffset createdAt, DateTimeOffset updatedAt) => GeneratedTemplate
        .Replace("@ID@", GeneratedId(index).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("@EMAILID@", (index * 10L + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("@N@", index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("@CREATED@", Timestamp(createdAt), StringComparison.Ordinal)
        .Replace("@UPDATED@", Timestamp(updatedAt), StringComparison.Ordinal);

    private const string GeneratedTemplate = """
        {"id":@ID@,"firstName":"First@N@","lastName":"Last@N@","gender":"unknown","draft":false,
        "createdAt":"@CREATED@","updatedAt":"@UPDATED@",
        "_embedded":{"emails":[{"id":@EMAILID@,"value":"hs@N@@example.test","type":"work"}],"phones":[],"chats":[],"social_profiles":[],"websites":[],"properties":[]}}
        """;
}
