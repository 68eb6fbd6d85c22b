using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.TestKit;
using Xunit;

namespace CustomerTools.ApiSimulator.Tests;

/// <summary>
/// The simulator's search quota (docs/api/kustomer.md §3a: 100 searches a minute for API keys, apart from
/// the org's quota), in both header modes, since whether search answers carry rate headers is unconfirmed.
/// </summary>
public sealed class SimulatorSearchQuotaTests : SimulatorTest
{
    private const string Everyone = """{"and":[],"queryContext":"customer"}""";

    public SimulatorSearchQuotaTests(SimulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task With_headers_search_answers_carry_the_search_quotas_own_and_the_429_has_no_Retry_After()
    {
        Sim.Kustomer.Quota(50, TimeSpan.FromMinutes(1));
        Sim.Kustomer.SearchQuota(3, TimeSpan.FromMinutes(1));

        var answers = new[] { await Search(Everyone), await Search(Everyone), await Search(Everyone), await Search(Everyone) };

        Assert.Equal(new[] { 200, 200, 200, 429 }, answers.Select(a => a.Status));
        Assert.All(answers, a => Assert.Equal("3", a.Header("x-ratelimit-limit")));
        Assert.Equal(new[] { "2", "1", "0", "0" }, answers.Select(a => a.Header("x-ratelimit-remaining")));
        Assert.All(answers, a => Assert.InRange(double.Parse(a.Header("x-ratelimit-reset")!, CultureInfo.InvariantCulture), 0.001, 60));
        Assert.Null(answers[3].Header("Retry-After"));
        AssertTooManyRequests(answers[3]);
        Assert.Equal((3, 1), (Sim.Kustomer.SearchQuotaCounts().Served, Sim.Kustomer.SearchQuotaCounts().Rejected));
    }

    [Fact]
    public async Task Without_headers_search_answers_carry_none_and_the_429_only_Retry_After()
    {
        Sim.Kustomer.Quota(50, TimeSpan.FromMinutes(1));
        Sim.Kustomer.SearchQuota(2, TimeSpan.FromSeconds(30), headers: false);

        var answers = new[] { await Search(Everyone), await Search(Everyone), await Search(Everyone) };
        var get = await GetKustomer($"/v1/customers/{KustomerFixtures.FullId}");

        Assert.Equal(new[] { 200, 200, 429 }, answers.Select(a => a.Status));
        Assert.All(answers, a => Assert.DoesNotContain(a.Headers.Keys, k => k.StartsWith("x-ratelimit", StringComparison.OrdinalIgnoreCase)));
        Assert.Null(answers[0].Header("Retry-After"));
        Assert.InRange(int.Parse(answers[2].Header("Retry-After")!, CultureInfo.InvariantCulture), 1, 30);
        AssertTooManyRequests(answers[2]);

        // The org's headers stay on everything but search.
        Assert.Equal("50", get.Header("x-ratelimit-limit"));
    }

    [Fact]
    public async Task A_search_counts_against_the_org_quota_as_well_and_a_GET_not_against_the_search_quota()
    {
        Sim.Kustomer.Quota(3, TimeSpan.FromMinutes(1));
        Sim.Kustomer.SearchQuota(10, TimeSpan.FromMinutes(1));

        var first = await Search(Everyone);
        var get = await GetKustomer($"/v1/customers/{KustomerFixtures.FullId}");
        var second = await Search(Everyone);
        var refusedByOrg = await Search(Everyone);

        Assert.Equal((200, 200, 200, 429), (first.Status, get.Status, second.Status, refusedByOrg.Status));
        Assert.Equal((3, 1), (Sim.Kustomer.QuotaCounts().Served, Sim.Kustomer.QuotaCounts().Rejected));
        Assert.Equal((2, 0), (Sim.Kustomer.SearchQuotaCounts().Served, Sim.Kustomer.SearchQuotaCounts().Rejected));
        Assert.Equal("8", second.Header("x-ratelimit-remaining"));
    }

    [Fact]
    public async Task The_search_quota_refills_after_its_window()
    {
        Sim.Kustomer.SearchQuota(1, TimeSpan.FromSeconds(1));

        var served = await Search(Everyone);
        var refused = await Search(Everyone);
        await Task.Delay(1100);
        var again = await Search(Everyone);

        Assert.Equal((200, 429, 200), (served.Status, refused.Status, again.Status));
    }

    [Fact]
    public async Task Reset_removes_the_search_quota_and_turns_its_headers_back_on()
    {
        Sim.Kustomer.SearchQuota(1, TimeSpan.FromMinutes(1), headers: false);

        Sim.Reset();
        Sim.Kustomer.Quota(50, TimeSpan.FromMinutes(1));
        var answers = new[] { await Search(Everyone), await Search(Everyone) };

        Assert.Equal(new QuotaCounts(0, 0, 0), Sim.Kustomer.SearchQuotaCounts());
        Assert.Equal(new[] { 200, 200 }, answers.Select(a => a.Status));
        Assert.All(answers, a => Assert.Equal("50", a.Header("x-ratelimit-limit")));
    }

    private static void AssertTooManyRequests(SimAnswer answer)
    {
        var error = answer.Json.GetProperty("errors")[0];
        Assert.Equal(429, error.GetProperty("status").GetInt32());
        Assert.Equal("too_many_requests", error.GetProperty("code").GetString());
        Assert.Equal("Search rate limit exceeded for this API key", answer.Detail);
    }
}
