using System;
using System.Linq;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.HelpScout;
using CustomerTools.Kustomer;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>
/// Piping one service's customers into the other's Get cmdlet looks them up by email: one
/// service's id never reaches the other.
/// </summary>
public sealed class CrossServiceTests : ModuleTest
{
    private const string KustomerTwinId = "0123456789abcdef01234567";

    public CrossServiceTests(SimulatorFixture fixture)
        : base(fixture)
    {
        ConnectKustomer();
        ConnectHelpScout();
        Sim.Kustomer.Add("""{"type":"customer","id":"0123456789abcdef01234567","attributes":{"name":"Lena Okonkwo","emails":[{"email":"lena@tidewater.example"}]}}""");
        Sim.HelpScout.Add("""{"id": 4150299, "firstName": "Priya", "lastName": "Raman", "_embedded": {"emails": [{"id": 1, "value": "priya@northwind.example"}]}}""");
        Sim.ClearRequests();
    }

    [Fact]
    public void HelpScout_customers_piped_to_Kustomer_are_looked_up_by_email()
    {
        var result = Ps.Run("Get-HelpScoutCustomer -Email 'lena@tidewater.example' | Get-KustomerCustomer");

        Assert.Empty(result.Errors);
        Assert.Equal(KustomerTwinId, Assert.Single(result.Objects<KustomerCustomer>()).Id);
        var kustomer = Assert.Single(Sim.RequestsTo("/v1/"));
        Assert.Equal("/v1/customers/email=lena%40tidewater.example", kustomer.RawPath);
        Assert.DoesNotContain(Sim.Requests(), r => r.RawPath.Contains(HelpScoutFixtures.FullId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) && r.RawPath.StartsWith("/v1/", StringComparison.Ordinal));
    }

    [Fact]
    public void Kustomer_customers_piped_to_HelpScout_are_looked_up_by_email()
    {
        var result = Ps.Run($"Get-KustomerCustomer -Id {KustomerFixtures.FullId} | Get-HelpScoutCustomer");

        Assert.Empty(result.Errors);
        Assert.Equal(4150299, Assert.Single(result.Objects<HelpScoutCustomer>()).Id);
        Assert.Equal("(email:\"priya@northwind.example\")", Sim.RequestsTo("/v2/customers").First().Query["query"]);
        Assert.DoesNotContain(Sim.Requests(), r => r.RawPath.Contains(KustomerFixtures.FullId, StringComparison.Ordinal) && r.RawPath.StartsWith("/v2/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_customer_without_an_email_is_an_InvalidEmail_error_and_sends_nothing()
    {
        var result = Ps.Run($"Get-HelpScoutCustomer -Id {HelpScoutFixtures.SparseId} | Get-KustomerCustomer");

        Assert.StartsWith("InvalidEmail,", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(Sim.RequestsTo("/v1/"));
    }

    [Fact]
    public void Customers_of_the_same_service_still_bind_by_id()
    {
        var result = Ps.Run($"Get-KustomerCustomer -Id {KustomerFixtures.FullId} | Get-KustomerCustomer; Get-HelpScoutCustomer -Id {HelpScoutFixtures.FullId} | Get-HelpScoutCustomer");

        Assert.Equal(KustomerFixtures.FullId, Assert.Single(result.Objects<KustomerCustomer>()).Id);
        Assert.Equal(HelpScoutFixtures.FullId, Assert.Single(result.Objects<HelpScoutCustomer>()).Id);
        Assert.Equal(2, Sim.RequestsTo($"/v1/customers/{KustomerFixtures.FullId}").Count);
        Assert.Equal(2, Sim.RequestsTo($"/v2/customers/{HelpScoutFixtures.FullId}").Count);
    }
}
