using System;
using System.Linq;
using System.Threading.Tasks;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.TestKit;
using Xunit;

namespace CustomerTools.ApiSimulator.Tests;

/// <summary>
/// The simulator's page-shift levers: pages that move while a client pages through a list or a
/// search, once, after a given number of pages (what "no customer written twice" is tested against).
/// </summary>
public sealed class SimulatorPageShiftTests : SimulatorTest
{
    private static readonly DateTimeOffset Origin = new(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);

    public SimulatorPageShiftTests(SimulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task The_list_lever_puts_copies_in_front_so_a_pages_last_records_move_onto_the_next()
    {
        Sim.Kustomer.Clear();
        Sim.Kustomer.Generate(30);
        Sim.Kustomer.ListShift(afterPages: 1, insert: 3);
        string[] generated = Enumerable.Range(0, 30).Select(KustomerFixtures.GeneratedId).ToArray();
        string[] copies = { KustomerFixtures.CopyId(2), KustomerFixtures.CopyId(1), KustomerFixtures.CopyId(0) };

        var page1 = await GetKustomer("/v1/customers?page=1&pageSize=10");
        var page2 = await GetKustomer("/v1/customers?page=2&pageSize=10");
        var page3 = await GetKustomer("/v1/customers?page=3&pageSize=10");
        var page1Again = await GetKustomer("/v1/customers?page=1&pageSize=10");
        var copy = await GetKustomer($"/v1/customers/{copies[0]}");

        Assert.Equal(generated[..10], page1.Ids);
        Assert.Equal(generated[7..17], page2.Ids);
        Assert.Equal(generated[17..27], page3.Ids);
        Assert.Equal(copies.Concat(generated[..7]), page1Again.Ids);
        Assert.Equal(33, page2.Json.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.Equal("Customer 0", copy.Json.GetProperty("data").GetProperty("attributes").GetProperty("name").GetString());
        Assert.True(Sim.Kustomer.Shifts().ListShiftFired);
        Assert.Equal(4, Sim.Kustomer.Shifts().ListPagesServed);
    }

    [Fact]
    public async Task The_search_lever_inserts_copies_of_the_first_match_at_its_change_time_with_ids_sorting_first()
    {
        var timeline = UseTimeline(30);
        string[] oracle = timeline.IndicesChangedSince(Origin).Select(KustomerFixtures.GeneratedId).ToArray();
        Sim.Kustomer.SearchShift(afterPages: 1, insert: 2);

        var page1 = await Search(ChangedSinceOrigin, page: 1, pageSize: 5);
        var page2 = await Search(ChangedSinceOrigin, page: 2, pageSize: 5);
        var page3 = await Search(ChangedSinceOrigin, page: 3, pageSize: 5);
        var page1Again = await Search(ChangedSinceOrigin, page: 1, pageSize: 5);

        Assert.Equal(oracle[..5], page1.Ids);
        Assert.Equal(oracle[3..8], page2.Ids);
        Assert.Equal(oracle[8..13], page3.Ids);
        Assert.Equal(new[] { KustomerFixtures.CopyId(1), KustomerFixtures.CopyId(0) }.Concat(oracle[..3]), page1Again.Ids);
        string firstChange = KustomerFixtures.Timestamp(timeline.UpdatedAt(timeline.IndicesChangedSince(Origin)[0]));
        Assert.All(page1Again.UpdatedAtById().Take(3), e => Assert.Equal(firstChange, e.Value));
        Assert.Equal(32, page2.Json.GetProperty("meta").GetProperty("total").GetInt32());
        Assert.True(Sim.Kustomer.Shifts().SearchShiftFired);
    }

    [Fact]
    public async Task The_search_lever_updates_the_earliest_matches_so_they_leave_the_front_for_the_end()
    {
        var timeline = UseTimeline(30);
        int[] order = timeline.IndicesChangedSince(Origin).ToArray();
        string[] oracle = order.Select(KustomerFixtures.GeneratedId).ToArray();
        Sim.Kustomer.SearchShift(afterPages: 1, insert: 0, update: 2);

        var page1 = await Search(ChangedSinceOrigin, page: 1, pageSize: 5);
        var page2 = await Search(ChangedSinceOrigin, page: 2, pageSize: 5);
        var page6 = await Search(ChangedSinceOrigin, page: 6, pageSize: 5);
        var moved = await GetKustomer($"/v1/customers/{oracle[0]}");

        Assert.Equal(oracle[..5], page1.Ids);
        Assert.Equal(oracle[7..12], page2.Ids);
        Assert.Equal(oracle[27..].Concat(oracle[..2]), page6.Ids);
        DateTimeOffset latest = Enumerable.Range(0, 30).Max(timeline.UpdatedAt);
        Assert.Equal(KustomerFixtures.Timestamp(latest.AddMilliseconds(1)), moved.Json.GetProperty("data").GetProperty("attributes").GetProperty("updatedAt").GetString());
        Assert.Equal(KustomerFixtures.Timestamp(latest.AddMilliseconds(2)), page6.UpdatedAtById()[oracle[1]]);
        Assert.Equal(oracle[2..].Concat(oracle[..2]), Sim.Kustomer.IdsChangedSince(Origin));
    }

    [Fact]
    public async Task A_lever_waits_for_its_page_count_and_counts_only_its_own_route()
    {
        UseTimeline(30);
        Sim.Kustomer.SearchShift(afterPages: 2, insert: 4);

        await GetKustomer("/v1/customers?page=1&pageSize=5");
        var first = await Search(ChangedSinceOrigin, page: 1, pageSize: 5);
        Assert.False(Sim.Kustomer.Shifts().SearchShiftFired);
        await Search(ChangedSinceOrigin, page: 1, pageSize: 5);
        var third = await Search(ChangedSinceOrigin, page: 1, pageSize: 5);

        Assert.True(Sim.Kustomer.Shifts().SearchShiftFired);
        Assert.Equal(first.Ids[..1], third.Ids[4..]);
        Assert.Equal((1, 3), (Sim.Kustomer.Shifts().ListPagesServed, Sim.Kustomer.Shifts().SearchPagesServed));
    }

    [Fact]
    public async Task The_Help_Scout_list_lever_puts_copies_in_front_of_the_asked_order()
    {
        var timeline = new ChangeTimeline(60, TimeSpan.FromMinutes(1), Origin);
        Sim.HelpScout.Clear();
        Sim.HelpScout.UseTimeline(timeline);
        Sim.HelpScout.ListShift(afterPages: 1, insert: 2);
        long[] oracle = timeline.IndicesChangedSince(Origin).Select(HelpScoutFixtures.GeneratedId).ToArray();
        const string List = "/v2/customers?modifiedSince=2025-04-01T00:00:00Z&sortField=modifiedAt&sortOrder=asc&page=";

        var page1 = await GetHelpScout(List + "1");
        var page2 = await GetHelpScout(List + "2");
        var page1Again = await GetHelpScout(List + "1");

        Assert.Equal(oracle[..50], page1.HelpScoutIds);
        Assert.Equal(oracle[48..], page2.HelpScoutIds);
        Assert.Equal(new[] { HelpScoutFixtures.CopyId(1), HelpScoutFixtures.CopyId(0) }.Concat(oracle[..48]), page1Again.HelpScoutIds);
        Assert.Equal(62, page2.Json.GetProperty("page").GetProperty("totalElements").GetInt32());
        Assert.True(Sim.HelpScout.Shifts().ListShiftFired);
        Assert.Equal(3, Sim.HelpScout.Shifts().ListPagesServed);
    }

    private static string ChangedSinceOrigin =>
        """{"and":[{"customer_updated_at":{"gte":"2025-04-01T00:00:00.000Z"}}],"sort":[{"customer_updated_at":"asc"}],"queryContext":"customer"}""";

    private ChangeTimeline UseTimeline(int count)
    {
        var timeline = new ChangeTimeline(count, TimeSpan.FromMinutes(1), Origin);
        Sim.Kustomer.Clear();
        Sim.Kustomer.UseTimeline(timeline);
        return timeline;
    }
}
