using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.HelpScout;
using CustomerTools.Kustomer;
using Xunit;
using Xunit.Abstractions;

namespace CustomerTools.Tests;

/// <summary>
/// 200 inputs per service while the simulator injects every kind of fault at random (fixed seed):
/// each input ends as exactly one object or one error, in input order, and the outcome is what
/// the retry rules say it must be for the faults that input met.
/// </summary>
[Collection(ShortTimeoutGroup.Name)]
public sealed class FaultMatrixTests : ModuleTest
{
    private const int Inputs = 200;
    private const int MaxRetries = 3;
    private readonly ITestOutputHelper _output;
    private readonly FaultSchedule _schedule = new() { Seed = 20261123, Rate = 0.35 };

    public FaultMatrixTests(SimulatorFixture fixture, ITestOutputHelper output)
        : base(fixture)
    {
        _output = output;
    }

    [Fact]
    public void Kustomer_under_every_fault()
    {
        Sim.Kustomer.GeneratedCount = Inputs;
        var connection = Assert.Single(ConnectKustomer(more: $"-PassThru -MaxRetries {MaxRetries} -TimeoutSec 3").Objects<KustomerConnection>());
        connection.Http.Clock = new FakeClock();
        string[] ids = Enumerable.Range(0, Inputs).Select(KustomerFixtures.GeneratedId).ToArray();

        Check("Kustomer", ids.Cast<object>().ToArray(), id => $"/v1/customers/{id}", "$ids | Get-KustomerCustomer -ThrottleLimit 8", ids);
    }

    [Fact]
    public void HelpScout_under_every_fault()
    {
        Sim.HelpScout.GeneratedCount = Inputs;
        var connection = Assert.Single(ConnectHelpScout($"-PassThru -MaxRetries {MaxRetries} -TimeoutSec 3").Objects<HelpScoutConnection>());
        connection.Http.Clock = new FakeClock();
        long[] ids = Enumerable.Range(0, Inputs).Select(HelpScoutFixtures.GeneratedId).ToArray();

        Check("Help Scout", ids.Cast<object>().ToArray(), id => $"/v2/customers/{id}", "$ids | Get-HelpScoutCustomer -ThrottleLimit 8", ids);
    }

    private void Check(string service, object[] inputs, Func<object, string> path, string pipeline, object ids)
    {
        Sim.ClearRequests();
        Sim.Faults = _schedule;

        var result = Ps.Run(pipeline + " 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { ,@($_.TargetObject, $_.FullyQualifiedErrorId.Split(',')[0]) } else { ,@($_.Id, 'object') } }", ("ids", ids));

        Assert.Null(result.Fatal);
        var outcomes = result.Output.Select(o => (object[])o.BaseObject).Select(pair => (Input: pair[0], Outcome: (string)pair[1])).ToArray();
        Assert.Equal(inputs, outcomes.Select(o => o.Input).ToArray());

        var matrix = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var mismatches = new List<string>();
        foreach (var (input, outcome) in outcomes)
        {
            var (expected, faults) = Expected(path(input));
            if (expected != outcome)
            {
                mismatches.Add($"{input}: expected {expected}, got {outcome} after {string.Join(", ", faults)}");
            }

            foreach (string fault in faults.DefaultIfEmpty("(none)").Distinct())
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
        var decided = outcomes.Select(o => (o.Outcome, Faults: Expected(path(o.Input)).Faults)).ToArray();
        foreach (var row in decided.Where(d => d.Outcome != "object").GroupBy(d => (Fault: d.Faults[^1], d.Outcome)).OrderBy(g => g.Key.Fault, StringComparer.Ordinal))
        {
            _output.WriteLine($"{row.Key.Fault} | {row.Key.Outcome} {row.Count()}");
        }

        var recovered = decided.Where(d => d.Outcome == "object" && d.Faults.Count > 0).ToArray();
        _output.WriteLine($"recovered by retrying | {recovered.Length} inputs, after " + string.Join(", ",
            recovered.SelectMany(d => d.Faults).GroupBy(f => f).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
        Assert.Empty(mismatches);
        Assert.Contains(outcomes, o => o.Outcome == "object");
        Assert.True(matrix.Count > 10, "the schedule should reach most kinds of fault");
    }

    /// <summary>What the retry rules make of the faults the schedule has in store for one path.</summary>
    private (string Outcome, List<string> Faults) Expected(string path)
    {
        var faults = new List<string>();
        for (int attempt = 0; ; attempt++)
        {
            FaultKind? fault = _schedule.FaultFor(path, attempt);
            if (fault is null)
            {
                return ("object", faults);
            }

            faults.Add(fault.Value.ToString());
            bool transient = fault is FaultKind.TooManyRequestsRetryAfter or FaultKind.TooManyRequestsBare or FaultKind.BadGateway
                or FaultKind.ServiceUnavailable or FaultKind.GatewayTimeout or FaultKind.ConnectionReset or FaultKind.TruncatedBody;
            if (transient && attempt < MaxRetries)
            {
                continue;
            }

            return (fault switch
            {
                FaultKind.TooManyRequestsRetryAfter or FaultKind.TooManyRequestsBare => "RateLimited",
                FaultKind.BadGateway or FaultKind.ServiceUnavailable or FaultKind.GatewayTimeout or FaultKind.ConnectionReset
                    or FaultKind.TruncatedBody or FaultKind.InternalServerError => "ServiceError",
                FaultKind.StalledBody => "RequestTimedOut",
                _ => "InvalidResponse",
            }, faults);
        }
    }
}
