using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.HelpScout;
using CustomerTools.Kustomer;
using CustomerTools.TestKit;
using static CustomerTools.Benchmarks.Report;

namespace CustomerTools.Benchmarks;

/// <summary>
/// Figure 5: each service's quota in its own dialect, its minute scaled down to a second (and the
/// module's assumed minute with it): how much of the quota a run uses, how many 429s reach the
/// user, and how long the module stays idle after a 429 that states its wait.
/// </summary>
internal sealed class RateLimitFigures : IDisposable
{
    private const int ThrottleLimit = 16;
    private const int Requests = 1_000;
    private const int LatencyMs = 20;
    private const int WindowMs = 1_000;
    private const int KustomerLimit = 100;
    private const int HelpScoutLimit = 200;
    private const int IdleIds = 16;

    private readonly SimulatorProcess _simulator;
    private readonly Report _report;
    private readonly PowerShellSession _session = new();

    public RateLimitFigures(SimulatorProcess simulator, Report report)
    {
        _simulator = simulator;
        _report = report;
    }

    private static TimeSpan Window => TimeSpan.FromMilliseconds(WindowMs);

    public void Run()
    {
        QuotaUse(Service.Kustomer, KustomerLimit, "x-ratelimit-limit/-remaining/-reset (seconds) on every answer");
        QuotaUse(Service.HelpScout, HelpScoutLimit, "X-RateLimit-Limit-Minute/-Remaining-Minute on every answer, no refill time on successes, X-RateLimit-Retry-After on the 429");
        IdleAfter429(Service.Kustomer, KustomerLimit, unixReset: false);
        IdleAfter429(Service.Kustomer, KustomerLimit, unixReset: true);
        IdleAfter429(Service.HelpScout, HelpScoutLimit, unixReset: false);
    }

    public void Dispose() => _session.Dispose();

    private void QuotaUse(Service service, int limit, string dialect)
    {
        object[] ids = Prepare(service, Requests);
        _simulator.Quota(service.Quota, limit, WindowMs);
        var (run, output, errors) = Timed(service);

        var stats = _simulator.Stats(service.Quota);
        var found = new HashSet<object>(output.Select(o => o.BaseObject).Select(service.IdOf));
        int lost = ids.Count(id => !found.Contains(id));
        int rateLimited = errors.Count(e => e.FullyQualifiedErrorId.StartsWith("RateLimited,", StringComparison.Ordinal));
        double quotaPerSecond = limit * 1000.0 / WindowMs;
        double share = stats["served"] / run.Elapsed.TotalSeconds / quotaPerSecond;
        int windows = (Requests + limit - 1) / limit;
        var ideal = TimeSpan.FromMilliseconds((windows - 1) * WindowMs);
        string quota = $"{limit}/{WindowMs / 1000.0:0.#} s";
        _report.Detail($"5  {service.Name}: QuotaWindow({limit}, {WindowMs} ms) in its dialect ({dialect}), the module's assumed minute scaled to {WindowMs} ms, latency {LatencyMs} ms: {Describe(run)}");
        _report.Detail($"5  {service.Name}: simulator: {stats["requests"]} requests, {stats["served"]} served, {stats["rejected"]} answered 429, at most {stats["maxInFlight"]} at once; {errors.Length} error records ({string.Join(", ", errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).Distinct())})");
        _report.Detail($"5  {service.Name}: a perfect client needs {windows} windows, the first opened by its first request: just over {S(ideal)} ({Pct(Requests / ideal.TotalSeconds / quotaPerSecond)} of the quota rate by this measure)");
        _report.Add("5", $"{service.Name}, {Requests:#,0} ids, quota {quota}, -ThrottleLimit {ThrottleLimit}: served/s ÷ quota/s", $"{Pct(share)} ({stats["served"]} in {S(run.Elapsed)})", "≥ 95 %", share >= 0.95);
        _report.Add("5", $"{service.Name}: 429s reaching the user (RateLimited errors); the simulator sent {stats["rejected"]}", N(rateLimited), "0", rateLimited == 0);
        _report.Add("5", $"{service.Name}: records lost (inputs without an output object)", N(lost), "0", lost == 0);
    }

    /// <summary>
    /// The quota already used up by others sharing it when the command starts, so that each of the
    /// first requests meets a 429 stating its wait; the idle time is from each 429's answer to its
    /// retry's arrival, on the simulator's clock.
    /// </summary>
    private void IdleAfter429(Service service, int limit, bool unixReset)
    {
        object[] ids = Prepare(service, IdleIds);
        _simulator.Quota(service.Quota, limit, WindowMs, spent: limit, unixReset);
        var (run, output, errors) = Timed(service);

        var gaps = _simulator.Gaps();
        string kind = service == Service.Kustomer ? $"x-ratelimit-reset {(unixReset ? "as a Unix time" : "in seconds")}" : "X-RateLimit-Retry-After, remaining 0";
        double ratio = gaps["n"] > 0 ? gaps["ratioMax"] : double.NaN;
        bool met = gaps["n"] == IdleIds && gaps["early"] == 0 && ratio <= 1.1;
        _report.Detail($"5  {service.Name} 429 ({kind}), quota spent by others, {IdleIds} ids at -ThrottleLimit {ThrottleLimit}: {gaps["n"]} 429s retried ({gaps["unanswered"]} never), stated {gaps["statedMinMs"]}–{gaps["statedMaxMs"]} ms, idle until the retry {gaps["idleMinMs"]}–{gaps["idleMaxMs"]} ms, {gaps["early"]} retries before the stated time; {output.Count} of {IdleIds} customers, {errors.Length} errors, whole command {S(run.Elapsed)}");
        _report.Add("5", $"{service.Name}: idle after a 429 stating N s ({kind}): longest idle ÷ N", $"{ratio:0.000} (N {gaps["statedMaxMs"] / 1000:0.00} s, idle {gaps["idleMaxMs"] / 1000:0.00} s)", "≤ 1.1, none early", met);
    }

    private (Run Run, Collection<PSObject> Output, ErrorRecord[] Errors) Timed(Service service)
    {
        Collection<PSObject> output = new();
        ErrorRecord[] errors = Array.Empty<ErrorRecord>();
        Run run = Measure.Once(_simulator, () =>
        {
            (output, errors) = _session.Invoke($"{service.Command} -Id $ids -ThrottleLimit {ThrottleLimit}");
            return output.Count;
        });
        return (run, output, errors);
    }

    /// <summary>
    /// A fresh connection, its minute scaled, and the command run once before any quota is set (so
    /// that compiling the code is not measured; answers without quota headers teach the pacer nothing).
    /// </summary>
    private object[] Prepare(Service service, int count)
    {
        _simulator.Reset(LatencyMs, count);
        _simulator.HelpScoutCustomers(count);
        var connected = service == Service.Kustomer ? _session.ConnectKustomer(_simulator.BaseUri, more: "-PassThru") : _session.ConnectHelpScout(_simulator.BaseUri, "-PassThru");
        var connection = (ServiceConnection)connected.Output.Single().BaseObject;
        connection.Http.Pacer.AssumedWindow = Window;
        object[] ids = Enumerable.Range(0, count).Select(service.GeneratedId).ToArray();
        _session.Set("ids", ids);
        _session.InvokeStrict($"{service.Command} -Id $ids -ThrottleLimit {ThrottleLimit} | Out-Null");
        _simulator.Client.ClearRequests();
        return ids;
    }

    private sealed record Service(string Name, string Quota, string Command, Func<int, object> GeneratedId, Func<object, object> IdOf)
    {
        public static readonly Service Kustomer = new("Kustomer", "kustomer", "Get-KustomerCustomer", i => KustomerFixtures.GeneratedId(i), o => ((KustomerCustomer)o).Id);

        public static readonly Service HelpScout = new("Help Scout", "helpscout", "Get-HelpScoutCustomer", i => HelpScoutFixtures.GeneratedId(i), o => ((HelpScoutCustomer)o).Id);
    }
}
