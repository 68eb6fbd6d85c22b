using System;
using System.Collections.Generic;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.HelpScout;
using static CustomerTools.TestKit.SimulatorClient;

namespace CustomerTools.TestKit;

/// <summary>The simulated Help Scout account through /_sim/helpscout/: its customers, tokens, page shift and quota.</summary>
public sealed class HelpScoutLevers
{
    private readonly SimulatorClient _client;

    internal HelpScoutLevers(SimulatorClient client)
    {
        _client = client;
    }

    /// <summary>Customers generated after the fixtures (ids HelpScoutFixtures.GeneratedId), all in the main mailbox.</summary>
    public void Generate(int count) => _client.Post(Invariant($"_sim/helpscout/generate?count={count}"));

    /// <summary>Organizations generated after the fixtures; generated customer n belongs to organization n mod <paramref name="count"/>.</summary>
    public void GenerateOrganizations(int count) => _client.Post(Invariant($"_sim/helpscout/generate-organizations?count={count}"));

    /// <summary>No customers at all (the lever stays).</summary>
    public void Clear() => _client.Post("_sim/helpscout/clear");

    /// <summary>Adds a customer as the API serves it to <paramref name="mailbox"/>, replacing one with its id.</summary>
    public void Add(string customerJson, long mailbox = HelpScoutStore.MainMailbox) =>
        _client.PostText(Invariant($"_sim/helpscout/customers?mailbox={mailbox}"), customerJson);

    /// <summary>Generates the timeline's customers; its origin and step must be whole seconds (else the simulator refuses it).</summary>
    public void UseTimeline(ChangeTimeline timeline) => _client.Post(Invariant(
        $"_sim/helpscout/timeline?count={timeline.Count}&stepMs={(long)timeline.Step.TotalMilliseconds}&origin={Time(timeline.Origin)}&tieStart={timeline.TieStart}&tieCount={timeline.TieCount}"));

    /// <summary>Every customer's id in store order (a listing's without sort).</summary>
    public IReadOnlyList<long> Ids() => _client.Get<IdList<long>>("_sim/helpscout/ids").Ids;

    /// <summary>Once <paramref name="afterPages"/> v2 list pages were served, <paramref name="insert"/> copies of the first customer go in front.</summary>
    public void ListShift(int afterPages, int insert) => _client.Post(Invariant($"_sim/helpscout/list-shift?afterPages={afterPages}&insert={insert}"));

    public HelpScoutShifts Shifts() => _client.Get<HelpScoutShifts>("_sim/helpscout/shifts");

    /// <summary>The account's quota in Help Scout's dialect; <paramref name="spent"/>: requests other apps already made in a window that opens now.</summary>
    public void Quota(int limit, TimeSpan window, int spent = 0) =>
        _client.Post(Invariant($"_sim/helpscout/quota?limit={limit}&windowMs={(int)window.TotalMilliseconds}&spent={spent}"));

    public QuotaCounts QuotaCounts() => _client.Get<QuotaCounts>("_sim/helpscout/quota");

    /// <summary>Makes every token issued so far invalid, as if they had all run out.</summary>
    public void ExpireTokens() => _client.Post("_sim/helpscout/expire-tokens");

    /// <summary>Every token issued so far is revoked as API request <paramref name="request"/> (from 1) arrives.</summary>
    public void RevokeTokensAt(int request) => _client.Post(Invariant($"_sim/helpscout/revoke-tokens-at?request={request}"));

    /// <summary>The expires_in of tokens issued from now on.</summary>
    public void TokenLifetime(TimeSpan lifetime) => _client.Post(Invariant($"_sim/helpscout/token-lifetime?seconds={(int)lifetime.TotalSeconds}"));

    /// <summary>Whether list items carry their _embedded entries.</summary>
    public void ListItemsEmbedded(bool value) => _client.Post(Invariant($"_sim/helpscout/list-items-embedded?value={value}"));

    /// <summary>A token the account accepts, issued as the token endpoint would (counted as a token request).</summary>
    public string IssueToken() => _client.PostFor<IssuedToken>("_sim/helpscout/issue-token").Token;

    /// <summary>Token requests since the last reset, and every token issued.</summary>
    public TokenCounts Tokens() => _client.Get<TokenCounts>("_sim/helpscout/tokens");
}
