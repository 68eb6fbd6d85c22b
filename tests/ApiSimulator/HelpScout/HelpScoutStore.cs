using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading;

namespace CustomerTools.ApiSimulator.HelpScout;

/// <summary>The simulated Help Scout account: its app credentials, tokens, customers and mailboxes.</summary>
public sealed class HelpScoutStore
{
    public const string AppId = "hs-test-app-id";
    public const string AppSecret = "hs-test-app-secret-9f8e7d6c";
    public const long MainMailbox = 101;
    public const long OtherMailbox = 102;

    private readonly object _gate = new();
    private readonly List<Customer> _customers = new();
    private readonly List<Customer> _copies = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new();
    private int _tokenRequests;
    private int _generatedCount;
    private ChangeTimeline? _timeline;
    private int _copiesMade;
    private int _listPagesServed;
    private int _apiRequests;

    public HelpScoutStore()
    {
        Reset();
    }

    /// <summary>The account's organizations; generated customers belong to the generated ones.</summary>
    public HelpScoutOrganizationStore Organizations { get; } = new();

    /// <summary>Seconds a new token lives (<c>expires_in</c>).</summary>
    public int TokenLifetimeSeconds { get; set; } = 172800;

    /// <summary>
    /// Whether list items are full customers with their <c>_embedded</c> entries and <c>_links</c>,
    /// as the docs' list of an organization's customers shows (docs/api/related.md §1); off, they are bare
    /// (unconfirmed for /v2/customers, docs/api/helpscout.md §3), and the module fetches each customer.
    /// </summary>
    public bool ListItemsEmbedded { get; set; } = true;

    /// <summary>
    /// Generated customers after the fixtures, all in <see cref="MainMailbox"/>, with the
    /// template's timestamps; setting it drops any <see cref="Timeline"/>.
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

        set
        {
            lock (_gate)
            {
                _generatedCount = value;
                _timeline = null;
            }
        }
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

    /// <summary>Lever for GET /v2/customers: shifts the list once after that many pages.</summary>
    public PageShift? ListShift { get; set; }

    /// <summary>List pages answered (200) since the last Reset.</summary>
    public int ListPagesServed => Volatile.Read(ref _listPagesServed);

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>
    /// When set, every token issued so far is revoked as API request number N (from 1) arrives, as
    /// when an admin revokes the app's tokens mid-run: that request, and any other sent with an old
    /// token, is answered 401; tokens issued afterwards work.
    /// </summary>
    public int? RevokeTokensAtRequest { get; set; }

    public IReadOnlyCollection<string> IssuedTokens => _tokens.Keys.ToArray();

    /// <summary>
    /// Generates <see cref="ChangeTimeline.Count"/> customers with the timeline's timestamps, which
    /// must fall on whole seconds (Help Scout sends no fractions).
    /// </summary>
    public void UseTimeline(ChangeTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        if (timeline.Step.Ticks % TimeSpan.TicksPerSecond != 0 || timeline.Origin.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException("Help Scout timestamps have whole seconds: give the timeline a whole-second origin and step.", nameof(timeline));
        }

        lock (_gate)
        {
            _generatedCount = timeline.Count;
            _timeline = timeline;
        }
    }

    public void Reset()
    {
        Organizations.Reset();
        lock (_gate)
        {
            _customers.Clear();
            _copies.Clear();
            _copiesMade = 0;
            _generatedCount = 0;
            _timeline = null;
        }

        ListShift = null;
        Interlocked.Exchange(ref _listPagesServed, 0);

        _tokens.Clear();
        Interlocked.Exchange(ref _tokenRequests, 0);
        Interlocked.Exchange(ref _apiRequests, 0);
        RevokeTokensAtRequest = null;
        TokenLifetimeSeconds = 172800;
        ListItemsEmbedded = true;
        Add(HelpScoutFixtures.Full, MainMailbox);
        Add(HelpScoutFixtures.Sparse, OtherMailbox);
        Add(HelpScoutFixtures.DashedSocial, OtherMailbox);
        Add(HelpScoutFixtures.NearMiss, MainMailbox);
    }

    /// <summary>No customers at all (the lever stays).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _customers.Clear();
            _copies.Clear();
            _generatedCount = 0;
            _timeline = null;
        }
    }

    public void Add(string customerJson, long mailbox = MainMailbox)
    {
        var node = JsonNode.Parse(customerJson)!.AsObject();
        var customer = new Customer(node["id"]!.GetValue<long>(), node, mailbox);
        lock (_gate)
        {
            _customers.RemoveAll(c => c.Id == customer.Id);
            _customers.Add(customer);
        }
    }

    public string IssueToken(DateTimeOffset now)
    {
        Interlocked.Increment(ref _tokenRequests);
        string token = "hs-token-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        _tokens[token] = now.AddSeconds(TokenLifetimeSeconds);
        return token;
    }

    public void CountRefusedTokenRequest() => Interlocked.Increment(ref _tokenRequests);

    /// <summary>Makes every token issued so far invalid, as if they had all run out.</summary>
    public void ExpireTokens()
    {
        foreach (string token in _tokens.Keys)
        {
            _tokens[token] = DateTimeOffset.MinValue;
        }
    }

    /// <summary>Counts one API request (not a token request), revoking the tokens when it is the one <see cref="RevokeTokensAtRequest"/> names.</summary>
    public void CountApiRequest()
    {
        if (Interlocked.Increment(ref _apiRequests) == RevokeTokensAtRequest)
        {
            ExpireTokens();
        }
    }

    public bool IsValid(string token, DateTimeOffset now) => _tokens.TryGetValue(token, out DateTimeOffset expiry) && now < expiry;

    public JsonObject? Find(long id)
    {
        lock (_gate)
        {
            if (_copies.Concat(_customers).FirstOrDefault(c => c.Id == id) is { } customer)
            {
                return (JsonObject)customer.Json.DeepClone();
            }
        }

        long index = id - HelpScoutFixtures.GeneratedBase;
        lock (_gate)
        {
            return index >= 0 && index < _generatedCount ? Generated((int)index, _timeline) : null;
        }
    }

    /// <summary>Every customer's id in store order: copies a page shift put in front, fixtures, generated ones.</summary>
    public IReadOnlyList<long> Ids()
    {
        lock (_gate)
        {
            return _copies.Concat(_customers).Select(c => c.Id).Concat(Enumerable.Range(0, _generatedCount).Select(HelpScoutFixtures.GeneratedId)).ToArray();
        }
    }

    /// <summary>Every customer, with the mailbox each belongs to: copies a page shift put in front, fixtures, generated ones.</summary>
    public IEnumerable<(JsonObject Json, long Mailbox)> All()
    {
        Customer[] fixtures;
        int generated;
        ChangeTimeline? timeline;
        lock (_gate)
        {
            fixtures = _copies.Concat(_customers).ToArray();
            generated = _generatedCount;
            timeline = _timeline;
        }

        foreach (Customer customer in fixtures)
        {
            yield return ((JsonObject)customer.Json.DeepClone(), customer.Mailbox);
        }

        for (int i = 0; i < generated; i++)
        {
            yield return (Generated(i, timeline), MainMailbox);
        }
    }

    /// <summary>The list lever, when a list page is about to be served and it is its turn; the page is counted.</summary>
    internal PageShift? ServeListPage()
    {
        int served = Interlocked.Increment(ref _listPagesServed) - 1;
        return ListShift is { } shift && shift.TakeTurn(served) ? shift : null;
    }

    /// <summary>Puts <paramref name="count"/> copies of <paramref name="source"/> in front, under ids that sort first.</summary>
    internal void InsertCopies(JsonObject source, long mailbox, int count)
    {
        lock (_gate)
        {
            // Each copy's id is smaller than the one before, so in id order the last made comes first.
            var copies = Enumerable.Range(0, count).Select(_ =>
            {
                var copy = (JsonObject)source.DeepClone();
                copy["id"] = HelpScoutFixtures.CopyId(_copiesMade++);
                return new Customer(copy["id"]!.GetValue<long>(), copy, mailbox);
            }).Reverse();
            _copies.InsertRange(0, copies);
        }
    }

    private JsonObject Generated(int index, ChangeTimeline? timeline)
    {
        JsonObject customer = JsonNode.Parse(timeline is null
            ? HelpScoutFixtures.Generated(index)
            : HelpScoutFixtures.Generated(index, timeline.CreatedAt(index), timeline.UpdatedAt(index)))!.AsObject();
        if (Organizations.OfGeneratedCustomer(index) is { } organization)
        {
            customer["organizationId"] = organization;
        }

        return customer;
    }

    private sealed record Customer(long Id, JsonObject Json, long Mailbox);
}
