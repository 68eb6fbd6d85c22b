using System;
using System.Linq;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.HelpScout;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>Get-HelpScoutCustomer -ModifiedSince: oldest change first, each customer once even when pages shift.</summary>
public sealed class HelpScoutChangesTests : ModuleTest
{
    private const int Account = 400;
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);
    private readonly ChangeTimeline _timeline = new(Account, Step);

    public HelpScoutChangesTests(SimulatorFixture fixture)
        : base(fixture)
    {
        Sim.HelpScout.Clear();
        Sim.HelpScout.UseTimeline(_timeline);
        ConnectHelpScout();
        Sim.ClearRequests();
    }

    [Theory]
    [InlineData("-ModifiedSince")]
    [InlineData("-UpdatedSince")]
    public void ModifiedSince_lists_the_changed_customers_oldest_change_first(string parameter)
    {
        DateTimeOffset since = ChangeTimeline.DefaultOrigin + (Step * (Account - 120));
        long[] expected = _timeline.IndicesChangedSince(since).Select(HelpScoutFixtures.GeneratedId).ToArray();

        var result = Ps.Run($"Get-HelpScoutCustomer {parameter} $since", ("since", since));

        Assert.True(result.Errors.Count == 0 && result.Fatal is null, result.AllText());
        Assert.Equal(expected, result.Objects<HelpScoutCustomer>().Select(c => c.Id).ToArray());
        var first = Sim.Requests().First(r => r.RawPath == "/v2/customers");
        Assert.Equal("modifiedAt", first.Query["sortField"]);
        Assert.Equal("asc", first.Query["sortOrder"]);
        Assert.Equal(since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), first.Query["modifiedSince"]);
    }

    [Fact]
    public void A_listing_without_ModifiedSince_keeps_the_services_own_order()
    {
        Ps.Run("Get-HelpScoutCustomer -All -First 1 | Out-Null");

        var request = Assert.Single(Sim.Requests(), r => r.RawPath == "/v2/customers");
        Assert.False(request.Query.ContainsKey("sortField"));
        Assert.False(request.Query.ContainsKey("sortOrder"));
    }

    [Fact]
    public void Pages_that_shift_while_listed_write_no_customer_twice()
    {
        DateTimeOffset since = ChangeTimeline.DefaultOrigin + (Step * (Account - 200));
        long[] expected = _timeline.IndicesChangedSince(since).Select(HelpScoutFixtures.GeneratedId).ToArray();
        Sim.HelpScout.ListShift(afterPages: 1, insert: 2);

        var result = Ps.Run("Get-HelpScoutCustomer -ModifiedSince $since", ("since", since));

        Assert.True(result.Errors.Count == 0 && result.Fatal is null, result.AllText());
        Assert.True(Sim.HelpScout.Shifts().ListShiftFired);
        Assert.Equal(expected, result.Objects<HelpScoutCustomer>().Select(c => c.Id).ToArray());
    }
}
