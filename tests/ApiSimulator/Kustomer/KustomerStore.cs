using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace CustomerTools.ApiSimulator.Kustomer;

/// <summary>The simulated Kustomer org: its customers (fixtures, then generated ones) and its keys.</summary>
public sealed class KustomerStore
{
    public const string ValidKey = "kustomer-test-key-eyJhbGciOi";
    public const string NoRoleKey = "kustomer-key-without-customer-role";

    private readonly object _gate = new();
    private readonly List<Fixture> _fixtures = new();

    public KustomerStore()
    {
        Reset();
    }

    /// <summary>Also link a next page from the last page, which then comes back empty (seen in some APIs).</summary>
    public bool LinkPastLastPage { get; set; }

    /// <summary>Customers generated on the fly after the fixtures (ids from <see cref="KustomerFixtures.GeneratedId"/>).</summary>
    public int GeneratedCount { get; set; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _fixtures.Count + GeneratedCount;
            }
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _fixtures.Clear();
            GeneratedCount = 0;
            LinkPastLastPage = false;
        }

        Add(KustomerFixtures.Full);
        Add(KustomerFixtures.Sparse);
    }

    public void Clear()
    {
        lock (_gate)
        {
            _fixtures.Clear();
            GeneratedCount = 0;
        }
    }

    /// <summary>Adds a customer resource (JSON text with type, id, attributes).</summary>
    public void Add(string resourceJson)
    {
        JsonNode node = JsonNode.Parse(resourceJson)!;
        JsonNode? attributes = node["attributes"];
        var fixture = new Fixture(
            (string)node["id"]!,
            resourceJson,
            Values(attributes?["emails"], "email"),
            Values(attributes?["phones"], "phone"),
            Values(attributes?["externalIds"], "externalId").Append((string?)attributes?["externalId"]).Where(v => v is not null).Select(v => v!).ToArray());
        lock (_gate)
        {
            _fixtures.RemoveAll(f => f.Id == fixture.Id);
            _fixtures.Add(fixture);
        }
    }

    public string? Find(string id)
    {
        lock (_gate)
        {
            if (_fixtures.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.OrdinalIgnoreCase)) is { } fixture)
            {
                return fixture.Json;
            }
        }

        return KustomerFixtures.TryParseGenerated(id, out int index) && index < GeneratedCount ? KustomerFixtures.Generated(index) : null;
    }

    /// <summary>Customers whose email (case-insensitive), phone or external id equals the value.</summary>
    public IReadOnlyList<string> Lookup(string field, string value)
    {
        lock (_gate)
        {
            return _fixtures.Where(f => field switch
            {
                "email" => f.Emails.Contains(value, StringComparer.OrdinalIgnoreCase),
                "phone" => f.Phones.Contains(value, StringComparer.Ordinal),
                "externalId" => f.ExternalIds.Contains(value, StringComparer.Ordinal),
                _ => false,
            }).Select(f => f.Json).ToArray();
        }
    }

    /// <summary>Page <paramref name="page"/> (from 1) of all customers, fixtures first.</summary>
    public IReadOnlyList<string> Page(int page, int pageSize)
    {
        var items = new List<string>(pageSize);
        lock (_gate)
        {
            long start = (long)(page - 1) * pageSize;
            for (long i = start; i < start + pageSize && i < _fixtures.Count + GeneratedCount; i++)
            {
                items.Add(i < _fixtures.Count ? _fixtures[(int)i].Json : KustomerFixtures.Generated((int)(i - _fixtures.Count)));
            }
        }

        return items;
    }

    private static string[] Values(JsonNode? array, string member) =>
        array is JsonArray items
            ? items.Select(item => item?[member]?.GetValue<string>()).Where(v => v is not null).Select(v => v!).ToArray()
            : Array.Empty<string>();

    private sealed record Fixture(string Id, string Json, string[] Emails, string[] Phones, string[] ExternalIds);
}
