using System;
using System.Linq;
using System.Management.Automation;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.Kustomer;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>Get-KustomerCustomer -Email/-Phone/-ExternalId: values reach the service intact, as one path segment.</summary>
public sealed class KustomerFindTests : ModuleTest
{
    public KustomerFindTests(SimulatorFixture fixture)
        : base(fixture)
    {
        ConnectKustomer();
    }

    [Theory]
    [InlineData("email", "Email", "ann+vip@northwind.example")]
    [InlineData("email", "Email", "o'brien.ünïcode@例え.jp")]
    [InlineData("phone", "Phone", "+14155550123")]
    [InlineData("externalId", "ExternalId", "acct 7/3?x#y%z&q=1")]
    [InlineData("externalId", "ExternalId", "../../v1/orgs")]
    [InlineData("externalId", "ExternalId", "%2F%2e%2e")]
    public void A_lookup_value_arrives_decoded_as_given_and_never_changes_the_path(string field, string parameter, string value)
    {
        string id = "0123456789abcdef01234567";
        Sim.Kustomer.Add(
            "{\"type\":\"customer\",\"id\":\"" + id + "\",\"attributes\":{\"emails\":[{\"email\":" + Json(field == "email" ? value : "x@y.example")
            + "}],\"phones\":[{\"phone\":" + Json(field == "phone" ? value : "+1000") + "}],\"externalId\":" + Json(field == "externalId" ? value : "e") + "}}");

        var result = Ps.Run($"Get-KustomerCustomer -{parameter} $value", ("value", value));

        Assert.Null(result.Fatal);
        Assert.Empty(result.Errors);
        Assert.Equal(id, Assert.Single(result.Objects<KustomerCustomer>()).Id);
        var request = Assert.Single(Sim.Requests());
        Assert.Equal(field, request.LookupField);
        Assert.Equal(value, request.LookupValue);
        Assert.StartsWith($"/v1/customers/{field}=", request.RawPath, StringComparison.Ordinal);
        Assert.Equal(3, request.RawPath.Count(c => c == '/'));
        Assert.Empty(request.Query);
    }

    [Fact]
    public void A_plus_sign_is_encoded_so_a_phone_never_arrives_with_a_space()
    {
        Ps.Run("Get-KustomerCustomer -Phone '+442071838750'");

        Assert.Equal("/v1/customers/phone=%2B442071838750", Sim.Requests().Single().RawPath);
    }

    [Fact]
    public void Emails_bind_by_property_name_and_alias_and_keep_input_order()
    {
        var result = Ps.Run("""
            [pscustomobject]@{ Email = 'ann@sparse.example' }, [pscustomobject]@{ EmailAddress = 'priya@northwind.example' } | Get-KustomerCustomer
            [pscustomobject]@{ Phone = '+442071838750' }, [pscustomobject]@{ ExternalId = 'acct-20931' } | Get-KustomerCustomer
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(new[] { KustomerFixtures.SparseId, KustomerFixtures.FullId, KustomerFixtures.FullId, KustomerFixtures.FullId }, result.Objects<KustomerCustomer>().Select(c => c.Id).ToArray());
    }

    [Fact]
    public void Several_customers_sharing_a_value_all_come_out()
    {
        Sim.Kustomer.Add("""{"type":"customer","id":"0123456789abcdef01234567","attributes":{"emails":[{"email":"priya@northwind.example"}]}}""");

        var result = Ps.Run("Get-KustomerCustomer -Email priya@northwind.example");

        Assert.Equal(new[] { KustomerFixtures.FullId, "0123456789abcdef01234567" }, result.Objects<KustomerCustomer>().Select(c => c.Id).ToArray());
    }

    [Theory]
    [InlineData("Email", "no-at-sign", "InvalidEmail")]
    [InlineData("Email", "", "InvalidEmail")]
    [InlineData("Email", "a@b.example\r\nX-Injected: 1", "InvalidEmail")]
    [InlineData("Email", "@example.com", "InvalidEmail")]
    [InlineData("Email", "spaced out@example.com", "InvalidEmail")]
    [InlineData("Phone", "call me", "InvalidPhone")]
    [InlineData("Phone", "+1415\u00005550123", "InvalidPhone")]
    [InlineData("Phone", "", "InvalidPhone")]
    [InlineData("ExternalId", "tab\there", "InvalidCustomerId")]
    [InlineData("ExternalId", "   ", "InvalidCustomerId")]
    public void Input_that_cannot_be_valid_is_an_error_record_and_no_request(string parameter, string value, string errorId)
    {
        var result = Ps.Run($"Get-KustomerCustomer -{parameter} $value", ("value", value));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(value, error.TargetObject);
        Assert.Empty(Sim.Requests());
    }

    [Fact]
    public void A_very_long_value_is_refused_before_any_request()
    {
        string longEmail = new string('a', 5000) + "@example.com";
        var result = Ps.Run("Get-KustomerCustomer -Email $value", ("value", longEmail));

        Assert.StartsWith("InvalidEmail,", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('a', 200), result.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.Empty(Sim.Requests());
    }

    [Fact]
    public void An_unknown_email_is_CustomerNotFound_for_that_email()
    {
        var result = Ps.Run("Get-KustomerCustomer -Email 'nobody@nowhere.example', 'priya@northwind.example'");

        Assert.Single(result.Objects<KustomerCustomer>());
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("CustomerNotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal("nobody@nowhere.example", error.TargetObject);
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
