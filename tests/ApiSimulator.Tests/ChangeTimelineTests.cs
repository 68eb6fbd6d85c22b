using System;
using System.Linq;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.Kustomer;
using Xunit;

namespace CustomerTools.ApiSimulator.Tests;

/// <summary>The generated org's timeline: a permutation of change times, an optional bulk-import tie, creation before change.</summary>
public sealed class ChangeTimelineTests
{
    private static readonly DateTimeOffset Origin = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(250)]
    [InlineData(100_000)]
    public void Rank_is_a_permutation_of_the_indices(int count)
    {
        var timeline = new ChangeTimeline(count, TimeSpan.FromSeconds(1));

        int[] ranks = Enumerable.Range(0, count).Select(timeline.Rank).ToArray();

        Assert.Equal(Enumerable.Range(0, count), ranks.Order());
        Assert.Equal(1L, Gcd(timeline.Multiplier, count));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(97)]
    [InlineData(100_000)]
    public void Change_order_is_not_list_order_and_neighbours_scatter(int count)
    {
        var timeline = new ChangeTimeline(count, TimeSpan.FromSeconds(1));

        int[] ranks = Enumerable.Range(0, count).Select(timeline.Rank).ToArray();

        Assert.True(ranks.Zip(ranks.Skip(1)).Count(p => Math.Abs(p.First - p.Second) == 1) < count / 4);
    }

    [Fact]
    public void Change_times_step_from_the_origin_by_rank_except_the_tie_group_which_shares_one()
    {
        var timeline = new ChangeTimeline(50, TimeSpan.FromMinutes(2), Origin, tieStart: 7, tieCount: 9);

        for (int i = 0; i < 50; i++)
        {
            int rank = (int)(i * timeline.Multiplier % 50);
            DateTimeOffset expected = rank is >= 7 and < 16 ? Origin.AddMinutes(14) : Origin.AddMinutes(2 * rank);
            Assert.Equal(expected, timeline.UpdatedAt(i));
        }

        Assert.Equal(9, Enumerable.Range(0, 50).Count(i => timeline.UpdatedAt(i) == timeline.TieAt));
        Assert.Equal(Origin.AddMinutes(14), timeline.TieAt);
    }

    [Fact]
    public void Creation_comes_before_every_change_in_index_order()
    {
        var timeline = new ChangeTimeline(40, TimeSpan.FromSeconds(3), Origin);

        Assert.All(Enumerable.Range(0, 40), i => Assert.Equal(Origin.AddSeconds(-3 * (40 - i)), timeline.CreatedAt(i)));
        Assert.True(Enumerable.Range(0, 40).Max(timeline.CreatedAt) < Enumerable.Range(0, 40).Min(timeline.UpdatedAt));
        Assert.Equal(Enumerable.Range(35, 5), timeline.IndicesCreatedSince(Origin.AddSeconds(-15)));
    }

    [Fact]
    public void Indices_changed_since_are_in_change_order_with_ties_by_index()
    {
        var timeline = new ChangeTimeline(60, TimeSpan.FromSeconds(10), Origin, tieStart: 30, tieCount: 20);
        DateTimeOffset since = Origin.AddSeconds(250);

        var changed = timeline.IndicesChangedSince(since);

        // Ranks 25..29 one by one, then the tie at rank 30 (20 customers, by index), then ranks 50..59.
        int IndexOf(int rank) => Enumerable.Range(0, 60).Single(i => i * timeline.Multiplier % 60 == rank);
        var expected = Enumerable.Range(25, 5).Select(IndexOf)
            .Concat(Enumerable.Range(30, 20).Select(IndexOf).Order())
            .Concat(Enumerable.Range(50, 10).Select(IndexOf));
        Assert.Equal(expected, changed);
    }

    [Fact]
    public void A_store_on_a_timeline_drops_it_when_the_count_is_set_again()
    {
        var store = new KustomerStore();
        store.UseTimeline(new ChangeTimeline(10, TimeSpan.FromSeconds(1), Origin));
        Assert.Equal(10, store.GeneratedCount);
        Assert.Contains(KustomerFixtures.Timestamp(Origin), store.Find(KustomerFixtures.GeneratedId(0)), StringComparison.Ordinal);

        store.GeneratedCount = 10;

        Assert.Null(store.Timeline);
        Assert.Equal(KustomerFixtures.Generated(0), store.Find(KustomerFixtures.GeneratedId(0)));
    }

    [Fact]
    public void A_tie_group_outside_the_ranks_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChangeTimeline(10, TimeSpan.FromSeconds(1), tieStart: 5, tieCount: 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChangeTimeline(10, TimeSpan.Zero));
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
