using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.ApiSimulator.Kustomer;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>What users meet first: views, type extensions, ToString, tab completion.</summary>
public sealed class PresentationTests : ModuleTest
{
    public PresentationTests(SimulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public void Every_output_type_has_a_table_and_a_list_view()
    {
        string path = Path.Combine(ModuleLocation.ModuleFolder, "CustomerTools.Format.ps1xml");
        _ = new FormatTable(new[] { path });
        var views = System.Xml.Linq.XDocument.Load(path).Descendants("View")
            .Select(v => (Type: v.Element("ViewSelectedBy")!.Element("TypeName")!.Value, Kind: v.Elements().Last().Name.LocalName))
            .ToArray();

        foreach (string type in new[]
        {
            "CustomerTools.Kustomer.KustomerCustomer", "CustomerTools.HelpScout.HelpScoutCustomer",
            "CustomerTools.Kustomer.KustomerConnection", "CustomerTools.HelpScout.HelpScoutConnection",
        })
        {
            Assert.Contains((type, "TableControl"), views);
            Assert.Contains((type, "ListControl"), views);
        }
    }

    [Fact]
    public void The_customer_tables_show_Id_Name_Email_UpdatedAt()
    {
        var doc = System.Xml.Linq.XDocument.Load(Path.Combine(ModuleLocation.ModuleFolder, "CustomerTools.Format.ps1xml"));
        foreach (var table in doc.Descendants("View").Where(v => v.Element("TableControl") is not null && v.Element("Name")!.Value.EndsWith("Customer", StringComparison.Ordinal)))
        {
            Assert.Equal(new[] { "Id", "Name", "Email", "UpdatedAt" }, table.Descendants("PropertyName").Select(p => p.Value).ToArray());
        }
    }

    [Fact]
    public void Help_Scout_customers_answer_to_Notes_as_the_UI_calls_Background()
    {
        ConnectHelpScout();

        var result = Ps.Run($"(Get-HelpScoutCustomer -Id {HelpScoutFixtures.FullId}).Notes");

        Assert.Equal("Prefers email.", result.Output.Single().BaseObject);
    }

    [Fact]
    public void Objects_read_well_as_text()
    {
        ConnectKustomer();
        ConnectHelpScout();

        var result = Ps.Run($"\"$(Get-KustomerCustomer -Id {KustomerFixtures.FullId})\"; \"$(Get-HelpScoutCustomer -Id {HelpScoutFixtures.FullId})\"; \"$((Get-HelpScoutCustomer -Id {HelpScoutFixtures.FullId}).Emails)\"; (Get-KustomerCustomer -Id {KustomerFixtures.FullId}).Emails.ToString()");

        Assert.Equal(new object[]
        {
            "Priya Raman <priya@northwind.example> (64b7f0c2e4a1d3b5c6a7e8f9)",
            "Lena Okonkwo <lena@tidewater.example> (4150271)",
            "lena@tidewater.example lena.o@mail.example",
            "priya@northwind.example",
        }, result.Output.Select(o => o.BaseObject).ToArray());
    }

    [Theory]
    [InlineData("Connect-Kustomer -Region ", new[] { "EU", "IN", "US" })]
    [InlineData("Connect-Kustomer -Region e", new[] { "EU" })]
    [InlineData("Get-KustomerCustomer -Ext", new[] { "-ExternalId" })]
    [InlineData("Get-HelpScoutCustomer -Mod", new[] { "-ModifiedSince" })]
    public void Tab_completion_offers_the_known_values(string line, string[] expected)
    {
        var result = Ps.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText", ("line", line));

        Assert.Equal(expected, result.Output.Select(o => (string)o.BaseObject).ToArray());
    }
}
