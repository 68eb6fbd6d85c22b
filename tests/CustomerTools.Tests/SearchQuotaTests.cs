using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using CustomerTools.ApiSimulator;
using CustomerTools.Http;
using CustomerTools.Kustomer;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>
/// Kustomer's search quota (100 requests a minute for API keys, apart from the org's): kept to by
/// the headers search answers carry, else as documented, and a search's 429 waited out as stated.
/// </summary>
[Collection(ShortTimeoutGroup.Name)]
public sealed class SearchQuotaTests : ModuleTest
{
    private const int Org = 2_000;
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    public SearchQuotaTests(SimulatorFixture fixture)
        : base(fixture)
    {
        Sim.Kustomer.Clear();
        Sim.Kustomer.UseTimeline(new ChangeTimeline(Org, Step));
    }

    [Fact]
    public async System.Threading.Tasks.Task A_documented_quota_is_kept_while_the_service_reports_none()
    {
        var clock = new FakeClock();
        var pacer = new RateLimitPacer(clock) { AssumedLimit = 100 };
        var turns = new List<DateTimeOffset>();

        for (int i = 0; i < 250; i++)
        {
            (await pacer.WaitTurnAsync(new RequestContext(new RateLimitPacerTests.QuietLog(), CancellationToken.None))).Dispose();
            turns.Add(clock.UtcNow);
        }

        // Never a 101st request within a minute of any other, yet the first 80 at once.
        Assert.All(Enumerable.Range(0, turns.Count - 100), i => Assert.True(turns[i + 100] - turns[i] >= TimeSpan.FromSeconds(60) - TimeSpan.FromMilliseconds(1), $"turn {i + 100} came {(turns[i + 100] - turns[i]).TotalSeconds:0.000} s after turn {i}"));
        Assert.Equal(turns[0], turns[79]);
        Assert.InRange((turns[^1] - turns[0]).TotalSeconds, 120, 150);
    }

    [Fact]
    public async System.Threading.Tasks.Task Once_the_service_reports_its_quota_the_report_rules()
    {
        var clock = new FakeClock();
        var pacer = new RateLimitPacer(clock) { AssumedLimit = 100 };
        using var answer = new System.Net.Http.HttpResponseMessage();
        answer.Headers.Add("x-ratelimit-limit", "1000");
        answer.Headers.Add("x-ratelimit-remaining", "990");
        answer.Headers.Add("x-ratelimit-reset", "60");
        pacer.Observe(RateLimitHeaders.Read(answer, clock.UtcNow));

        for (int i = 0; i < 300; i++)
        {
            (await pacer.WaitTurnAsync(new RequestContext(new RateLimitPacerTests.QuietLog(), CancellationToken.None))).Dispose();
        }

        Assert.Empty(clock.Delays);
    }

    [Fact]
    public void Searches_keep_to_100_a_minute_when_their_answers_report_no_quota()
    {
        var clock = new FakeClock();
        ClockedConnection.Kustomer(Ps, Assert.Single(ConnectKustomer(more: "-PassThru").Objects<KustomerConnection>()), clock);
        Sim.Kustomer.SearchQuotaHeaders(false);
        DateTimeOffset since = ChangeTimeline.DefaultOrigin + (Step * (Org - 300));
        DateTimeOffset start = clock.UtcNow;

        // Three a page, and each new search repeats the last customer of the one before: 150 searches.
        var result = Ps.Run("Get-KustomerCustomer -UpdatedSince $since -PageSize 3 -Verbose", ("since", since));

        Assert.True(result.Errors.Count == 0 && result.Fatal is null, result.AllText());
        Assert.Equal(Sim.Kustomer.IdsChangedSince(since), result.Objects<KustomerCustomer>().Select(c => c.Id).ToArray());
        Assert.InRange(Sim.RequestsTo("/v1/customers/search").Count, 101, 200);
        Assert.True(clock.UtcNow - start >= TimeSpan.FromSeconds(60), $"{Sim.Requests().Count} searches in {(clock.UtcNow - start).TotalSeconds:0.0} s");
        Assert.Contains(result.Verbose, v => v.StartsWith("Pacing: the search quota of 100 requests is used up for this 60 s window, as documented", StringComparison.Ordinal));
    }

    [Fact]
    public void Searches_keep_to_the_quota_their_answers_report_and_meet_no_429()
    {
        ConnectKustomer();
        Sim.Kustomer.SearchQuota(10, TimeSpan.FromSeconds(1), headers: true);
        DateTimeOffset since = ChangeTimeline.DefaultOrigin + (Step * (Org - 120));

        var result = Ps.Run("Get-KustomerCustomer -UpdatedSince $since -PageSize 5", ("since", since));

        Assert.True(result.Errors.Count == 0 && result.Fatal is null, result.AllText());
        Assert.Equal(Sim.Kustomer.IdsChangedSince(since), result.Objects<KustomerCustomer>().Select(c => c.Id).ToArray());
        Assert.InRange(Sim.Kustomer.SearchQuotaCounts().Served, 25, 40);
        Assert.Equal(0, Sim.Kustomer.SearchQuotaCounts().Rejected);
    }

    [Fact]
    public void A_429_from_search_is_waited_out_as_its_Retry_After_says()
    {
        ConnectKustomer();
        Sim.Kustomer.SearchQuota(4, TimeSpan.FromSeconds(1), headers: false);
        DateTimeOffset since = ChangeTimeline.DefaultOrigin + (Step * (Org - 60));

        var result = Ps.Run("Get-KustomerCustomer -UpdatedSince $since -PageSize 5", ("since", since));

        Assert.True(result.Errors.Count == 0 && result.Fatal is null, result.AllText());
        Assert.Equal(Sim.Kustomer.IdsChangedSince(since), result.Objects<KustomerCustomer>().Select(c => c.Id).ToArray());
        RecordedRequest[] searches = Sim.RequestsTo("/v1/customers/search").ToArray();
        int[] throttled = Enumerable.Range(0, searches.Length - 1).Where(i => searches[i].Status == 429).ToArray();
        Assert.NotEmpty(throttled);
        Assert.All(throttled, i =>
        {
            double stated = double.Parse(searches[i].ResponseHeader("Retry-After")!, CultureInfo.InvariantCulture);
            double idle = (searches[i + 1].ReceivedAt - searches[i].AnsweredAt).TotalSeconds;
            Assert.InRange(idle, stated - 0.01, (stated * 1.1) + 0.1);
        });
    }
}
