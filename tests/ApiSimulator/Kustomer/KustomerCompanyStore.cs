using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerTools.ApiSimulator.Kustomer;

/// <summary>
/// The simulated org's companies (docs/api/related.md §2): the fixtures, added and generated ones,
/// read by id, by the list's externalId or filter, and by search with queryContext company, which
/// pages them as customer search does.
/// </summary>
public sealed class KustomerCompanyStore
{
    private readonly object _gate = new();
    private readonly List<CustomerRecord> _companies = new();
    private KustomerSearchIndex? _search;

    public KustomerCompanyStore()
    {
        Reset();
    }

    public void Reset()
    {
        lock (_gate)
        {
            _companies.Clear();
            _search = null;
        }

        Add(KustomerCompanyFixtures.Full);
        Add(KustomerCompanyFixtures.Second);
        Add(KustomerCompanyFixtures.Deleted);
    }

    /// <summary>Adds a company resource (JSON text with type, id, attributes), replacing one with its id.</summary>
    public void Add(string resourceJson)
    {
        var record = CustomerRecord.FromJson(resourceJson);
        lock (_gate)
        {
            _companies.RemoveAll(c => c.Id == record.Id);
            _companies.Add(record);
            _search = null;
        }
    }

    /// <summary>Adds <paramref name="count"/> generated companies (ids from <see cref="KustomerCompanyFixtures.GeneratedId"/>) after the others.</summary>
    public void Generate(int count)
    {
        for (int i = 0; i < count; i++)
        {
            Add(KustomerCompanyFixtures.Generated(i));
        }
    }

    public string? Find(string id)
    {
        lock (_gate)
        {
            return _companies.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase))?.Json();
        }
    }

    /// <summary>
    /// The list's companies (not deleted ones), narrowed by externalId (exact) or filter (a part of the
    /// name, ignoring case). Given both, Kustomer ignores both: so does this.
    /// </summary>
    public IReadOnlyList<string> List(string? externalId, string? filter)
    {
        bool both = externalId is not null && filter is not null;
        lock (_gate)
        {
            return _companies.Where(c => !c.Deleted
                    && (both || externalId is null || c.ExternalIds.Contains(externalId, StringComparer.Ordinal))
                    && (both || filter is null || c.Name?.Contains(filter, StringComparison.OrdinalIgnoreCase) == true))
                .Select(c => c.Json()).ToArray();
        }
    }

    /// <summary>A company search page, from an index kept until the companies change.</summary>
    internal ArraySegment<CustomerRecord> SearchResults(SearchQuery query, string body)
    {
        lock (_gate)
        {
            return (_search ??= new KustomerSearchIndex(_companies.ToArray())).Results(query, body);
        }
    }
}
