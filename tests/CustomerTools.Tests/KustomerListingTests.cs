using System;
using System.Linq;
using System.Management.Automation;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.Kustomer;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>Get-KustomerCustomer -All: lazy paging, -First/-Skip, the end of the list, progress.</summary>
public sealed class KustomerListingTests : ModuleTest
{
    public KustomerListingTests(SimulatorFixture fixture)
        : base(fixture)
    {
        ConnectKustomer();
        Sim.Kustomer.Generate(250);
    }

    private string[] AllIds => new[] { KustomerFixtures.FullId, KustomerFixtures.SparseId }
        .Concat(Enumerable.Range(0, 250).Select(KustomerFixtures.GeneratedId)).ToArray();

    [Fact]
    public void All_pages_come_in_order_with_no_duplicates_or_gaps()
    {
        var result = Ps.Run("Get-KustomerCustomer -All");

        Assert.Null(result.Fatal);
        Assert.Equal(AllIds, result.Objects<KustomerCustomer>().Select(c => c.Id).ToArray());
        Assert.Equal(new[] { "1", "2", "3" }, Sim.Requests().Select(r => r.Query["page"]).ToArray());
        Assert.All(Sim.Requests(), r => Assert.Equal("100", r.Query["pageSize"]));
    }

    [Fact]
    public void PageSize_above_the_service_maximum_is_clamped_and_said_so()
    {
        var result = Ps.Run("Get-KustomerCustomer -All -PageSize 500 -First 1 -Verbose");

        Assert.Equal("100", Sim.Requests().Single().Query["pageSize"]);
        Assert.Contains(result.Verbose, v => v.Contains("at most 100", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-First 5", 100, 0, 5, 1)]
    [InlineData("-First 5 -PageSize 2", 2, 0, 5, 3)]
    [InlineData("-Skip 3 -First 2 -PageSize 2", 2, 3, 2, 2)]
    [InlineData("-Skip 250 -First 10", 100, 250, 2, 1)]
    [InlineData("-Skip 100", 100, 100, 152, 2)]
    public void First_and_Skip_fetch_only_the_pages_they_need(string paging, int pageSize, int skip, int count, int pageRequests)
    {
        var result = Ps.Run($"Get-KustomerCustomer -All {paging}");

        Assert.Equal(AllIds.Skip(skip).Take(count).ToArray(), result.Objects<KustomerCustomer>().Select(c => c.Id).ToArray());
        Assert.Equal(pageRequests, Sim.Requests().Count);
        Assert.All(Sim.Requests(), r => Assert.Equal(pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Query["pageSize"]));
    }

    [Fact]
    public void A_listing_that_ends_on_an_empty_page_stops_there()
    {
        Sim.Kustomer.Generate(198);
        Sim.Kustomer.LinkPastLastPage(true);

        var result = Ps.Run("Get-KustomerCustomer -All");

        Assert.Equal(200, result.Objects<KustomerCustomer>().Select(c => c.Id).Distinct().Count());
        Assert.Equal(new[] { "1", "2", "3" }, Sim.Requests().Select(r => r.Query["page"]).ToArray());
    }

    [Fact]
    public void IncludeTotalCount_reports_the_services_total_first()
    {
        var result = Ps.Run("Get-KustomerCustomer -All -IncludeTotalCount -First 2");

        Assert.Equal(252UL, result.Output[0].BaseObject);
        Assert.Equal(2, result.Objects<KustomerCustomer>().Length);
    }

    [Fact]
    public void Progress_counts_records_of_the_total_and_completes_at_the_end()
    {
        var result = Ps.Run("Get-KustomerCustomer -All");

        var records = result.Progress.Where(p => p.Activity == "Listing Kustomer customers").ToArray();
        Assert.Equal(new[] { "100 of 252 customers", "200 of 252 customers", "252 of 252 customers" }, records.Where(p => p.RecordType == ProgressRecordType.Processing).Select(p => p.StatusDescription).ToArray());
        Assert.Equal(ProgressRecordType.Completed, records.Last().RecordType);
    }

    [Fact]
    public void A_page_that_fails_for_good_ends_the_listing_with_an_error_and_completes_progress()
    {
        Sim.Script(new ScriptedAnswer { PathContains = "/v1/customers", ThenServe = true, Times = 1 });
        Sim.Script(new ScriptedAnswer { PathContains = "/v1/customers", Status = 500, Body = """{"errors":[{"title":"Internal failure"}]}""", Times = null });

        var result = Ps.Run("Get-KustomerCustomer -All");

        Assert.Equal(100, result.Objects<KustomerCustomer>().Length);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ServiceError,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("Internal failure", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(ProgressRecordType.Completed, result.Progress.Last().RecordType);
    }

    [Fact]
    public void Progress_completes_when_the_pipeline_is_broken_off_downstream()
    {
        var result = Ps.Run("$n = 0; foreach ($pass in 1) { Get-KustomerCustomer -All -PageSize 10 | ForEach-Object { if (++$n -ge 15) { break } } }; $n");

        Sim.WaitUntilQuiet();
        Assert.Equal(15, result.Output.Single().BaseObject);
        Assert.Equal(ProgressRecordType.Completed, result.Progress.Last().RecordType);
        Assert.InRange(Sim.Requests().Count, 2, 3);
    }
}
