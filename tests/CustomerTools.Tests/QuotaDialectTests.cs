using System;
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
/// Real time against quotas in each service's own dialect (docs/api/kustomer.md and helpscout.md §7), measured on the
/// simulator's request timestamps: after a 429 the request goes again when the service said
/// (within 10 %), never earlier. The quota is used up by others sharing it (another integration
/// of the org, another app of the account), so the first request meets the 429.
/// </summary>
[Collection(ShortTimeoutGroup.Name)]
public sealed class QuotaDialectTests : ModuleTest
{
    private readonly ITestOutputHelper _output;

    public QuotaDialectTests(SimulatorFixture fixture, ITestOutputHelper output)
        : base(fixture)
    {
        _output = output;
    }

    [Fact]
    public void After_Help_Scouts_429_with_remaining_0_the_request_goes_again_when_Retry_After_says()
    {
        ConnectHelpScout();
        WarmUp($"Get-HelpScoutCustomer -Id {HelpScoutFixtures.FullId}");
        Sim.HelpScout.Quota(5, TimeSpan.FromSeconds(1), spent: 5);

        var (result, elapsed) = Timed($"Get-HelpScoutCustomer -Id {HelpScoutFixtures.FullId}, {HelpScoutFixtures.SparseId} -ThrottleLimit 1");

        Assert.Equal(new[] { HelpScoutFixtures.FullId, HelpScoutFixtures.SparseId }, result.Objects<HelpScoutCustomer>().Select(c => c.Id).ToArray());
        Assert.Empty(result.Errors);
        var gap = Assert.Single(Gaps("/v2/customers/"));
        Assert.Equal("0", gap.TooMany.ResponseHeader("X-RateLimit-Remaining-Minute"));
        Assert.Equal("1", gap.TooMany.ResponseHeader("X-RateLimit-Retry-After"));
        AssertWaitedAsStated(gap, elapsed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void After_Kustomers_429_the_request_goes_again_at_the_stated_reset(bool resetAsUnixTime)
    {
        ConnectKustomer();
        WarmUp($"Get-KustomerCustomer -Id {KustomerFixtures.FullId}");
        Sim.Kustomer.Quota(5, TimeSpan.FromSeconds(1), spent: 5, resetAsUnixTime);

        var (result, elapsed) = Timed($"Get-KustomerCustomer -Id {KustomerFixtures.FullId}, {KustomerFixtures.SparseId} -ThrottleLimit 1");

        Assert.Equal(new[] { KustomerFixtures.FullId, KustomerFixtures.SparseId }, result.Objects<KustomerCustomer>().Select(c => c.Id).ToArray());
        Assert.Empty(result.Errors);
        var gap = Assert.Single(Gaps("/v1/customers/"));
        Assert.Equal("0", gap.TooMany.ResponseHeader("x-ratelimit-remaining"));
        Assert.Equal(resetAsUnixTime, double.Parse(gap.TooMany.ResponseHeader("x-ratelimit-reset")!, System.Globalization.CultureInfo.InvariantCulture) > 1e9);
        AssertWaitedAsStated(gap, elapsed);
    }

    // The first command of a session compiles the module's code: not part of what is measured.
    private void WarmUp(string script) => Assert.Single(Ps.Run(script).Output);

    [Fact]
    public void Remaining_0_on_a_Help_Scout_success_waits_for_the_assumed_window_scaled_with_the_service()
    {
        var connection = Assert.Single(ConnectHelpScout("-PassThru").Objects<HelpScoutConnection>());
        connection.Http.Pacer.AssumedWindow = TimeSpan.FromSeconds(1);
        WarmUp($"Get-HelpScoutCustomer -Id {HelpScoutFixtures.FullId}");
        Sim.HelpScout.Generate(6);
        Sim.HelpScout.Quota(3, TimeSpan.FromSeconds(1));
        long[] ids = Enumerable.Range(0, 6).Select(HelpScoutFixtures.GeneratedId).ToArray();

        var (result, elapsed) = Timed($"Get-HelpScoutCustomer -Id {string.Join(",", ids)} -ThrottleLimit 1");

        Assert.Equal(ids, result.Objects<HelpScoutCustomer>().Select(c => c.Id).ToArray());
        var requests = Sim.RequestsTo("/v2/customers/").OrderBy(r => r.ReceivedAt).ToArray();
        Assert.DoesNotContain(requests, r => r.Status == 429);
        // The first window used up, the fourth request opens the next one. (Where the last two land
        // depends on how the module's window, opened by an answer, lines up with the simulator's,
        // opened by a request: on a loaded machine the sixth may already fall in a third.)
        Assert.Equal(new[] { "2", "1", "0", "2" }, requests.Take(4).Select(r => r.ResponseHeader("X-RateLimit-Remaining-Minute")).ToArray());
        Assert.All(requests, r => Assert.Null(r.ResponseHeader("X-RateLimit-Retry-After")));

        // The window the module assumes opens with the first answer in it; the quota it saw used up
        // there, the next request waits for that window's end (the last two requests are spread).
        TimeSpan window = requests[3].ReceivedAt - requests[0].AnsweredAt;
        _output.WriteLine($"remaining 0 on a success, no refill time: the next window's first request went {window.TotalSeconds:0.000} s after the answer that opened the last one (assumed window 1 s), {(requests[3].ReceivedAt - requests[2].AnsweredAt).TotalSeconds:0.000} s after the remaining-0 answer; whole command {elapsed.TotalSeconds:0.000} s");
        Assert.True(requests[3].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(1), "no request goes before the assumed window ends");
        Assert.InRange(window.TotalSeconds, 0.99, 1.1);
    }

    private (PsResult Result, TimeSpan Elapsed) Timed(string script)
    {
        Sim.ClearRequests();
        var watch = Stopwatch.StartNew();
        var result = Ps.Run(script);
        return (result, watch.Elapsed);
    }

    private ThrottleGap[] Gaps(string path) => ThrottleGap.Of(Sim.RequestsTo(path)).ToArray();

    private void AssertWaitedAsStated(ThrottleGap gap, TimeSpan elapsed)
    {
        _output.WriteLine($"429 stated {gap.Stated.TotalSeconds:0.000} s; idle until the retry {gap.Idle?.TotalSeconds:0.000} s ({gap.Ratio:0.000}× the stated wait); whole command {elapsed.TotalSeconds:0.000} s");
        Assert.NotNull(gap.Retry);
        Assert.False(gap.CameEarly, $"the retry came {(gap.Earliest - gap.Retry!.ReceivedAt).TotalMilliseconds:0} ms before the stated refill");
        Assert.InRange(gap.Ratio!.Value, 0.9, 1.1);
    }
}
