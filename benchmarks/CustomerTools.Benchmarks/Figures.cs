using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.Kustomer;
using CustomerTools.TestKit;
using static CustomerTools.Benchmarks.Report;

namespace CustomerTools.Benchmarks;

/// <summary>
/// Figures 1 to 4: one hosted PowerShell session with the module imported and connected to the
/// simulator child process. Every figure is a ratio or a measurement taken in this run.
/// </summary>
internal sealed class Figures : IDisposable
{
    private const int BulkIds = 500;
    private const int BulkLatencyMs = 50;
    private const int ThrottleLimit = 16;
    private const int ListCustomers = 20_000;
    private const int ByIdCustomers = 5_000;

    private readonly SimulatorProcess _simulator;
    private readonly Report _report;
    private readonly PowerShellSession _session;

    public Figures(SimulatorProcess simulator, Report report)
    {
        _simulator = simulator;
        _report = report;
        _session = PowerShellSession.WithAllCmdlets();
        _session.ConnectKustomer(simulator.BaseUri);
        _session.Set("base", simulator.BaseUri.ToString());
        _session.Set("key", KustomerStore.ValidKey);
    }

    private static string[] Ids(int count) => Enumerable.Range(0, count).Select(KustomerFixtures.GeneratedId).ToArray();

    /// <summary>
    /// Figures 1 and 2: 500 ids at 50 ms latency: -ThrottleLimit 16 against the ideal, against the
    /// foreach loop of Invoke-RestMethod, and against ForEach-Object -Parallel at the same throttle.
    /// </summary>
    public void BulkById()
    {
        string[] ids = Ids(BulkIds);
        _simulator.Reset(BulkLatencyMs, BulkIds);
        _session.Set("ids", ids);
        string[] warm = ids.Take(4 * ThrottleLimit).ToArray();
        string parallel = Scripts.RestMethodParallel(ThrottleLimit);

        // Warm up: JIT (in this session, with every built-in cmdlet loaded, tiered compilation
        // keeps recompiling for about 2,000 requests: the first runs cost up to ten times the CPU
        // of a settled one) and the connections the pool keeps (a session's second command finds
        // them open). Each way is warmed and measured in turn, not interleaved, so one's leftover
        // work (the runspaces ForEach-Object -Parallel leaves behind) is not timed in another's run.
        for (int i = 0; i < 4; i++)
        {
            _session.InvokeStrict($"Get-KustomerCustomer -Id $ids -ThrottleLimit {ThrottleLimit} | Out-Null");
        }

        var fast = new List<(Run Run, string Timeline)>();
        for (int i = 0; i < 3; i++)
        {
            _simulator.Reset(BulkLatencyMs, BulkIds);
            Run run = Measure.Once(_simulator, () => InOrder(ids, _session.InvokeStrict($"Get-KustomerCustomer -Id $ids -ThrottleLimit {ThrottleLimit}")));
            fast.Add((run, _simulator.Timeline(ThrottleLimit) + " maxInFlight=" + _simulator.Stats()["maxInFlight"]));
        }

        _session.Set("ids", warm);
        _session.InvokeStrict($"& {{ {parallel} }} | Out-Null");
        _session.Set("ids", ids);
        var fanOut = new List<(Run Run, string Timeline)>();
        for (int i = 0; i < 3; i++)
        {
            _simulator.Reset(BulkLatencyMs, BulkIds);
            Run run = Measure.Once(_simulator, () => EachOnce(ids, _session.InvokeStrict($"& {{ {parallel} }}")));
            fanOut.Add((run, "maxInFlight=" + _simulator.Stats()["maxInFlight"]));
        }

        var median = fast.OrderBy(f => f.Run.Elapsed).ElementAt(1);
        Run t16 = median.Run;
        _report.Detail($"1  -ThrottleLimit {ThrottleLimit}, 3 runs: {string.Join(", ", fast.Select(f => S(f.Run.Elapsed) + " (CPU " + Ms(f.Run.ClientCpu) + ")"))}; median: {Describe(t16)}");
        _report.Detail($"1  the simulator's view of that run: {median.Timeline} (serviceMs: its latency + serving; inFlight: the window's mean occupancy; gapMs: answer to the next request in that slot)");
        // The same ideal with what one request really took in the simulator instead of the latency.
        double serviceMs = double.Parse(median.Timeline.Split(' ').Single(w => w.StartsWith("serviceMs=", StringComparison.Ordinal))["serviceMs=".Length..], Culture);
        double floor = BulkIds * serviceMs / ThrottleLimit;
        _report.Detail($"1  with the time each request spent in the simulator ({serviceMs.ToString("0.00", Culture)} ms) instead of {BulkLatencyMs} ms, the ideal is {S(TimeSpan.FromMilliseconds(floor))} and the efficiency {Pct(floor / t16.Elapsed.TotalMilliseconds)}");

        var parallelMedian = fanOut.OrderBy(f => f.Run.Elapsed).ElementAt(1);
        Run tParallel = parallelMedian.Run;
        _report.Detail($"2  ForEach-Object -Parallel {{ Invoke-RestMethod }} -ThrottleLimit {ThrottleLimit}, 3 runs: {string.Join(", ", fanOut.Select(f => S(f.Run.Elapsed) + " (CPU " + Ms(f.Run.ClientCpu) + ")"))}; median: {Describe(tParallel)}; simulator: {parallelMedian.Timeline}");

        _session.Set("ids", warm);
        _session.InvokeStrict($"& {{ {Scripts.RestMethodById} }} | Out-Null");
        _session.Set("ids", ids);
        _simulator.Reset(BulkLatencyMs, BulkIds);
        Run loop = Measure.Once(_simulator, () => InOrder(ids, _session.InvokeStrict($"& {{ {Scripts.RestMethodById} }}")));
        _report.Detail($"1  foreach ($id in $ids) {{ Invoke-RestMethod }}: {Describe(loop)}; per request {Ms(loop.Elapsed / BulkIds)} for {BulkLatencyMs} ms of latency; simulator: {_simulator.Timeline(1)}");

        var ideal = TimeSpan.FromMilliseconds((double)BulkIds * BulkLatencyMs / ThrottleLimit);
        double vsLoop = loop.Elapsed / t16.Elapsed;
        double efficiency = ideal / t16.Elapsed;
        double vsParallel = tParallel.Elapsed / t16.Elapsed;
        _report.Add("1", $"{BulkIds} ids at {BulkLatencyMs} ms: -ThrottleLimit {ThrottleLimit} vs foreach {{ Invoke-RestMethod }}", $"{X(vsLoop)} ({S(t16.Elapsed)} vs {S(loop.Elapsed)})", "≥ 12×", vsLoop >= 12);
        _report.Add("1", $"efficiency vs ideal {BulkIds} × {BulkLatencyMs} ms / {ThrottleLimit} = {S(ideal)}", Pct(efficiency), "≥ 90 %", efficiency >= 0.9);
        _report.Add("2", $"-ThrottleLimit {ThrottleLimit} vs ForEach-Object -Parallel {{ Invoke-RestMethod }} -ThrottleLimit {ThrottleLimit}", $"{X(vsParallel)} ({S(t16.Elapsed)} vs {S(tParallel.Elapsed)}; that is {Pct(ideal / tParallel.Elapsed)} of ideal)", "≥ 1.5×", vsParallel >= 1.5);
    }

    /// <summary>
    /// Figure 3: customers per second and allocations per customer at zero latency: -All against
    /// the page loop of Invoke-RestMethod, -Id against the foreach loop of Invoke-RestMethod.
    /// </summary>
    public void Throughput()
    {
        _simulator.Reset(0, ListCustomers);
        string[] ids = Ids(ByIdCustomers);
        _session.Set("ids", ids);
        string moduleAll = $"$n = 0; Get-KustomerCustomer -All | {Scripts.Sink}; $n";
        string loopAll = $"$n = 0; & {{ {Scripts.RestMethodPages} }} | {Scripts.Sink}; $n";
        string httpClientAll = $"$n = 0; & {{ {Scripts.HttpClientPages} }} | {Scripts.Sink}; $n";
        string moduleById = $"$n = 0; Get-KustomerCustomer -Id $ids -ThrottleLimit {ThrottleLimit} | {Scripts.Sink}; $n";
        string loopById = $"$n = 0; & {{ {Scripts.RestMethodById} }} | {Scripts.Sink}; $n";
        var scripts = new[] { moduleAll, loopAll, httpClientAll, moduleById, loopById };
        int[] expected = { ListCustomers, ListCustomers, ListCustomers, ByIdCustomers, ByIdCustomers };

        // Warm up until tiered JIT settles (about 60,000 customers through the module's listing).
        for (int i = 0; i < 3; i++)
        {
            Count(moduleAll, ListCustomers);
            Count(moduleById, ByIdCustomers);
        }

        Count(loopAll, ListCustomers);
        Count(httpClientAll, ListCustomers);
        Count(loopById, ByIdCustomers);

        var runs = scripts.Select(_ => new List<Run>()).ToArray();
        for (int round = 0; round < 3; round++)
        {
            for (int s = 0; s < scripts.Length; s++)
            {
                string script = scripts[s];
                int count = expected[s];
                runs[s].Add(Measure.Once(_simulator, () => Count(script, count)));
            }
        }

        Run all = Measure.Median(runs[0]);
        Run allLoop = Measure.Median(runs[1]);
        Run allHttpClient = Measure.Median(runs[2]);
        Run byId = Measure.Median(runs[3]);
        Run byIdLoop = Measure.Median(runs[4]);
        _report.Detail($"3  -All: {Describe(all)}; CPU per customer: benchmark {Us(all.ClientCpu / all.Count)}, simulator {Us(all.SimulatorCpu / all.Count)}");
        _report.Detail($"3  Invoke-RestMethod page loop: {Describe(allLoop)}; CPU per customer: benchmark {Us(allLoop.ClientCpu / allLoop.Count)}");
        _report.Detail($"3  the same pages through HttpClient + JsonDocument + [pscustomobject] (the fastest loop in PowerShell): {Describe(allHttpClient)}: Invoke-RestMethod's loop is {X(allHttpClient.PerSecond / allLoop.PerSecond)} slower, the module {X(all.PerSecond / allHttpClient.PerSecond)} faster");
        _report.Detail($"3  -Id, -ThrottleLimit {ThrottleLimit}: {Describe(byId)}; CPU per customer: benchmark {Us(byId.ClientCpu / byId.Count)}, simulator {Us(byId.SimulatorCpu / byId.Count)}");
        _report.Detail($"3  foreach {{ Invoke-RestMethod }}: {Describe(byIdLoop)}; CPU per customer: benchmark {Us(byIdLoop.ClientCpu / byIdLoop.Count)}");

        Run sink = Measure.Median(3, null, () => Count($"$n = 0; 1..{ListCustomers} | {Scripts.Sink}; $n", ListCustomers));
        _report.Detail($"3  the counting sink alone (1..{ListCustomers} | sink): {Us(sink.Elapsed / ListCustomers)} and {Bytes(sink.BytesPerItem)} per item (included in all above)");

        _report.Add("3", $"-All, {ListCustomers:#,0} customers, 0 ms: customers/s", $"{N(all.PerSecond)}/s = {X(all.PerSecond / allLoop.PerSecond)} the Invoke-RestMethod page loop ({N(allLoop.PerSecond)}/s)", "≥ 2.5×", all.PerSecond >= 2.5 * allLoop.PerSecond);
        _report.Add("3", $"-Id ×{ByIdCustomers:#,0}, -ThrottleLimit {ThrottleLimit}, 0 ms: customers/s", $"{N(byId.PerSecond)}/s = {X(byId.PerSecond / byIdLoop.PerSecond)} foreach {{ Invoke-RestMethod }} ({N(byIdLoop.PerSecond)}/s)", "≥ 1×", byId.PerSecond >= byIdLoop.PerSecond);
        _report.Add("3", "-All: allocated per customer", $"{Bytes(all.BytesPerItem)} = {X(all.BytesPerItem / allLoop.BytesPerItem)} the page loop ({Bytes(allLoop.BytesPerItem)})", "≤ 1×", all.BytesPerItem <= allLoop.BytesPerItem);
        _report.Add("3", "-Id: allocated per customer", $"{Bytes(byId.BytesPerItem)} = {X(byId.BytesPerItem / byIdLoop.BytesPerItem)} the foreach loop ({Bytes(byIdLoop.BytesPerItem)})", "≤ 1×", byId.BytesPerItem <= byIdLoop.BytesPerItem);
    }

    /// <summary>Figure 4: listing 100,000 customers vs 10,000: rate, and peak memory growth.</summary>
    public void ListingMemory()
    {
        var results = new Dictionary<int, (Run Run, long Growth, int Samples, int[] Collections)>();
        foreach (int customers in new[] { 10_000, 100_000 })
        {
            _simulator.Reset(0, customers);
            string script = $"$n = 0; Get-KustomerCustomer -All | {Scripts.Sink}; $n";
            Measure.FullCollect();
            long start = GC.GetTotalMemory(forceFullCollection: true);
            int[] before = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
            var sampler = new PeakMemorySampler(TimeSpan.FromMilliseconds(2));
            Run run;
            try
            {
                TimeSpan simulatorCpu = _simulator.CpuTime;
                TimeSpan clientCpu = Measure.ProcessCpu();
                long allocated = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                int count = Count(script, customers);
                watch.Stop();
                run = new Run(watch.Elapsed, Measure.ProcessCpu() - clientCpu, _simulator.CpuTime - simulatorCpu, GC.GetTotalAllocatedBytes(precise: true) - allocated, count);
            }
            finally
            {
                sampler.Dispose();
            }

            int[] collections = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - before[g]).ToArray();
            results[customers] = (run, sampler.Peak - start, sampler.Samples, collections);
            _report.Detail($"4  {customers:#,0}: {Describe(run)}; heap after full GC {Bytes(start)}, peak {Bytes(sampler.Peak)} ({sampler.Samples:#,0} samples), growth {Bytes(sampler.Peak - start)}; GCs gen0/1/2: {string.Join("/", collections)}");
        }

        var small = results[10_000];
        var large = results[100_000];
        double rate = large.Run.PerSecond / small.Run.PerSecond;
        double growth = (double)large.Growth / small.Growth;
        _report.Add("4", "-All 100,000: customers/s vs 10,000", $"{N(large.Run.PerSecond)}/s vs {N(small.Run.PerSecond)}/s = {X(rate)}", "≥ 0.9× (no slowdown)", rate >= 0.9);
        _report.Add("4", "-All: peak memory growth 100,000 vs 10,000", $"{Bytes(large.Growth)} vs {Bytes(small.Growth)} = {X(growth)}", "≤ 2× (flat, not 10×)", growth <= 2);
    }

    public void Dispose() => _session.Dispose();

    private static int InOrder(string[] ids, Collection<PSObject> output)
    {
        string?[] got = IdsOf(output);
        if (!got.SequenceEqual(ids))
        {
            throw new InvalidOperationException($"expected {ids.Length} customers in input order, got {got.Length}");
        }

        return got.Length;
    }

    /// <summary>For ForEach-Object -Parallel, which writes in the order answers come.</summary>
    private static int EachOnce(string[] ids, Collection<PSObject> output)
    {
        string?[] got = IdsOf(output);
        if (got.Length != ids.Length || !got.Order(StringComparer.Ordinal).SequenceEqual(ids.Order(StringComparer.Ordinal)))
        {
            throw new InvalidOperationException($"expected each of {ids.Length} customers once, got {got.Length}");
        }

        return got.Length;
    }

    // The module's KustomerCustomer objects, or the loops' objects (the "data" of the JSON answer).
    private static string?[] IdsOf(Collection<PSObject> output) =>
        output.Select(o => o.BaseObject is KustomerCustomer c ? c.Id : o.Properties["id"]?.Value as string).ToArray();

    private int Count(string script, int expected)
    {
        int count = (int)_session.InvokeStrict(script).Single().BaseObject;
        return count == expected ? count : throw new InvalidOperationException($"expected {expected} customers, got {count}: {script}");
    }
}
