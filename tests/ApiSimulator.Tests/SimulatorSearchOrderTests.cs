using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.TestKit;
using Xunit;

namespace CustomerTools.ApiSimulator.Tests;

/// <summary>
/// The simulator's Kustomer search in order and in pages, on an org generated on a timeline:
/// results judged against the timeline's definition (Origin + rank × Step, rank = i × P mod n).
/// </summary>
public sealed class SimulatorSearchOrderTests : SimulatorTest
{
    private static readonly DateTimeOffset Origin = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public SimulatorSearchOrderTests(SimulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task Changed_since_in_change_order_follows_the_timeline_across_pages()
    {
        var timeline = UseTimeline(97, TimeSpan.FromMinutes(1));
        DateTimeOffset since = Origin.AddMinutes(40);

        string[] ids = await SearchAll(ChangedSince("gte", since), pageSize: 7);

        // rank(i) = i × P mod n: changed at or after minute 40 are the ranks 40..96, in rank order.
        string[] expected = Enumerable.Range(40, 57).Select(rank => Enumerable.Range(0, 97).Single(i => i * timeline.Multiplier % 97 == rank)).Select(KustomerFixtures.GeneratedId).ToArray();
        Assert.Equal(expected, ids);
        Assert.NotEqual(expected.Order(StringComparer.Ordinal), expected);
    }

    [Fact]
    public async Task Gt_leaves_out_the_customer_changed_at_the_bound()
    {
        var timeline = UseTimeline(50, TimeSpan.FromSeconds(30));
        DateTimeOffset bound = Origin.AddSeconds(30 * 45);

        string[] ids = await SearchAll(ChangedSince("gt", bound), pageSize: 100);

        Assert.Equal(Enumerable.Range(0, 50).Where(i => timeline.UpdatedAt(i) > bound).OrderBy(timeline.UpdatedAt).Select(KustomerFixtures.GeneratedId), ids);
        Assert.Equal(4, ids.Length);
    }

    [Fact]
    public async Task Served_timestamps_are_the_timelines_on_search_list_and_GET_alike()
    {
        var timeline = UseTimeline(20, TimeSpan.FromMilliseconds(1500));

        var search = await Search(ChangedSince("gte", Origin), page: 1, pageSize: 20);
        var list = await GetKustomer("/v1/customers?page=1&pageSize=20");
        var one = await GetKustomer($"/v1/customers/{KustomerFixtures.GeneratedId(7)}");

        var expected = Enumerable.Range(0, 20).ToDictionary(KustomerFixtures.GeneratedId, i => (string?)KustomerFixtures.Timestamp(timeline.UpdatedAt(i)));
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), search.UpdatedAtById().OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), list.UpdatedAtById().OrderBy(e => e.Key, StringComparer.Ordinal));
        JsonElement attributes = one.Json.GetProperty("data").GetProperty("attributes");
        Assert.Equal(expected[KustomerFixtures.GeneratedId(7)], attributes.GetProperty("updatedAt").GetString());
        Assert.Equal(KustomerFixtures.Timestamp(Origin.AddMilliseconds(-1500 * (20 - 7))), attributes.GetProperty("createdAt").GetString());
    }

    [Fact]
    public async Task Created_since_selects_by_creation_not_by_change()
    {
        var timeline = UseTimeline(30, TimeSpan.FromMinutes(1));

        // Created at Origin - (30 - i) minutes: from 10 minutes before the origin, customers 20..29.
        string[] ids = await SearchAll("""{"and":[{"customer_created_at":{"gte":"2025-02-28T23:50:00Z"}}],"sort":[{"customer_updated_at":"asc"}],"queryContext":"customer"}""", pageSize: 4);

        Assert.Equal(Enumerable.Range(20, 10).OrderBy(timeline.UpdatedAt).Select(KustomerFixtures.GeneratedId), ids);
    }

    [Fact]
    public async Task Customers_sharing_one_change_time_come_in_id_order_in_both_directions()
    {
        var timeline = UseTimeline(40, TimeSpan.FromMinutes(1), tieStart: 10, tieCount: 12);
        int[] tied = Enumerable.Range(0, 40).Where(i => timeline.Rank(i) is >= 10 and < 22).Order().ToArray();

        string[] ascending = await SearchAll(ChangedSince("gte", Origin), pageSize: 5);
        string[] descending = await SearchAll(ChangedSince("gte", Origin, "desc"), pageSize: 5);

        string[] tiedIds = tied.Select(KustomerFixtures.GeneratedId).ToArray();
        Assert.Equal(12, tiedIds.Length);
        Assert.Equal(tiedIds, ascending.Skip(10).Take(12));
        Assert.Equal(tiedIds, descending.Skip(40 - 22).Take(12));
        Assert.Equal(Enumerable.Range(0, 40).Where(i => timeline.Rank(i) < 10).OrderBy(timeline.Rank).Select(KustomerFixtures.GeneratedId), ascending.Take(10));
        Assert.Equal(ascending.Skip(22).Reverse(), descending.Take(40 - 22));
    }

    [Theory]
    [InlineData("customer_updated_at", "asc")]
    [InlineData("customer_updated_at", "desc")]
    [InlineData("customer_name", "asc")]
    [InlineData("customer_name", "desc")]
    public async Task Customers_missing_the_sort_value_come_last_either_way(string attribute, string direction)
    {
        Sim.Kustomer.UseTimeline(new ChangeTimeline(12, TimeSpan.FromMinutes(1), Origin));

        var answer = await Search($$"""{"sort":[{"{{attribute}}":"{{direction}}"}],"queryContext":"customer"}""", pageSize: 100);

        Assert.Equal(14, answer.Ids.Length);
        Assert.Equal(KustomerFixtures.SparseId, answer.Ids[^1]);
    }

    [Fact]
    public async Task Sort_by_name_and_by_creation_in_either_direction()
    {
        var timeline = UseTimeline(25, TimeSpan.FromMinutes(1));

        var byName = await Search("""{"sort":[{"customer_name":"asc"}]}""", pageSize: 100);
        var byNameDown = await Search("""{"sort":[{"customer_name":"desc"}]}""", pageSize: 100);
        var byCreationDown = await Search("""{"sort":[{"customer_created_at":"desc"}]}""", pageSize: 100);

        string[] names = Enumerable.Range(0, 25).Select(i => $"Customer {i}").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(names.Select(n => KustomerFixtures.GeneratedId(int.Parse(n[9..], System.Globalization.CultureInfo.InvariantCulture))), byName.Ids);
        Assert.Equal(byName.Ids.Reverse(), byNameDown.Ids);
        Assert.Equal(Enumerable.Range(0, 25).OrderByDescending(timeline.CreatedAt).Select(KustomerFixtures.GeneratedId), byCreationDown.Ids);
    }

    [Fact]
    public async Task Without_sort_results_keep_the_store_order()
    {
        UseTimeline(15, TimeSpan.FromMinutes(1));

        var answer = await Search("""{"and":[{"customer_updated_at":{"gte":"2025-03-01T00:05:00Z"}}]}""", pageSize: 100);

        Assert.Equal(10, answer.Ids.Length);
        Assert.Equal(answer.Ids.Order(StringComparer.Ordinal), answer.Ids);
    }

    [Fact]
    public async Task Envelope_links_are_relative_and_next_is_null_on_the_last_page()
    {
        UseTimeline(25, TimeSpan.FromMinutes(1));

        var middle = await Search(ChangedSince("gte", Origin), page: 2, pageSize: 10);
        var last = await Search(ChangedSince("gte", Origin), page: 3, pageSize: 10);

        JsonElement meta = middle.Json.GetProperty("meta");
        Assert.Equal((10, 2, 25, 3), (meta.GetProperty("pageSize").GetInt32(), meta.GetProperty("page").GetInt32(), meta.GetProperty("total").GetInt32(), meta.GetProperty("totalPages").GetInt32()));
        JsonElement links = middle.Json.GetProperty("links");
        Assert.Equal("/v1/customers/search?page=2&pageSize=10", links.GetProperty("self").GetString());
        Assert.Equal("/v1/customers/search?page=1&pageSize=10", links.GetProperty("first").GetString());
        Assert.Equal("/v1/customers/search?page=1&pageSize=10", links.GetProperty("prev").GetString());
        Assert.Equal("/v1/customers/search?page=3&pageSize=10", links.GetProperty("next").GetString());
        Assert.Equal("/v1/customers/search?page=3&pageSize=10", links.GetProperty("last").GetString());
        Assert.Equal(5, last.Ids.Length);
        Assert.Equal(JsonValueKind.Null, last.Json.GetProperty("links").GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Page_100_still_links_page_101_when_more_results_exist()
    {
        UseTimeline(150, TimeSpan.FromSeconds(1));

        var page100 = await Search(ChangedSince("gte", Origin), page: 100, pageSize: 1);
        var exactly100 = await Search(ChangedSince("gte", Origin.AddSeconds(50)), page: 100, pageSize: 1);

        Assert.Equal("/v1/customers/search?page=101&pageSize=1", page100.Json.GetProperty("links").GetProperty("next").GetString());
        Assert.Equal("/v1/customers/search?page=150&pageSize=1", page100.Json.GetProperty("links").GetProperty("last").GetString());
        Assert.Equal(JsonValueKind.Null, exactly100.Json.GetProperty("links").GetProperty("next").ValueKind);
        Assert.Equal(400, (await Search(ChangedSince("gte", Origin), page: 101, pageSize: 1)).Status);
    }

    private static string ChangedSince(string op, DateTimeOffset since, string direction = "asc") =>
        $$$"""{"and":[{"customer_updated_at":{"{{{op}}}":"{{{KustomerFixtures.Timestamp(since)}}}"}}],"sort":[{"customer_updated_at":"{{{direction}}}"}],"queryContext":"customer"}""";

    /// <summary>Only generated customers, on a timeline from <see cref="Origin"/>.</summary>
    private ChangeTimeline UseTimeline(int count, TimeSpan step, int tieStart = 0, int tieCount = 0)
    {
        var timeline = new ChangeTimeline(count, step, Origin, tieStart, tieCount);
        Sim.Kustomer.Clear();
        Sim.Kustomer.UseTimeline(timeline);
        return timeline;
    }
}
