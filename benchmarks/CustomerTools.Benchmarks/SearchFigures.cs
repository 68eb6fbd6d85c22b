using System.Collections.Generic;
using System.Linq;
using System;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.ApiSimulator;
using CustomerTools.Kustomer;
using CustomerTools.Pipeline;
using CustomerTools.TestKit;
using static CustomerTools.Benchmarks.Report;

namespace CustomerTools.Benchmarks;

/// <summary>
/// Figures 7 and 8: what changed since last night. An org on a ChangeTimeline (every customer
/// changed at its own minute, list order unlike change order), searched with -UpdatedSince,
/// against listing everyone and filtering, and past the 100-page limit of one search.
/// </summary>
internal sealed class SearchFigures : IDisposable
{
    private const int Org = 100_000;
    private const int Changed = 500;
    private const int LatencyMs = 50;
    private const int ManyChanged = 60_000;
    private const int PageSize = 500;

    // A search quota large enough not to be the subject here: with the documented 100 a minute, 120
    // searches would take over a minute whatever the module did (the tests check that pacing).
    private const int RoomySearchQuota = 100_000;

    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    private readonly SimulatorProcess _simulator;
    private readonly Report _report;
    private readonly PowerShellSession _session;

    public SearchFigures(SimulatorProcess simulator, Report report)
    {
        _simulator = simulator;
        _report = report;
        _session = new PowerShellSession();
        _session.ConnectKustomer(simulator.BaseUri);
    }

    /// <summary>Figure 7: 500 changed of 100,000 at 50 ms: -UpdatedSince against -All | Where-Object.</summary>
    public void ChangedSinceLastNight()
    {
        var timeline = new ChangeTimeline(Org, Step);
        DateTimeOffset since = ChangeTimeline.DefaultOrigin + (Step * (Org - Changed));
        string[] expected = timeline.IndicesChangedSince(since).Select(KustomerFixtures.GeneratedId).ToArray();
        _session.Set("since", since);
        Reset(LatencyMs);

        // Warm up the search path (the listing's JIT is warm from the other figures, or not: it is the baseline).
        _session.InvokeStrict("Get-KustomerCustomer -UpdatedSince $since | Out-Null");

        Reset(LatencyMs);
        string[] found = Array.Empty<string>();
        Run search = Measure.Once(_simulator, () => (found = Ids("Get-KustomerCustomer -UpdatedSince $since")).Length);
        int searchRequests = (int)_simulator.Stats()["requests"];
        Check("-UpdatedSince", expected, found, inOrder: true);

        Reset(LatencyMs);
        Run list = Measure.Once(_simulator, () => (found = Ids("Get-KustomerCustomer -All | Where-Object UpdatedAt -ge $since")).Length);
        int listRequests = (int)_simulator.Stats()["requests"];
        Check("-All | Where-Object", expected, found, inOrder: false);

        _report.Detail($"7  org of {Org:#,0} on a timeline of one change a minute, {Changed} changed since the bookmark, {LatencyMs} ms latency");
        _report.Detail($"7  -UpdatedSince: {searchRequests} request(s), {Describe(search)}");
        _report.Detail($"7  -All | Where-Object UpdatedAt -ge: {listRequests:#,0} requests, {Describe(list)}");
        double fewer = (double)listRequests / searchRequests;
        double faster = list.Elapsed / search.Elapsed;
        _report.Add("7", $"{Changed} changed of {Org:#,0}, {LatencyMs} ms: requests, -All piped to Where-Object ÷ -UpdatedSince", $"{X(fewer)} ({listRequests:#,0} vs {searchRequests})", "≥ 200×", fewer >= 200);
        _report.Add("7", "the same: wall time", $"{X(faster)} ({S(list.Elapsed)} vs {S(search.Elapsed)})", "≥ 50×", faster >= 50);
    }

    /// <summary>Figure 8: 60,000 changes at 500 a page (past the 100-page limit) at zero latency.</summary>
    public void PastTheLimit()
    {
        var timeline = new ChangeTimeline(Org, Step);
        DateTimeOffset since = ChangeTimeline.DefaultOrigin + (Step * (Org - ManyChanged));
        string[] expected = timeline.IndicesChangedSince(since).Select(KustomerFixtures.GeneratedId).ToArray();
        _session.Set("since", since);
        string script = $"$n = 0; Get-KustomerCustomer -UpdatedSince $since -PageSize {PageSize} | {Scripts.Sink}; $n";

        // Every customer once and in order: checked on a run of its own, which keeps the ids.
        Reset(0);
        string[] found = Ids($"Get-KustomerCustomer -UpdatedSince $since -PageSize {PageSize}");
        var stats = _simulator.Stats();
        Check("-UpdatedSince past the limit", expected, found, inOrder: true);
        _report.Detail($"8  {ManyChanged:#,0} changed at {PageSize} a page = {ManyChanged / PageSize} pages, more than one search's 100: {stats["searches"]} searches, none past page 100; every customer once, oldest change first");

        // Rate and peak memory: warm-up runs, then three measured runs into the counting sink.
        for (int i = 0; i < 2; i++)
        {
            Reset(0);
            Count(script);
        }

        var runs = new List<(Run Run, long Growth)>();
        for (int i = 0; i < 3; i++)
        {
            Reset(0);
            Measure.FullCollect();
            long start = GC.GetTotalMemory(forceFullCollection: true);
            var sampler = new PeakMemorySampler(TimeSpan.FromMilliseconds(2));
            Run run;
            try
            {
                run = Measure.Once(_simulator, () => Count(script));
            }
            finally
            {
                sampler.Dispose();
            }

            runs.Add((run, sampler.Peak - start));
        }

        var median = runs.OrderBy(r => r.Run.Elapsed).ElementAt(1);
        long peak = runs.Max(r => r.Growth);
        _report.Detail($"8  3 runs: {string.Join(", ", runs.Select(r => S(r.Run.Elapsed)))}; median: {Describe(median.Run)}; peak heap growth {string.Join(", ", runs.Select(r => Bytes(r.Growth)))}");

        (double perId, double retained) = IdSetCost(expected);
        _report.Detail($"8  the ids a listing remembers (CustomerIdSet, {expected.Length:#,0} Kustomer ids): {perId:0.0} B allocated and {retained:0.0} B kept per customer");
        _report.Add("8", $"{ManyChanged:#,0} changes, {PageSize} a page, 0 ms: customers/s", $"{N(median.Run.PerSecond)}/s", "≥ 20,000/s", median.Run.PerSecond >= 20_000);
        _report.Add("8", "the same: peak memory growth (largest of 3 runs)", Bytes(peak), "< 100 MB", peak < 100L * 1000 * 1000);
        _report.Add("8", "memory per customer to write none twice", $"{retained:0.0} B", "none set (measured)", null);
    }

    public void Dispose() => _session.Dispose();

    /// <summary>What a CustomerIdSet of these ids costs: bytes allocated, and bytes still held after a full collection.</summary>
    private static (double Allocated, double Retained) IdSetCost(string[] ids)
    {
        Measure.FullCollect();
        long before = GC.GetTotalMemory(forceFullCollection: true);
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var set = new CustomerIdSet();
        foreach (string id in ids)
        {
            set.Add(id);
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        long after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(set);
        return ((double)allocated / ids.Length, (double)(after - before) / ids.Length);
    }

    private void Reset(int latencyMs)
    {
        _simulator.Reset(latencyMs);
        _simulator.Client.Kustomer.UseTimeline(new ChangeTimeline(Org, Step));
        _simulator.Client.Kustomer.SearchQuota(RoomySearchQuota, TimeSpan.FromMinutes(1));
    }

    private string[] Ids(string script) =>
        _session.InvokeStrict(script).Select(o => ((KustomerCustomer)o.BaseObject).Id).ToArray();

    private int Count(string script)
    {
        int count = (int)_session.InvokeStrict(script).Single().BaseObject;
        return count == ManyChanged ? count : throw new InvalidOperationException($"expected {ManyChanged} customers, got {count}: {script}");
    }

    private static void Check(string what, string[] expected, string[] found, bool inOrder)
    {
        bool same = inOrder ? expected.SequenceEqual(found) : expected.Order(StringComparer.Ordinal).SequenceEqual(found.Order(StringComparer.Ordinal));
        if (!same)
        {
            throw new InvalidOperationException($"{what}: expected the {expected.Length} changed customers{(inOrder ? " in change order" : string.Empty)}, got {found.Length} ({found.Distinct().Count()} distinct)");
        }
    }
}
