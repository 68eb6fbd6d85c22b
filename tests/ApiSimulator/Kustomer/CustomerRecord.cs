using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace CustomerTools.ApiSimulator.Kustomer;

/// <summary>
/// One customer (or company: search reads both alike) as search reads it: the few attributes it can match or sort on, held as .NET
/// values so that a search over a large org never touches JSON. The resource's JSON is kept as
/// text (fixtures, copies) or made from the generated template only when a page serves it.
/// </summary>
internal sealed class CustomerRecord
{
    /// <summary>Generated customers repeat their custom values every 300 (tier, seats, vip), so they share 300 dictionaries.</summary>
    private static readonly IReadOnlyDictionary<string, object>[] GeneratedCustom = Enumerable.Range(0, 300)
        .Select(i => (IReadOnlyDictionary<string, object>)new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["tierStr"] = KustomerFixtures.GeneratedTier(i),
            ["seatsNum"] = (double)KustomerFixtures.GeneratedSeats(i),
            ["vipBool"] = KustomerFixtures.GeneratedVip(i),
        })
        .ToArray();

    private readonly int _generatedIndex;
    private readonly IReadOnlyList<string> _phones = Array.Empty<string>();
    private readonly IReadOnlyList<string> _externalIds = Array.Empty<string>();
    private string? _json;

    private CustomerRecord(string id, int generatedIndex, string? json, DateTimeOffset? createdAt, DateTimeOffset? updatedAt, string? name, string[] emails, IReadOnlyDictionary<string, object> custom)
    {
        Id = id;
        _generatedIndex = generatedIndex;
        _json = json;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
        Name = name;
        Emails = emails;
        Custom = custom;
    }

    public string Id { get; }

    public DateTimeOffset? CreatedAt { get; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    public string? Name { get; }

    /// <summary>Soft-deleted (attributes.deleted, docs/api/related.md §6): only a search with includeDeleted finds it.</summary>
    public bool Deleted { get; private init; }

    public IReadOnlyList<string> Emails { get; }

    /// <summary>Custom attributes that are set: string, double, bool, or DateTimeOffset for names ending in "At".</summary>
    public IReadOnlyDictionary<string, object> Custom { get; }

    /// <summary>For lookups by phone; a generated customer's is made when asked (lookups are rare, orgs large).</summary>
    public IReadOnlyList<string> Phones
    {
        get => _generatedIndex >= 0 ? new[] { KustomerFixtures.GeneratedPhone(_generatedIndex) } : _phones;
        private init => _phones = value;
    }

    public IReadOnlyList<string> ExternalIds
    {
        get => _generatedIndex >= 0 ? new[] { KustomerFixtures.GeneratedExternalId(_generatedIndex) } : _externalIds;
        private init => _externalIds = value;
    }

    /// <summary>A customer resource as the API serves it (type, id, attributes).</summary>
    public static CustomerRecord FromJson(string resourceJson)
    {
        JsonNode node = JsonNode.Parse(resourceJson)!;
        JsonNode? attributes = node["attributes"];
        return new CustomerRecord(
            (string)node["id"]!,
            -1,
            resourceJson,
            Time(attributes?["createdAt"]),
            Time(attributes?["updatedAt"]),
            (string?)attributes?["name"],
            Values(attributes?["emails"], "email"),
            CustomValues(attributes?["custom"] as JsonObject))
        {
            Phones = Values(attributes?["phones"], "phone"),
            ExternalIds = Values(attributes?["externalIds"], "externalId").Append((string?)attributes?["externalId"]).OfType<string>().ToArray(),
            Deleted = attributes?["deleted"] is JsonValue deleted && (deleted.TryGetValue(out bool flag) ? flag : deleted.TryGetValue(out string? text) && text == "true"),
        };
    }

    public static CustomerRecord Generated(int index, DateTimeOffset createdAt, DateTimeOffset updatedAt) => new(
        KustomerFixtures.GeneratedId(index),
        index,
        null,
        createdAt,
        updatedAt,
        KustomerFixtures.GeneratedName(index),
        new[] { KustomerFixtures.GeneratedEmail(index) },
        GeneratedCustom[index % GeneratedCustom.Length]);

    public string Json() => _json ?? KustomerFixtures.Generated(_generatedIndex, CreatedAt!.Value, UpdatedAt!.Value);

    /// <summary>The same customer under another id (a page shift's new customer).</summary>
    public CustomerRecord CopyAs(string id) =>
        new(id, -1, Json().Replace(Id, id, StringComparison.Ordinal), CreatedAt, UpdatedAt, Name, Emails.ToArray(), Custom) { Deleted = Deleted };

    /// <summary>The customer changed at <paramref name="time"/>: search and GET both see it.</summary>
    public void ChangeUpdatedAt(DateTimeOffset time)
    {
        UpdatedAt = time;
        if (_json is null)
        {
            return;
        }

        JsonNode node = JsonNode.Parse(_json)!;
        if (node["attributes"] is JsonObject attributes)
        {
            attributes["updatedAt"] = KustomerFixtures.Timestamp(time);
            if (attributes.ContainsKey("modifiedAt"))
            {
                attributes["modifiedAt"] = KustomerFixtures.Timestamp(time);
            }
        }

        _json = node.ToJsonString();
    }

    private static DateTimeOffset? Time(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue(out string? text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time)
            ? time
            : null;

    private static string[] Values(JsonNode? array, string member) =>
        array is JsonArray items ? items.Select(item => (string?)item?[member]).OfType<string>().ToArray() : Array.Empty<string>();

    private static Dictionary<string, object> CustomValues(JsonObject? custom)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach ((string name, JsonNode? value) in custom ?? new JsonObject())
        {
            object? plain = value is not JsonValue v ? null
                : v.TryGetValue(out bool flag) ? flag
                : v.TryGetValue(out double number) ? number
                : name.EndsWith("At", StringComparison.Ordinal) ? Time(v)
                : v.TryGetValue(out string? text) ? text
                : null;
            if (plain is not null)
            {
                values[name] = plain;
            }
        }

        return values;
    }
}
