using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerTools.ApiSimulator.Kustomer;

/// <summary>
/// The simulated Kustomer org: its keys and customers, in list order the copies page shifts put
/// in front, then the fixtures, then the generated ones. Customers are held as light records;
/// search pages from an index in change order, and JSON is made only for the page served.
/// </summary>
public sealed class KustomerStore
{
    public const string ValidKey = "kustomer-test-key-eyJhbGciOi";
    public const string NoRoleKey = "kustomer-key-without-customer-role";

    /// <summary>Reads customers as <see cref="ValidKey"/> does, but lacks org.permission.search.create: searches get 403.</summary>
    public const string NoSearchRoleKey = "kustomer-key-without-search-role";

    private readonly object _gate = new();
    private readonly List<CustomerRecord> _copies = new();
    private readonly List<CustomerRecord> _fixtures = new();
    private int _generatedCount;
    private ChangeTimeline? _timeline;
    private int _copiesMade;
    private int _listPagesServed;
    private int _searchPagesServed;

    // Made when first needed and dropped when the customers change (Invalidate).
    private CustomerRecord[]? _generated;
    private CustomerRecord[]? _all;
    private Dictionary<string, CustomerRecord>? _byId;
    private KustomerSearchIndex? _search;

    public KustomerStore()
    {
        Reset();
    }

    /// <summary>The org's companies, which search also finds (queryContext company).</summary>
    public KustomerCompanyStore Companies { get; } = new();

    /// <summary>Also link a next page from the last page, which then comes back empty (seen in some APIs).</summary>
    public bool LinkPastLastPage { get; set; }

    /// <summary>
    /// Customers generated after the fixtures (ids from <see cref="KustomerFixtures.GeneratedId"/>),
    /// with the template's timestamps; setting it drops any <see cref="Timeline"/>.
    /// </summary>
    public int GeneratedCount
    {
        get
        {
            lock (_gate)
            {
                return _generatedCount;
            }
        }

        set => Generate(value, null);
    }

    /// <summary>Where the generated customers' timestamps come from, or null for the template's.</summary>
    public ChangeTimeline? Timeline
    {
        get
        {
            lock (_gate)
            {
                return _timeline;
            }
        }
    }

    /// <summary>Lever for GET /v1/customers: shifts the list once after that many pages.</summary>
    public PageShift? ListShift { get; set; }

    /// <summary>Lever for POST /v1/customers/search: shifts the results once after that many pages.</summary>
    public PageShift? SearchShift { get; set; }

    /// <summary>List pages answered (200) since the last Reset.</summary>
    public int ListPagesServed => _listPagesServed;

    /// <summary>Search pages answered (200) since the last Reset.</summary>
    public int SearchPagesServed => _searchPagesServed;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _copies.Count + _fixtures.Count + _generatedCount;
            }
        }
    }

    /// <summary>Generates <see cref="ChangeTimeline.Count"/> customers with the timeline's timestamps.</summary>
    public void UseTimeline(ChangeTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        Generate(timeline.Count, timeline);
    }

    public void Reset()
    {
        Companies.Reset();
        lock (_gate)
        {
            _fixtures.Clear();
            _copies.Clear();
            _copiesMade = 0;
            _listPagesServed = 0;
            _searchPagesServed = 0;
            ListShift = null;
            SearchShift = null;
            LinkPastLastPage = false;
            Generate(0, null);
        }

        Add(KustomerFixtures.Full);
        Add(KustomerFixtures.Sparse);
    }

    /// <summary>No customers at all (the levers stay).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _fixtures.Clear();
            _copies.Clear();
            Generate(0, null);
        }
    }

    /// <summary>Adds a customer resource (JSON text with type, id, attributes), replacing one with its id.</summary>
    public void Add(string resourceJson)
    {
        var record = CustomerRecord.FromJson(resourceJson);
        lock (_gate)
        {
            _fixtures.RemoveAll(f => f.Id == record.Id);
            _fixtures.Add(record);
            Invalidate();
        }
    }

    public string? Find(string id)
    {
        CustomerRecord? record;
        lock (_gate)
        {
            Build();
            _byId!.TryGetValue(id, out record);
        }

        return record?.Json();
    }

    /// <summary>Fixtures, added and generated customers (not a page shift's copies) whose email (case-insensitive), phone or external id equals the value.</summary>
    public IReadOnlyList<string> Lookup(string field, string value)
    {
        lock (_gate)
        {
            Build();
            return _fixtures.Concat(_generated!).Where(f => field switch
            {
                "email" => f.Emails.Contains(value, StringComparer.OrdinalIgnoreCase),
                "phone" => f.Phones.Contains(value, StringComparer.Ordinal),
                "externalId" => f.ExternalIds.Contains(value, StringComparer.Ordinal),
                _ => false,
            }).Select(f => f.Json()).ToArray();
        }
    }

    /// <summary>Every customer's id in list order: copies a page shift put in front, fixtures, generated ones.</summary>
    public IReadOnlyList<string> Ids()
    {
        lock (_gate)
        {
            Build();
            return Array.ConvertAll(_all!, r => r.Id);
        }
    }

    /// <summary>Page <paramref name="page"/> (from 1) of all customers in list order.</summary>
    public IReadOnlyList<string> Page(int page, int pageSize)
    {
        lock (_gate)
        {
            Build();
            return Render(Slice(_all!, page, pageSize));
        }
    }

    /// <summary>
    /// The ids of the customers whose updatedAt is at or after <paramref name="since"/> now (after
    /// any page shift), oldest change first, ties by id: an oracle read straight from the records.
    /// </summary>
    public IReadOnlyList<string> IdsChangedSince(DateTimeOffset since)
    {
        lock (_gate)
        {
            Build();
            return _all!.Where(r => r.UpdatedAt >= since)
                .OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id, StringComparer.Ordinal)
                .Select(r => r.Id).ToArray();
        }
    }

    /// <summary>A list page as GET /v1/customers serves it: counted, after the list lever had its turn.</summary>
    internal IReadOnlyList<string> ServeListPage(int page, int pageSize, out int total)
    {
        CustomerRecord[] items;
        lock (_gate)
        {
            Build();
            if (ListShift?.TakeTurn(_listPagesServed) == true && _all!.Length > 0)
            {
                InsertCopies(_all[0], ListShift.Insert);
                Build();
            }

            _listPagesServed++;
            total = _all!.Length;
            items = Slice(_all, page, pageSize);
        }

        return Render(items);
    }

    /// <summary>
    /// A search page of customers or companies: counted, after the search lever had its turn (on
    /// customers); <paramref name="body"/> keys the sorted results kept for the next page.
    /// </summary>
    internal IReadOnlyList<string> ServeSearchPage(SearchQuery query, string body, int page, int pageSize, out int total)
    {
        CustomerRecord[] items;
        lock (_gate)
        {
            bool companies = query.Context == SearchQuery.CompanyContext;
            if (!companies && SearchShift?.TakeTurn(_searchPagesServed) == true)
            {
                ShiftSearch(query, body, SearchShift);
            }

            _searchPagesServed++;
            ArraySegment<CustomerRecord> results = companies ? Companies.SearchResults(query, body) : Search().Results(query, body);
            total = results.Count;
            items = Slice(results, page, pageSize);
        }

        return Render(items);
    }

    private static CustomerRecord[] Slice(ArraySegment<CustomerRecord> records, int page, int pageSize)
    {
        long start = (long)(page - 1) * pageSize;
        return start >= records.Count ? Array.Empty<CustomerRecord>() : records.Slice((int)start, (int)Math.Min(pageSize, records.Count - start)).ToArray();
    }

    private static string[] Render(CustomerRecord[] records) => Array.ConvertAll(records, r => r.Json());

    /// <summary>Update first (the earliest matches change last), then insert copies of what is then first.</summary>
    private void ShiftSearch(SearchQuery query, string body, PageShift shift)
    {
        if (shift.Update > 0)
        {
            CustomerRecord[] earliest = Search().Results(query, body).Where(r => r.UpdatedAt is not null)
                .Order(Comparer<CustomerRecord>.Create(SearchSort.ChangeOrder.Compare)).Take(shift.Update).ToArray();
            DateTimeOffset latest = _all!.Max(r => r.UpdatedAt) ?? DateTimeOffset.UtcNow;
            for (int i = 0; i < earliest.Length; i++)
            {
                // One millisecond apart, so the moved customers keep their order among themselves.
                earliest[i].ChangeUpdatedAt(latest.AddMilliseconds(i + 1));
            }

            Invalidate();
        }

        if (shift.Insert > 0 && Search().Results(query, body) is { Count: > 0 } matches)
        {
            InsertCopies(matches[0], shift.Insert);
        }
    }

    private void InsertCopies(CustomerRecord source, int count)
    {
        // Each copy's id is smaller than the one before, so in id order the last made comes first.
        var copies = Enumerable.Range(0, count).Select(_ => source.CopyAs(KustomerFixtures.CopyId(_copiesMade++))).Reverse();
        _copies.InsertRange(0, copies);
        Invalidate();
    }

    private void Generate(int count, ChangeTimeline? timeline)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _generatedCount = count;
            _timeline = timeline;
            _generated = null;
            Invalidate();
        }
    }

    private void Invalidate()
    {
        _all = null;
        _byId = null;
        _search = null;
    }

    private KustomerSearchIndex Search()
    {
        Build();
        return _search ??= new KustomerSearchIndex(_all!);
    }

    private void Build()
    {
        _generated ??= Enumerable.Range(0, _generatedCount).Select(i => _timeline is null
            ? CustomerRecord.Generated(i, KustomerFixtures.GeneratedCreatedAt, KustomerFixtures.GeneratedUpdatedAt(i))
            : CustomerRecord.Generated(i, _timeline.CreatedAt(i), _timeline.UpdatedAt(i))).ToArray();
        _all ??= _copies.Concat(_fixtures).Concat(_generated).ToArray();
        if (_byId is null)
        {
            // The first of an id wins: a fixture added with a generated id stands for it, as before.
            _byId = new Dictionary<string, CustomerRecord>(_all.Length, StringComparer.OrdinalIgnoreCase);
            foreach (CustomerRecord record in _all)
            {
                _byId.TryAdd(record.Id, record);
            }
        }
    }
}
