using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.TestKit;

namespace CustomerTools.Benchmarks;

/// <summary>
/// The API simulator as a child process (SimulatorFixture.StartProcess: it ends with this one),
/// steered and read through its control API, so that its CPU time and allocations stay out of
/// the figures measured here; and the readings the figures report, made from what it recorded.
/// </summary>
internal sealed class SimulatorProcess : IDisposable
{
    private readonly SimulatorFixture _fixture = SimulatorFixture.StartProcess();

    public Uri BaseUri => _fixture.BaseUri;

    public SimulatorClient Client => _fixture.Client;

    /// <summary>CPU time the simulator has used so far (all its threads).</summary>
    public TimeSpan CpuTime => _fixture.ProcessCpuTime;

    public static SimulatorProcess Start() => new();

    /// <summary>Back to the fixtures, then this latency and exactly this many generated Kustomer customers (no fixtures).</summary>
    public void Reset(int latencyMs = 0, int customers = 0)
    {
        Client.Reset();
        Client.Latency(TimeSpan.FromMilliseconds(latencyMs));
        Client.Kustomer.Clear();
        Client.Kustomer.Generate(customers);
    }

    /// <summary>Exactly this many generated Help Scout customers (no fixtures).</summary>
    public void HelpScoutCustomers(int count)
    {
        Client.HelpScout.Clear();
        Client.HelpScout.Generate(count);
    }

    /// <summary>A quota in the service's own dialect; <paramref name="spent"/>: requests others already made in a window that opens now.</summary>
    public void Quota(string service, int limit, int windowMs, int spent = 0, bool unixReset = false)
    {
        var window = TimeSpan.FromMilliseconds(windowMs);
        if (service == "helpscout")
        {
            Client.HelpScout.Quota(limit, window, spent);
        }
        else
        {
            Client.Kustomer.Quota(limit, window, spent, unixReset);
        }
    }

    /// <summary>The counters after a run: requests, ok, status429, maxInFlight, the quota's served and rejected; searches, search429, searchServed, searchRejected.</summary>
    public IReadOnlyDictionary<string, double> Stats(string quota = "kustomer")
    {
        var requests = Client.Requests();
        QuotaCounts counted = quota == "helpscout" ? Client.HelpScout.QuotaCounts() : Client.Kustomer.QuotaCounts();
        QuotaCounts search = Client.Kustomer.SearchQuotaCounts();
        var searches = requests.Where(r => r.Method == "POST" && r.RawPath == "/v1/customers/search").ToArray();
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["requests"] = requests.Count,
            ["ok"] = requests.Count(r => r.Status == 200),
            ["status429"] = requests.Count(r => r.Status == 429),
            ["maxInFlight"] = Client.InFlight().MaxInFlight,
            ["served"] = counted.Served,
            ["rejected"] = counted.Rejected,
            ["searches"] = searches.Length,
            ["search429"] = searches.Count(r => r.Status == 429),
            ["searchServed"] = search.Served,
            ["searchRejected"] = search.Rejected,
        };
    }

    /// <summary>After each 429 with a stated refill time: n, unanswered, early, statedMinMs, statedMaxMs, idleMinMs, idleMaxMs, ratioMax.</summary>
    public IReadOnlyDictionary<string, double> Gaps()
    {
        var gaps = Client.ThrottleGaps();
        var answered = gaps.Where(g => g.IdleMs is not null).ToArray();
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal) { ["n"] = answered.Length, ["unanswered"] = gaps.Count - answered.Length };
        if (answered.Length > 0)
        {
            numbers["early"] = answered.Count(g => g.Early);
            numbers["statedMinMs"] = Math.Round(answered.Min(g => g.StatedMs));
            numbers["statedMaxMs"] = Math.Round(answered.Max(g => g.StatedMs));
            numbers["idleMinMs"] = Math.Round(answered.Min(g => g.IdleMs!.Value));
            numbers["idleMaxMs"] = Math.Round(answered.Max(g => g.IdleMs!.Value));
            numbers["ratioMax"] = Math.Round(answered.Max(g => g.IdleMs!.Value / g.StatedMs), 3);
        }

        return numbers;
    }

    /// <summary>
    /// How the requests for generated ids (sent in id order) used a window of <paramref name="window"/>:
    /// the time the simulator spent on each (its latency plus serving), the share of the window kept
    /// busy, and the mean gap between an answer and the arrival of the request that took its place
    /// (request i reuses the slot of request i - window): the client's and the network's part.
    /// </summary>
    public string Timeline(int window)
    {
        const string Prefix = "/v1/customers/";
        var byIndex = new SortedDictionary<int, RecordedRequest>();
        foreach (RecordedRequest r in Client.Requests())
        {
            if (r.RawPath.StartsWith(Prefix, StringComparison.Ordinal) && KustomerFixtures.TryParseGenerated(r.RawPath.Substring(Prefix.Length), out int index))
            {
                byIndex[index] = r;
            }
        }

        if (byIndex.Count == 0)
        {
            return "n=0";
        }

        RecordedRequest[] ordered = byIndex.Values.ToArray();
        double span = (ordered.Max(r => r.AnsweredAt) - ordered.Min(r => r.ReceivedAt)).TotalMilliseconds;
        double busy = ordered.Sum(r => (r.AnsweredAt - r.ReceivedAt).TotalMilliseconds);
        double[] gaps = Enumerable.Range(window, Math.Max(0, ordered.Length - window))
            .Select(i => (ordered[i].ReceivedAt - ordered[i - window].AnsweredAt).TotalMilliseconds).ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"n={ordered.Length} spanMs={span:0.0} serviceMs={busy / ordered.Length:0.00} inFlight={busy / span:0.00} gapMs={(gaps.Length > 0 ? gaps.Average() : 0):0.00} gapMaxMs={(gaps.Length > 0 ? gaps.Max() : 0):0.00}");
    }

    public void Dispose() => _fixture.Dispose();
}
