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
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new();
    private int _tokenRequests;
    private int _apiRequests;

    public HelpScoutStore()
    {
        Reset();
    }

    /// <summary>Seconds a new token lives (<c>expires_in</c>).</summary>
    public int TokenLifetimeSeconds { get; set; } = 172800;

    /// <summary>Whether list items carry their <c>_embedded</c> entries (unconfirmed: api notes §3).</summary>
    public bool ListItemsEmbedded { get; set; }

    /// <summary>Generated customers after the fixtures, all in <see cref="MainMailbox"/>.</summary>
    public int GeneratedCount { get; set; }

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>
    /// When set, every token issued so far is revoked as API request number N (from 1) arrives, as
    /// when an admin revokes the app's tokens mid-run: that request, and any other sent with an old
    /// token, is answered 401; tokens issued afterwards work.
    /// </summary>
    public int? RevokeTokensAtRequest { get; set; }

    public IReadOnlyCollection<string> IssuedTokens => _tokens.Keys.ToArray();

    public void Reset()
    {
        lock (_gate)
        {
            _customers.Clear();
            GeneratedCount = 0;
        }

        _tokens.Clear();
        Interlocked.Exchange(ref _tokenRequests, 0);
        Interlocked.Exchange(ref _apiRequests, 0);
        RevokeTokensAtRequest = null;
        TokenLifetimeSeconds = 172800;
        ListItemsEmbedded = false;
        Add(HelpScoutFixtures.Full, MainMailbox);
        Add(HelpScoutFixtures.Sparse, OtherMailbox);
        Add(HelpScoutFixtures.DashedSocial, OtherMailbox);
        Add(HelpScoutFixtures.NearMiss, MainMailbox);
    }

    public void Clear()
    {
        lock (_gate)
        {
            _customers.Clear();
            GeneratedCount = 0;
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
            if (_customers.FirstOrDefault(c => c.Id == id) is { } customer)
            {
                return (JsonObject)customer.Json.DeepClone();
            }
        }

        long index = id - HelpScoutFixtures.GeneratedBase;
        return index >= 0 && index < GeneratedCount ? JsonNode.Parse(HelpScoutFixtures.Generated((int)index))!.AsObject() : null;
    }

    /// <summary>Every customer, fixtures first, with the mailbox each belongs to.</summary>
    public IEnumerable<(JsonObject Json, long Mailbox)> All()
    {
        Customer[] fixtures;
        int generated;
        lock (_gate)
        {
            fixtures = _customers.ToArray();
            generated = GeneratedCount;
        }

        foreach (Customer customer in fixtures)
        {
            yield return ((JsonObject)customer.Json.DeepClone(), customer.Mailbox);
        }

        for (int i = 0; i < generated; i++)
        {
            yield return (JsonNode.Parse(HelpScoutFixtures.Generated(i))!.AsObject(), MainMailbox);
        }
    }

    private sealed record Customer(long Id, JsonObject Json, long Mailbox);
}
