using System;
using System.Linq;
using System.Threading.Tasks;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.TestKit;
using Xunit;

namespace CustomerTools.ApiSimulator.Tests;

/// <summary>The simulator's Help Scout v2 list order (docs/api/helpscout.md §3): sortField and sortOrder, judged against the timeline.</summary>
public sealed class SimulatorHelpScoutSortTests : SimulatorTest
{
    private static readonly DateTimeOffset Origin = new(2025, 5, 1, 0, 0, 0, TimeSpan.Zero);

    public SimulatorHelpScoutSortTests(SimulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Modified_since_in_change_order_follows_the_timeline_across_pages()
    {
        var timeline = UseTimeline(80);
        DateTimeOffset since = Origin.AddMinutes(12);

        long[] ids = await ListAll($"modifiedSince={HelpScoutFixtures.Timestamp(since)}&sortField=modifiedAt&sortOrder=asc");

        long[] expected = Enumerable.Range(0, 80).Where(i => timeline.Rank(i) >= 12).OrderBy(timeline.Rank).Select(HelpScoutFixtures.GeneratedId).ToArray();
        Assert.Equal(expected, ids);
        Assert.NotEqual(expected.Order(), expected);
    }

    [Fact]
    public async Task Ties_go_by_id_ascending_and_sortOrder_defaults_to_desc()
    {
        var timeline = UseTimeline(30, tieStart: 20, tieCount: 6);
        long[] tied = Enumerable.Range(0, 30).Where(i => timeline.Rank(i) is >= 20 and < 26).Order().Select(HelpScoutFixtures.GeneratedId).ToArray();

        long[] ascending = await ListAll("sortField=modifiedAt&sortOrder=asc");
        long[] descending = await ListAll("sortField=modifiedAt");

        Assert.Equal(tied, ascending[20..26]);
        Assert.Equal(tied, descending[4..10]);
        Assert.Equal(ascending[26..].Reverse(), descending[..4]);
        Assert.Equal(ascending[..20].Reverse(), descending[10..]);
    }

    [Fact]
    public async Task Created_at_and_names_sort_both_ways()
    {
        var timeline = UseTimeline(40);
        long[] byIndex = Enumerable.Range(0, 40).Select(HelpScoutFixtures.GeneratedId).ToArray();
        long[] byFirstName = Enumerable.Range(0, 40).OrderBy(i => $"First{i}", StringComparer.OrdinalIgnoreCase).Select(HelpScoutFixtures.GeneratedId).ToArray();

        Assert.Equal(Enumerable.Range(0, 40).OrderByDescending(timeline.CreatedAt).Select(HelpScoutFixtures.GeneratedId), await ListAll("sortField=createdAt&sortOrder=desc"));
        Assert.Equal(byIndex, await ListAll("sortField=createdAt&sortOrder=asc"));
        Assert.Equal(byFirstName, await ListAll("sortField=firstName&sortOrder=asc"));
        Assert.Equal(byFirstName.Reverse(), await ListAll("sortField=lastName&sortOrder=desc"));
    }

    [Fact]
    public async Task A_customer_without_updatedAt_comes_last_either_way()
    {
        Sim.HelpScout.UseTimeline(new ChangeTimeline(10, TimeSpan.FromMinutes(1), Origin));

        long[] ascending = await ListAll("sortField=modifiedAt&sortOrder=asc");
        long[] descending = await ListAll("sortField=modifiedAt&sortOrder=desc");

        Assert.Equal(14, ascending.Length);
        Assert.Equal(HelpScoutFixtures.SparseId, ascending[^1]);
        Assert.Equal(HelpScoutFixtures.SparseId, descending[^1]);
    }

    [Fact]
    public async Task Score_or_no_sortField_keeps_the_stores_order()
    {
        Sim.HelpScout.Generate(5);
        long[] stored = new[] { HelpScoutFixtures.FullId, HelpScoutFixtures.SparseId, HelpScoutFixtures.DashedId, HelpScoutFixtures.NearMissId }
            .Concat(Enumerable.Range(0, 5).Select(HelpScoutFixtures.GeneratedId)).ToArray();

        Assert.Equal(stored, await ListAll(string.Empty));
        Assert.Equal(stored, await ListAll("sortField=score&sortOrder=asc"));
    }

    [Theory]
    [InlineData("sortField=shoeSize", "sortField", "shoeSize", "Invalid value: must be one of score, firstName, lastName, modifiedAt, createdAt")]
    [InlineData("sortField=modifiedAt&sortOrder=up", "sortOrder", "up", "Invalid value: must be asc or desc")]
    [InlineData("sortField=modifiedAt&sortOrder=ASC", "sortOrder", "ASC", "Invalid value: must be asc or desc")]
    public async Task An_unknown_sortField_or_sortOrder_is_a_400_field_error(string query, string path, string rejected, string message)
    {
        var answer = await GetHelpScout("/v2/customers?" + query);

        Assert.Equal(400, answer.Status);
        Assert.StartsWith("application/vnd.error+json", answer.Header("Content-Type"), StringComparison.Ordinal);
        var error = answer.Json.GetProperty("_embedded").GetProperty("errors")[0];
        Assert.Equal((path, rejected, message), (error.GetProperty("path").GetString(), error.GetProperty("rejectedValue").GetString(), error.GetProperty("message").GetString()));
        Assert.Equal("Bad request", answer.Json.GetProperty("message").GetString());
    }

    [Fact]
    public void A_timeline_with_parts_of_seconds_is_refused_for_Help_Scout()
    {
        // The control API's 400 says why.
        Assert.Contains("whole seconds", Assert.Throws<SimulatorRefusedException>(() => Sim.HelpScout.UseTimeline(new ChangeTimeline(5, TimeSpan.FromMilliseconds(1500), Origin))).Message, StringComparison.Ordinal);
        Assert.Contains("whole seconds", Assert.Throws<SimulatorRefusedException>(() => Sim.HelpScout.UseTimeline(new ChangeTimeline(5, TimeSpan.FromSeconds(1), Origin.AddMilliseconds(5)))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generated_customers_show_the_timelines_timestamps_on_GET()
    {
        var timeline = UseTimeline(10);

        var one = await GetHelpScout($"/v2/customers/{HelpScoutFixtures.GeneratedId(3)}");

        Assert.Equal(HelpScoutFixtures.Timestamp(timeline.UpdatedAt(3)), one.Json.GetProperty("updatedAt").GetString());
        Assert.Equal(HelpScoutFixtures.Timestamp(Origin.AddMinutes(-7)), one.Json.GetProperty("createdAt").GetString());
    }

    private async Task<long[]> ListAll(string query)
    {
        var ids = new System.Collections.Generic.List<long>();
        for (int page = 1; ; page++)
        {
            var answer = await GetHelpScout($"/v2/customers?{query}{(query.Length > 0 ? "&" : string.Empty)}page={page}");
            Assert.True(answer.Status == 200, answer.Text);
            ids.AddRange(answer.HelpScoutIds);
            if (!answer.Json.GetProperty("_links").TryGetProperty("next", out _))
            {
                return ids.ToArray();
            }
        }
    }

    private ChangeTimeline UseTimeline(int count, int tieStart = 0, int tieCount = 0)
    {
        var timeline = new ChangeTimeline(count, TimeSpan.FromMinutes(1), Origin, tieStart, tieCount);
        Sim.HelpScout.Clear();
        Sim.HelpScout.UseTimeline(timeline);
        return timeline;
    }
}
