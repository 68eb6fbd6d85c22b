using System;
using System.Collections.Generic;
using CustomerTools.ApiSimulator;
using static CustomerTools.TestKit.SimulatorClient;

namespace CustomerTools.TestKit;

/// <summary>The simulated Kustomer org through /_sim/kustomer/: its customers, page shifts and quotas.</summary>
public sealed class KustomerLevers
{
    private readonly SimulatorClient _client;

    internal KustomerLevers(SimulatorClient client)
    {
        _client = client;
    }

    /// <summary>Customers generated after the fixtures (ids KustomerFixtures.GeneratedId), with the template's timestamps.</summary>
    public void Generate(int count) => _client.Post(Invariant($"_sim/kustomer/generate?count={count}"));

    /// <summary>No customers at all (the levers stay).</summary>
    public void Clear() => _client.Post("_sim/kustomer/clear");

    /// <summary>Adds a customer resource (JSON text with type, id, attributes), replacing one with its id.</summary>
    public void Add(string resourceJson) => _client.PostText("_sim/kustomer/customers", resourceJson);

    /// <summary>Adds a company resource (JSON text with type, id, attributes), replacing one with its id.</summary>
    public void AddCompany(string resourceJson) => _client.PostText("_sim/kustomer/companies", resourceJson);

    /// <summary>Companies generated after the fixtures (ids KustomerCompanyFixtures.GeneratedId), one minute of change apart.</summary>
    public void GenerateCompanies(int count) => _client.Post(Invariant($"_sim/kustomer/generate-companies?count={count}"));

    /// <summary>Generates <see cref="ChangeTimeline.Count"/> customers with the timeline's timestamps.</summary>
    public void UseTimeline(ChangeTimeline timeline) => _client.Post(Invariant(
        $"_sim/kustomer/timeline?count={timeline.Count}&stepMs={(long)timeline.Step.TotalMilliseconds}&origin={Time(timeline.Origin)}&tieStart={timeline.TieStart}&tieCount={timeline.TieCount}"));

    /// <summary>The ids of the customers changed at or after <paramref name="since"/> as the store holds them now, oldest change first, ties by id.</summary>
    public IReadOnlyList<string> IdsChangedSince(DateTimeOffset since) => _client.Get<IdList<string>>($"_sim/kustomer/changed-since?since={Time(since)}").Ids;

    /// <summary>Every customer's id in list order.</summary>
    public IReadOnlyList<string> Ids() => _client.Get<IdList<string>>("_sim/kustomer/ids").Ids;

    public void LinkPastLastPage(bool value) => _client.Post(Invariant($"_sim/kustomer/link-past-last-page?value={value}"));

    /// <summary>Once <paramref name="afterPages"/> list pages were served, <paramref name="insert"/> copies of the first customer go in front.</summary>
    public void ListShift(int afterPages, int insert) => _client.Post(Invariant($"_sim/kustomer/list-shift?afterPages={afterPages}&insert={insert}"));

    /// <summary>Once <paramref name="afterPages"/> search pages were served, the next search shifts its results (see PageShift).</summary>
    public void SearchShift(int afterPages, int insert, int update = 0) =>
        _client.Post(Invariant($"_sim/kustomer/search-shift?afterPages={afterPages}&insert={insert}&update={update}"));

    public KustomerShifts Shifts() => _client.Get<KustomerShifts>("_sim/kustomer/shifts");

    /// <summary>The org's quota in Kustomer's dialect; <paramref name="spent"/>: requests others already made in a window that opens now.</summary>
    public void Quota(int limit, TimeSpan window, int spent = 0, bool resetAsUnixTime = false) => _client.Post(Invariant(
        $"_sim/kustomer/quota?limit={limit}&windowMs={(int)window.TotalMilliseconds}&spent={spent}{(resetAsUnixTime ? "&reset=unix" : string.Empty)}"));

    public QuotaCounts QuotaCounts() => _client.Get<QuotaCounts>("_sim/kustomer/quota");

    /// <summary>The search quota, and whether search answers carry its x-ratelimit-* headers.</summary>
    public void SearchQuota(int limit, TimeSpan window, bool headers = true) => _client.Post(Invariant(
        $"_sim/kustomer/search-quota?limit={limit}&windowMs={(int)window.TotalMilliseconds}&headers={(headers ? "on" : "off")}"));

    /// <summary>Whether search answers carry x-ratelimit-* headers, the search quota left as it is.</summary>
    public void SearchQuotaHeaders(bool value) => _client.Post(Invariant($"_sim/kustomer/search-quota?headers={(value ? "on" : "off")}"));

    public QuotaCounts SearchQuotaCounts() => _client.Get<QuotaCounts>("_sim/kustomer/search-quota");
}
