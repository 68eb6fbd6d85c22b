using System;
using System.Globalization;
using System.Linq;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.HelpScout;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>Get-HelpScoutCustomer -Email and the filtered listing.</summary>
public sealed class HelpScoutFindTests : ModuleTest
{
    public HelpScoutFindTests(SimulatorFixture fixture)
        : base(fixture)
    {
        ConnectHelpScout();
        Sim.ClearRequests();
    }

    [Fact]
    public void Email_keeps_exact_matches_only_and_drops_the_contains_match()
    {
        // Bare list items (the lever): each match is fetched, so the near miss is fetched and dropped.
        Sim.HelpScout.ListItemsEmbedded(false);

        var result = Ps.Run("Get-HelpScoutCustomer -Email 'LENA@Tidewater.Example'");

        Assert.Null(result.Fatal);
        Assert.Empty(result.Errors);
        Assert.Equal(HelpScoutFixtures.FullId, Assert.Single(result.Objects<HelpScoutCustomer>()).Id);
        var search = Assert.Single(Sim.Requests(), r => r.RawPath == "/v2/customers");
        Assert.Equal("(email:\"LENA@Tidewater.Example\")", search.Query["query"]);
        Assert.Equal(2, Sim.RequestsTo("/v2/customers/").Count);
    }

    [Fact]
    public void Email_uses_embedded_entries_when_the_list_has_them()
    {
        var result = Ps.Run("Get-HelpScoutCustomer -Email 'lena@tidewater.example'");

        Assert.Equal(HelpScoutFixtures.FullId, Assert.Single(result.Objects<HelpScoutCustomer>()).Id);
        Assert.Empty(Sim.RequestsTo("/v2/customers/"));
    }

    [Fact]
    public void An_email_nobody_has_exactly_is_CustomerNotFound_for_that_email()
    {
        var result = Ps.Run("Get-HelpScoutCustomer -Email 'ena@tidewater.example', 'ana@lima.example'");

        Assert.Equal(HelpScoutFixtures.DashedId, Assert.Single(result.Objects<HelpScoutCustomer>()).Id);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("CustomerNotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal("ena@tidewater.example", error.TargetObject);
        Assert.Contains("2 whose email only contains it", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_raw_query_reaches_the_service_as_given()
    {
        var result = Ps.Run("Get-HelpScoutCustomer -Query '(firstName:\"Ana\")'");

        Assert.Equal(HelpScoutFixtures.DashedId, Assert.Single(result.Objects<HelpScoutCustomer>()).Id);
        Assert.Equal("(firstName:\"Ana\")", Sim.RequestsTo("/v2/customers").First().Query["query"]);
    }

    [Fact]
    public void Name_and_mailbox_filters_are_sent_as_query_parameters()
    {
        var result = Ps.Run($"Get-HelpScoutCustomer -FirstName Lena -LastName Okonkwo -Mailbox {HelpScoutStore.MainMailbox}");

        Assert.Equal(HelpScoutFixtures.FullId, Assert.Single(result.Objects<HelpScoutCustomer>()).Id);
        var list = Sim.Requests().First();
        Assert.Equal(("Lena", "Okonkwo", "101", "1"), (list.Query["firstName"], list.Query["lastName"], list.Query["mailbox"], list.Query["page"]));
    }

    [Fact]
    public void ModifiedSince_with_an_offset_is_sent_in_UTC_to_the_second()
    {
        var result = Ps.Run("Get-HelpScoutCustomer -ModifiedSince '2025-03-01T10:00:00.750+02:00' -All");

        Assert.Null(result.Fatal);
        Assert.Equal("2025-03-01T08:00:00Z", Sim.Requests().First().Query["modifiedSince"]);
        Assert.Equal(new[] { HelpScoutFixtures.NearMissId }, result.Objects<HelpScoutCustomer>().Select(c => c.Id).ToArray());
    }

    [Fact]
    public void ModifiedSince_takes_a_local_time_and_a_DateTimeOffset()
    {
        var local = new DateTime(2025, 3, 1, 10, 0, 0, DateTimeKind.Local);
        var offset = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.FromHours(-5));
        Ps.Run("Get-HelpScoutCustomer -ModifiedSince $local; Get-HelpScoutCustomer -ModifiedSince $offset", ("local", local), ("offset", offset));

        var sent = Sim.Requests().Where(r => r.Query.ContainsKey("modifiedSince")).Select(r => r.Query["modifiedSince"]).ToArray();
        Assert.Equal(new[] { local.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), "2025-03-01T15:00:00Z" }, sent);
    }

    [Fact]
    public void All_pages_lazily_and_fetches_full_records_the_list_leaves_out_in_order()
    {
        Sim.HelpScout.ListItemsEmbedded(false);
        Sim.HelpScout.Generate(120);

        var result = Ps.Run("Get-HelpScoutCustomer -All");

        long[] expected = new[] { HelpScoutFixtures.FullId, HelpScoutFixtures.SparseId, HelpScoutFixtures.DashedId, HelpScoutFixtures.NearMissId }
            .Concat(Enumerable.Range(0, 120).Select(HelpScoutFixtures.GeneratedId)).ToArray();
        Assert.Equal(expected, result.Objects<HelpScoutCustomer>().Select(c => c.Id).ToArray());
        Assert.Equal(new[] { "1", "2", "3" }, Sim.Requests().Where(r => r.RawPath == "/v2/customers").Select(r => r.Query["page"]).ToArray());
        Assert.Equal(124, Sim.RequestsTo("/v2/customers/").Count);
        Assert.Equal("hs7@example.test", result.Objects<HelpScoutCustomer>()[11].Email);
    }

    [Theory]
    [InlineData("-First 5", 0, 5, 1)]
    [InlineData("-Skip 60 -First 3", 60, 3, 1)]
    [InlineData("-Skip 48 -First 4", 48, 4, 2)]
    public void First_and_Skip_fetch_only_the_pages_and_records_they_need(string paging, int skip, int count, int pageRequests)
    {
        Sim.HelpScout.ListItemsEmbedded(false);
        Sim.HelpScout.Generate(120);

        var result = Ps.Run($"Get-HelpScoutCustomer -All {paging}");

        long[] all = new[] { HelpScoutFixtures.FullId, HelpScoutFixtures.SparseId, HelpScoutFixtures.DashedId, HelpScoutFixtures.NearMissId }
            .Concat(Enumerable.Range(0, 120).Select(HelpScoutFixtures.GeneratedId)).ToArray();
        Assert.Equal(all.Skip(skip).Take(count).ToArray(), result.Objects<HelpScoutCustomer>().Select(c => c.Id).ToArray());
        Assert.Equal(pageRequests, Sim.Requests().Count(r => r.RawPath == "/v2/customers"));
        Assert.Equal(count, Sim.RequestsTo("/v2/customers/").Count);
    }

    [Fact]
    public void An_empty_result_ends_quietly()
    {
        var result = Ps.Run("Get-HelpScoutCustomer -FirstName Nobody");

        Assert.Null(result.Fatal);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Listing_without_a_filter_needs_All()
    {
        var result = Ps.Run("Get-HelpScoutCustomer -All:$false");

        Assert.StartsWith("FilterOrAllRequired,", result.Fatal!.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(Sim.Requests());
    }
}
