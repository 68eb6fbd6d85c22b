using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.ApiSimulator.Kustomer;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>
/// Our objects in the cmdlets users pipe them into, in the session users have (every built-in
/// cmdlet): Export-Csv and ConvertTo-Json shapes, and Select-Object -First ending a command early.
/// </summary>
public sealed class PipelineCmdletTests : ModuleTest
{
    private const string TwoOfEach = "64b7f0c2e4a1d3b5c6a7e9aa";

    public PipelineCmdletTests(SimulatorFixture fixture)
        : base(fixture, allCmdlets: true)
    {
        ConnectKustomer();
        ConnectHelpScout();
        Sim.ClearRequests();
    }

    [Fact]
    public void Export_Csv_of_Kustomer_customers_has_the_contract_columns_as_readable_text()
    {
        using var folder = new TestFolder();
        Sim.Kustomer.Add($$$"""
            {"type":"customer","id":"{{{TwoOfEach}}}","attributes":{"name":"Ravi Menon","updatedAt":"2025-03-04T05:06:07.000Z",
             "emails":[{"email":"ravi@contoso.example","type":"work"},{"email":"ravi.m@mail.example","type":"home"}],
             "phones":[{"phone":"+14155550100"},{"phone":"+14155550199"}],
             "externalIds":[{"externalId":"crm-1"},{"externalId":"crm-2"}]}}
            """);
        string csv = folder.File("kustomer.csv");

        var result = Ps.Run("$ids | Get-KustomerCustomer | Export-Csv $csv -NoTypeInformation; Import-Csv $csv", ("ids", new[] { TwoOfEach, KustomerFixtures.FullId }), ("csv", csv));

        Assert.True(result.Fatal is null && result.Errors.Count == 0, result.AllText());
        string[] header = File.ReadLines(csv).First().Split(',').Select(c => c.Trim('"')).ToArray();
        Assert.Empty(new[]
        {
            "Id", "Name", "DisplayName", "Email", "Emails", "Phone", "Phones", "ExternalId", "ExternalIds", "Tags", "Locale", "TimeZone",
            "Gender", "AvatarUrl", "Username", "Verified", "CreatedAt", "UpdatedAt", "ModifiedAt", "SignedUpAt", "LastSeenAt",
            "LastActivityAt", "ConversationCounts", "Sentiment", "Custom", "Rev",
        }.Except(header));
        PSObject[] rows = result.Output.ToArray();
        Assert.Equal(new[] { TwoOfEach, KustomerFixtures.FullId }, rows.Select(r => Cell(r, "Id")).ToArray());
        Assert.Equal("ravi@contoso.example", Cell(rows[0], "Email"));
        Assert.Equal("ravi@contoso.example; ravi.m@mail.example", Cell(rows[0], "Emails"));
        Assert.Equal("+14155550100; +14155550199", Cell(rows[0], "Phones"));
        Assert.Equal("crm-1; crm-2", Cell(rows[0], "ExternalIds"));
        Assert.Equal(DateTimeOffset.Parse("2025-03-04T05:06:07Z", CultureInfo.InvariantCulture), DateTimeOffset.Parse(Cell(rows[0], "UpdatedAt"), CultureInfo.CurrentCulture));
        // Tags (string[] by contract) is the one column Export-Csv writes as a type name: see the report.
        Assert.Empty(rows.SelectMany(r => r.Properties).Where(p => p.Name != "Tags" && ((string)p.Value).StartsWith("System.", StringComparison.Ordinal) | ((string)p.Value).StartsWith("CustomerTools.", StringComparison.Ordinal)).Select(p => $"{p.Name}: {p.Value}"));
    }

    [Fact]
    public void Export_Csv_of_a_Help_Scout_customer_has_readable_text_columns()
    {
        using var folder = new TestFolder();
        string csv = folder.File("helpscout.csv");

        var result = Ps.Run("Get-HelpScoutCustomer -Id $id | Export-Csv $csv -NoTypeInformation; Import-Csv $csv", ("id", HelpScoutFixtures.FullId), ("csv", csv));

        Assert.True(result.Fatal is null && result.Errors.Count == 0, result.AllText());
        PSObject row = Assert.Single(result.Output);
        Assert.Equal(HelpScoutFixtures.FullId.ToString(CultureInfo.InvariantCulture), Cell(row, "Id"));
        Assert.Equal("Lena Okonkwo", Cell(row, "Name"));
        Assert.Equal("lena@tidewater.example; lena.o@mail.example", Cell(row, "Emails"));
        Assert.Equal("Tidewater Labs", Cell(row, "Organization"));
        Assert.Empty(row.Properties.Where(p => ((string)p.Value).StartsWith("System.", StringComparison.Ordinal) || ((string)p.Value).StartsWith("CustomerTools.", StringComparison.Ordinal)).Select(p => $"{p.Name}: {p.Value}"));
    }

    [Theory]
    [InlineData("Get-KustomerCustomer -Id " + KustomerFixtures.FullId, "Email", "priya@northwind.example", "2025-05-02T16:45:12.001+00:00")]
    [InlineData("Get-HelpScoutCustomer -Id 4150271", "Value", "lena@tidewater.example", "2025-02-11T17:04:58+00:00")]
    public void ConvertTo_Json_gives_plain_values_that_read_back(string command, string emailProperty, string email, string updatedAt)
    {
        var result = Ps.Run($"$json = {command} | ConvertTo-Json -Depth 6; $json; $json | ConvertFrom-Json -DateKind String");

        Assert.True(result.Fatal is null && result.Errors.Count == 0, result.AllText());
        string json = (string)result.Output[0].BaseObject;
        Assert.DoesNotContain("ValueKind", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"System.", json, StringComparison.Ordinal);
        PSObject back = result.Output[1];
        Assert.Equal(email, back.Properties["Email"].Value);
        Assert.Equal(updatedAt, back.Properties["UpdatedAt"].Value);
        var emails = (object[])back.Properties["Emails"].Value;
        Assert.Equal(email, ((PSObject)emails[0]).Properties[emailProperty].Value);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(25, 3)]
    public void Select_Object_First_ends_a_listing_after_the_pages_it_needs(int first, int pagesNeeded)
    {
        Sim.Kustomer.Generate(250);

        var result = Ps.Run($"Get-KustomerCustomer -All -PageSize 10 | Select-Object -First {first}");
        Sim.WaitUntilQuiet(); // a page fetched ahead is recorded by now

        Assert.True(result.Fatal is null && result.Errors.Count == 0, result.AllText());
        string[] expected = new[] { KustomerFixtures.FullId, KustomerFixtures.SparseId }.Concat(Enumerable.Range(0, 250).Select(KustomerFixtures.GeneratedId)).Take(first).ToArray();
        Assert.Equal(expected, result.Objects<Kustomer.KustomerCustomer>().Select(c => c.Id).ToArray());
        // The listing reads one page ahead while it writes the current one: that one at most, of 26.
        var pages = Sim.RequestsTo("/v1/customers").Select(r => int.Parse(r.Query["page"], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(Enumerable.Range(1, pages.Length).ToArray(), pages);
        Assert.InRange(pages.Length, pagesNeeded, pagesNeeded + 1);
    }

    [Fact]
    public void Select_Object_First_ends_a_lookup_of_many_ids_within_the_throttle_window()
    {
        Sim.Kustomer.Generate(100);
        Sim.Latency(TimeSpan.FromMilliseconds(20));
        string[] ids = Enumerable.Range(0, 100).Select(KustomerFixtures.GeneratedId).ToArray();

        var result = Ps.Run("$ids | Get-KustomerCustomer -ThrottleLimit 4 | Select-Object -First 2", ("ids", ids));
        Sim.WaitUntilQuiet();

        Assert.True(result.Fatal is null && result.Errors.Count == 0, result.AllText());
        Assert.Equal(ids.Take(2).ToArray(), result.Objects<Kustomer.KustomerCustomer>().Select(c => c.Id).ToArray());
        // The two written, plus at most a full window of 4 already sent when the pipeline stopped.
        Assert.InRange(Sim.RequestsTo("/v1/customers/").Count, 2, 2 + 4);
    }

    private static string Cell(PSObject row, string column) => (string)row.Properties[column].Value;
}
