using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.HelpScout;
using CustomerTools.Kustomer;
using Xunit;
using Xunit.Abstractions;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>
/// 200 inputs per service while the simulator injects every kind of fault at random (fixed seed),
/// including each service's 429 in its own quota dialect, and for Help Scout a revocation of the
/// access token halfway: each input ends as exactly one object or one error, in input order, the
/// outcome is what the retry rules say it must be for the faults that input met, and the run waits
/// no longer than the services stated plus the backoff.
/// </summary>
[Collection(ShortTimeoutGroup.Name)]
public sealed class FaultMatrixTests : ModuleTest
{
    private const int Inputs = 200;
    private const int MaxRetries = 3;
    private const string Renewed = "401 (token revoked), renewed";
    private readonly ITestOutputHelper _output;
    private readonly FaultSchedule _schedule = new() { Seed = 20261123, Rate = 0.35 };
    private readonly OverlappingFakeClock _clock = new();

    public FaultMatrixTests(SimulatorFixture fixture, ITestOutputHelper output)
        : base(fixture)
    {
        _output = output;
    }

    [Fact]
    public void Kustomer_under_every_fault()
    {
        Sim.Kustomer.Generate(Inputs);
        ClockedConnection.Kustomer(Ps, Assert.Single(ConnectKustomer(more: $"-PassThru -MaxRetries {MaxRetries} -TimeoutSec 3").Objects<KustomerConnection>()), _clock);
        string[] ids = Enumerable.Range(0, Inputs).Select(KustomerFixtures.GeneratedId).ToArray();

        Check("Kustomer", ids.Cast<object>().ToArray(), id => $"/v1/customers/{id}", "$ids | Get-KustomerCustomer -ThrottleLimit 8", ids);
    }

    [Fact]
    public void HelpScout_under_every_fault_with_the_token_revoked_halfway()
    {
        Sim.HelpScout.Generate(Inputs);
        ClockedConnection.HelpScout(Ps, Assert.Single(ConnectHelpScout($"-PassThru -MaxRetries {MaxRetries} -TimeoutSec 3").Objects<HelpScoutConnection>()), _clock);
        long[] ids = Enumerable.Range(0, Inputs).Select(HelpScoutFixtures.GeneratedId).ToArray();
        Sim.HelpScout.RevokeTokensAt(Inputs / 2);
        int connected = Sim.HelpScout.Tokens().Requests;

        Check("Help Scout", ids.Cast<object>().ToArray(), id => $"/v2/customers/{id}", "$ids | Get-HelpScoutCustomer -ThrottleLimit 8", ids);

        Assert.Contains(Sim.Requests(), r => r.Status == 401);
        Assert.Equal(connected + 1, Sim.HelpScout.Tokens().Requests);
    }

    private void Check(string service, object[] inputs, Func<object, string> path, string pipeline, object ids)
    {
        Sim.ClearRequests();
        Sim.Faults(_schedule);
        DateTimeOffset start = _clock.UtcNow;
        var watch = Stopwatch.StartNew();

        var result = Ps.Run(pipeline + " 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { ,@($_.TargetObject, $_.FullyQualifiedErrorId.Split(',')[0]) } else { ,@($_.Id, 'object') } }", ("ids", ids));

        TimeSpan waited = _clock.UtcNow - start;
        watch.Stop();
        Assert.True(result.Fatal is null, result.AllText());
        var outcomes = result.Output.Select(o => (object[])o.BaseObject).Select(pair => (Input: pair[0], Outcome: (string)pair[1])).ToArray();
        Assert.Equal(inputs, outcomes.Select(o => o.Input).ToArray());

        var requests = Sim.Requests().ToLookup(r => r.RawTarget);
        var expected = outcomes.ToDictionary(o => o.Input, o => Expected(path(o.Input), requests[path(o.Input)]));
        var matrix = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var mismatches = new List<string>();
        foreach (var (input, outcome) in outcomes)
        {
            var e = expected[input];
            if (e.Outcome != outcome)
            {
                mismatches.Add($"{input}: expected {e.Outcome}, got {outcome} after {string.Join(", ", e.Faults)}");
            }

            foreach (string fault in e.Faults.DefaultIfEmpty("(none)").Distinct())
            {
                var row = matrix.TryGetValue(fault, out var existing) ? existing : matrix[fault] = new SortedDictionary<string, int>(StringComparer.Ordinal);
                row[outcome] = row.GetValueOrDefault(outcome) + 1;
            }
        }

        _output.WriteLine($"{service}: {inputs.Length} inputs, seed {_schedule.Seed}, fault rate {_schedule.Rate:P0} per attempt, -MaxRetries {MaxRetries}");
        _output.WriteLine("fault met (any attempt) | outcomes of those inputs");
        foreach (var (fault, row) in matrix)
        {
            _output.WriteLine($"{fault} | {string.Join(", ", row.Select(r => $"{r.Key} {r.Value}"))}");
        }

        _output.WriteLine("totals | " + string.Join(", ", outcomes.GroupBy(o => o.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
        _output.WriteLine("fault that decided the outcome | outcome (inputs)");
        foreach (var row in outcomes.Where(o => o.Outcome != "object").GroupBy(o => (Fault: expected[o.Input].Faults[^1], o.Outcome)).OrderBy(g => g.Key.Fault, StringComparer.Ordinal))
        {
            _output.WriteLine($"{row.Key.Fault} | {row.Key.Outcome} {row.Count()}");
        }

        var recovered = outcomes.Where(o => o.Outcome == "object" && expected[o.Input].Faults.Count > 0).ToArray();
        _output.WriteLine($"recovered by retrying | {recovered.Length} inputs, after " + string.Join(", ",
            recovered.SelectMany(o => expected[o.Input].Faults).GroupBy(f => f).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));

        var waits = expected.Values.SelectMany(e => e.Waits).ToArray();
        TimeSpan stated = Sum(waits.Where(w => w.Stated));
        TimeSpan backoff = Sum(waits.Where(w => !w.Stated));
        TimeSpan longest = waits.Select(w => w.Length).DefaultIfEmpty().Max();
        TimeSpan longestTaken = _clock.Delays.DefaultIfEmpty().Max();
        _output.WriteLine($"waits the services stated | {stated.TotalSeconds:0.0} s over {waits.Count(w => w.Stated)} 429s ({string.Join(", ", waits.Where(w => w.Stated).GroupBy(w => w.Fault).Select(g => $"{g.Key} {g.First().Length.TotalSeconds:0} s × {g.Count()}"))})");
        _output.WriteLine($"backoff, at most | {backoff.TotalSeconds:0.0} s over {waits.Count(w => !w.Stated)} retries");
        _output.WriteLine($"the run waited | {waited.TotalSeconds:0.0} s on the clock (waits overlap as in real time), longest single wait {longestTaken.TotalSeconds:0.0} s (the rules allow {longest.TotalSeconds:0.0} s); {watch.Elapsed.TotalSeconds:0.0} s of real time");

        Assert.Empty(mismatches);
        Assert.Contains(outcomes, o => o.Outcome == "object");
        Assert.True(matrix.Count > 10, "the schedule should reach most kinds of fault");
        Assert.Contains(waits, w => w.Fault == nameof(FaultKind.TooManyRequestsQuotaUsedUp));
        Assert.True(waited <= stated + backoff, $"the run waited {waited.TotalSeconds:0.0} s, more than the {stated.TotalSeconds:0.0} s stated plus {backoff.TotalSeconds:0.0} s of backoff");
        Assert.True(longestTaken <= longest, $"one wait took {longestTaken.TotalSeconds:0.0} s, longer than any the services stated or the backoff allows ({longest.TotalSeconds:0.0} s)");
    }

    private static TimeSpan Sum(IEnumerable<Pause> waits) => TimeSpan.FromTicks(waits.Sum(w => w.Length.Ticks));

    /// <summary>
    /// What the retry rules make of the faults the schedule has in store for one path. Attempts
    /// the simulator answered 401 (the revoked token) are renewed and sent again without counting
    /// as a retry; each retry waits what the fault stated, else at most its backoff step.
    /// </summary>
    private (string Outcome, List<string> Faults, List<Pause> Waits) Expected(string path, IEnumerable<RecordedRequest> attempts)
    {
        var refused = attempts.OrderBy(r => r.ReceivedAt).Select((r, i) => (r.Status, i)).Where(a => a.Status == 401).Select(a => a.i).ToHashSet();
        var faults = new List<string>();
        var waits = new List<Pause>();
        int retries = 0;
        for (int attempt = 0; ; attempt++)
        {
            if (refused.Contains(attempt))
            {
                faults.Add(Renewed);
                continue;
            }

            FaultKind? fault = _schedule.FaultFor(path, attempt);
            if (fault is null)
            {
                return ("object", faults, waits);
            }

            faults.Add(fault.Value.ToString());
            bool transient = fault is FaultKind.TooManyRequestsRetryAfter or FaultKind.TooManyRequestsBare or FaultKind.TooManyRequestsQuotaUsedUp
                or FaultKind.BadGateway or FaultKind.ServiceUnavailable or FaultKind.GatewayTimeout or FaultKind.ConnectionReset or FaultKind.TruncatedBody;
            if (transient && retries < MaxRetries)
            {
                retries++;
                waits.Add(fault switch
                {
                    FaultKind.TooManyRequestsRetryAfter => new Pause(fault.Value.ToString(), TimeSpan.FromSeconds(FaultSchedule.RetryAfterSeconds), true),
                    FaultKind.TooManyRequestsQuotaUsedUp => new Pause(fault.Value.ToString(), TimeSpan.FromSeconds(FaultSchedule.QuotaRefillSeconds), true),
                    _ => new Pause(fault.Value.ToString(), TimeSpan.FromSeconds(Math.Pow(2, retries - 1)), false),
                });
                continue;
            }

            return (fault switch
            {
                FaultKind.TooManyRequestsRetryAfter or FaultKind.TooManyRequestsBare or FaultKind.TooManyRequestsQuotaUsedUp => "RateLimited",
                FaultKind.BadGateway or FaultKind.ServiceUnavailable or FaultKind.GatewayTimeout or FaultKind.ConnectionReset
                    or FaultKind.TruncatedBody or FaultKind.InternalServerError => "ServiceError",
                FaultKind.StalledBody => "RequestTimedOut",
                _ => "InvalidResponse",
            }, faults, waits);
        }
    }

    private sealed record Pause(string Fault, TimeSpan Length, bool Stated);
}
