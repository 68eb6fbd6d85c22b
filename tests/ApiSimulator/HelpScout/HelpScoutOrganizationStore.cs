using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;

namespace CustomerTools.ApiSimulator.HelpScout;

/// <summary>
/// The simulated account's organizations (docs/api/related.md §1): two fixtures and generated ones,
/// with the conversation counts and last interaction times the list sorts by (not served as fields).
/// Generated customer n belongs to generated organization n mod the number generated.
/// </summary>
public sealed class HelpScoutOrganizationStore
{
    /// <summary>The organization the full customer fixture belongs to (its organizationId).</summary>
    public const long FixtureId = 88231;

    /// <summary>An organization no customer belongs to.</summary>
    public const long EmptyId = 88232;

    public const long GeneratedBase = 7000000;

    private const string Tidewater = """
        {"id": 88231, "name": "Tidewater Labs", "website": "https://tidewater.example", "description": "Marine sensors",
         "location": "NG", "logoUrl": "https://logo.example/tidewater.png", "note": "Key account",
         "domains": ["tidewater.example", "tidewater.ng"], "phones": ["+234 (1) 555-0100"], "brandColor": "#3c5263",
         "_links": {"self": {"href": "https://api.helpscout.net/v2/organizations/88231"}}}
        """;

    private const string Harbor = """
        {"id": 88232, "name": "Harbor Analytics", "website": null, "domains": null, "phones": [], "createdAt": "2024-02-02T02:02:02Z", "updatedAt": "not a time"}
        """;

    private readonly object _gate = new();
    private readonly List<Organization> _fixtures = new();
    private int _generatedCount;

    public HelpScoutOrganizationStore()
    {
        Reset();
    }

    /// <summary>Generated organizations; generated customers are spread over them.</summary>
    public int GeneratedCount
    {
        get => Volatile.Read(ref _generatedCount);
        set => Volatile.Write(ref _generatedCount, value);
    }

    public static long GeneratedId(int index) => GeneratedBase + index;

    public void Reset()
    {
        lock (_gate)
        {
            _fixtures.Clear();
            _fixtures.Add(new Organization(JsonNode.Parse(Tidewater)!.AsObject(), 14, new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero)));
            _fixtures.Add(new Organization(JsonNode.Parse(Harbor)!.AsObject(), 0, new DateTimeOffset(2024, 2, 2, 0, 0, 0, TimeSpan.Zero)));
            _generatedCount = 0;
        }
    }

    /// <summary>The organization generated customer <paramref name="customerIndex"/> belongs to, if organizations were generated.</summary>
    public long? OfGeneratedCustomer(int customerIndex)
    {
        int count = GeneratedCount;
        return count > 0 ? GeneratedId(customerIndex % count) : null;
    }

    /// <summary>Every organization: fixtures, then generated ones.</summary>
    public IReadOnlyList<Organization> All()
    {
        lock (_gate)
        {
            return _fixtures.Concat(Enumerable.Range(0, _generatedCount).Select(Generated)).ToArray();
        }
    }

    public Organization? Find(long id) => All().FirstOrDefault(o => o.Id == id);

    private static Organization Generated(int index)
    {
        string n = index.ToString(CultureInfo.InvariantCulture);
        var json = new JsonObject
        {
            ["id"] = GeneratedId(index),
            ["name"] = "Organization " + n,
            ["domains"] = new JsonArray("org" + n + ".example"),
            ["phones"] = new JsonArray(),
        };
        return new Organization(json, index * 3, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(index));
    }

    /// <summary>One organization as served, and what the list sorts by besides its fields.</summary>
    public sealed record Organization(JsonObject Json, int ConversationCount, DateTimeOffset LastInteractionAt)
    {
        public long Id => Json["id"]!.GetValue<long>();

        public string? Name => (string?)Json["name"];
    }
}
