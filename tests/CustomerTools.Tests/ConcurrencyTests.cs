using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.Kustomer;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>-ThrottleLimit: concurrent requests, results in input order, written only from the pipeline thread.</summary>
public sealed class ConcurrencyTests : ModuleTest
{
    private readonly string[] _ids;

    public ConcurrencyTests(SimulatorFixture fixture)
        : base(fixture)
    {
        ConnectKustomer();
        Sim.Kustomer.Generate(60);
        _ids = Enumerable.Range(0, 60).Select(KustomerFixtures.GeneratedId).ToArray();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(16)]
    public void Requests_run_concurrently_up_to_the_limit_and_no_further(int limit)
    {
        Sim.Latency(TimeSpan.FromMilliseconds(40));

        var result = Ps.Run($"Get-KustomerCustomer -Id $ids -ThrottleLimit {limit}", ("ids", _ids));

        Assert.Equal(_ids, result.Objects<KustomerCustomer>().Select(c => c.Id).ToArray());
        Assert.InRange(Sim.InFlight().MaxInFlight, Math.Min(limit, 2), limit);
    }

    [Fact]
    public void Input_piped_one_item_at_a_time_still_runs_concurrently()
    {
        Sim.Latency(TimeSpan.FromMilliseconds(100));

        var result = Ps.Run("$ids | ForEach-Object { [System.Threading.Thread]::Sleep(5); $_ } | Get-KustomerCustomer -ThrottleLimit 8", ("ids", _ids.Take(24).ToArray()));

        Assert.Equal(_ids.Take(24), result.Objects<KustomerCustomer>().Select(c => c.Id));
        Assert.InRange(Sim.InFlight().MaxInFlight, 4, 8);
    }

    [Fact]
    public void Output_keeps_input_order_when_answers_arrive_out_of_order()
    {
        // Early inputs answer slowest, so answers come back in reverse.
        for (int i = 0; i < 8; i++)
        {
            Sim.Script(new ScriptedAnswer { PathContains = _ids[i], DelayMs = 400 - (i * 50), ThenServe = true });
        }

        var result = Ps.Run("Get-KustomerCustomer -Id $ids -ThrottleLimit 8", ("ids", _ids.Take(8).ToArray()));

        Assert.Equal(_ids.Take(8), result.Objects<KustomerCustomer>().Select(c => c.Id));
        Assert.True(Sim.RequestsTo(_ids[0]).Single().AnsweredAt > Sim.RequestsTo(_ids[7]).Single().AnsweredAt, "the answers did not come back out of order");
    }

    [Fact]
    public void Results_are_written_as_soon_as_their_turn_comes_not_after_the_whole_batch()
    {
        Sim.Latency(TimeSpan.FromMilliseconds(20));

        var firstSeenAt = Ps.Run("Get-KustomerCustomer -Id $ids -ThrottleLimit 2 | ForEach-Object { $sim.Requests.Count }", ("ids", _ids), ("sim", Sim))
            .Output.Select(o => (int)o.BaseObject).First();

        // When the first customer reaches the next command, only the first few of 60 were even sent.
        Assert.InRange(firstSeenAt, 1, 4);
    }

    [Fact]
    public void Every_input_gives_exactly_one_object_or_one_error_in_input_order()
    {
        Sim.Latency(TimeSpan.FromMilliseconds(10));
        string[] inputs = _ids.Take(30).Select((id, i) => i % 7 == 3 ? "bad-" + i : i % 5 == 2 ? "ffffffffffffffffffff" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) : id).ToArray();

        var result = Ps.Run("$ids | Get-KustomerCustomer -ThrottleLimit 8 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.TargetObject } else { $_.Id } }", ("ids", inputs));

        Assert.Equal(inputs, result.Output.Select(o => (string)o.BaseObject).ToArray());
    }

    [Fact]
    public void Nothing_is_written_from_a_worker_thread()
    {
        Sim.Latency(TimeSpan.FromMilliseconds(15));
        Sim.Script(new ScriptedAnswer { PathContains = _ids[5], Status = 503, Times = 2 });
        var threads = new ConcurrentBag<int>();
        using var ps = PowerShell.Create();
        ps.Runspace = Ps.Runspace;
        EventHandler<DataAddedEventArgs> record = (_, _) => threads.Add(Environment.CurrentManagedThreadId);
        ps.Streams.Verbose.DataAdded += record;
        ps.Streams.Debug.DataAdded += record;
        ps.Streams.Error.DataAdded += record;
        ps.Streams.Progress.DataAdded += record;
        ps.Streams.Warning.DataAdded += record;

        var output = new PSDataCollection<PSObject>();
        output.DataAdded += record;
        ps.AddScript("[System.Threading.Thread]::CurrentThread.ManagedThreadId; $ids + 'bad' | Get-KustomerCustomer -ThrottleLimit 16 -Verbose -Debug; Get-KustomerCustomer -All -PageSize 7 -First 30")
            .AddParameter("ids", _ids);
        Ps.Set("ids", _ids);
        ps.Invoke(null, output);

        int pipelineThread = (int)output[0].BaseObject;
        Assert.Equal(60 + 30 + 1, output.Count);
        Assert.NotEmpty(ps.Streams.Verbose);
        Assert.NotEmpty(ps.Streams.Progress);
        Assert.Single(ps.Streams.Error);
        Assert.All(threads, t => Assert.Equal(pipelineThread, t));
    }
}
