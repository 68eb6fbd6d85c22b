using System;
using System.Linq;
using System.Management.Automation;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.Kustomer;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>Get-KustomerCustomer -Id end to end: mapping, pipeline binding, errors, streams, secrets.</summary>
public sealed class KustomerCustomerTests : ModuleTest
{
    private const string Full = KustomerFixtures.FullId;
    private const string Sparse = KustomerFixtures.SparseId;
    private const string Missing = "64b7f0c2e4a1d3b5c6a7e8aa";

    public KustomerCustomerTests(SimulatorFixture fixture)
        : base(fixture)
    {
        ConnectKustomer();
    }

    [Fact]
    public void Full_fixture_maps_every_contract_property()
    {
        var c = Assert.Single(Ps.Run($"Get-KustomerCustomer -Id {Full}").Objects<KustomerCustomer>());

        Assert.Equal(Full, c.Id);
        Assert.Equal("Priya Raman", c.Name);
        Assert.Equal("Priya Raman", c.DisplayName);
        Assert.Equal("priya@northwind.example", c.Email);
        var email = Assert.Single(c.Emails);
        Assert.Equal(("priya@northwind.example", "work", true), (email.Email, email.Type, email.Verified));
        Assert.Equal("+442071838750", c.Phone);
        var phone = Assert.Single(c.Phones);
        Assert.Equal(("+442071838750", "mobile", false), (phone.Phone, phone.Type, phone.Verified));
        Assert.Equal("acct-20931", c.ExternalId);
        var externalId = Assert.Single(c.ExternalIds);
        Assert.Equal(("acct-20931", true), (externalId.ExternalId, externalId.Verified));
        Assert.Equal(new[] { "5f0c1a2b3c4d5e6f7a8b9c0d" }, c.Tags);
        Assert.Equal("en_GB", c.Locale);
        Assert.Equal("Europe/London", c.TimeZone);
        Assert.Null(c.Gender);
        Assert.Null(c.AvatarUrl);
        Assert.Null(c.Username);
        Assert.True(c.Verified);
        Assert.Equal(new DateTimeOffset(2023, 2, 14, 10, 20, 30, 456, TimeSpan.Zero), c.CreatedAt);
        Assert.Equal(new DateTimeOffset(2025, 5, 2, 16, 45, 12, 1, TimeSpan.Zero), c.UpdatedAt);
        Assert.Equal(new DateTimeOffset(2025, 5, 2, 16, 45, 12, 1, TimeSpan.Zero), c.ModifiedAt);
        Assert.Equal(new DateTimeOffset(2023, 2, 14, 10, 20, 30, 456, TimeSpan.Zero), c.SignedUpAt);
        Assert.Equal(new DateTimeOffset(2025, 5, 1, 8, 0, 0, TimeSpan.Zero), c.LastSeenAt);
        Assert.Equal(new DateTimeOffset(2025, 5, 2, 16, 45, 11, 870, TimeSpan.Zero), c.LastActivityAt);
        Assert.Equal(new DateTimeOffset(2025, 5, 1, 8, 2, 44, 120, TimeSpan.Zero), c.LastCustomerActivityAt);
        Assert.Null(c.BirthdayAt);
        Assert.Equal((9, 1, 0, 8), (c.ConversationCounts!.All, c.ConversationCounts.Open, c.ConversationCounts.Snoozed, c.ConversationCounts.Done));
        Assert.Equal((1.0, 0.66), (c.Sentiment!.Polarity, c.Sentiment.Confidence));
        Assert.Equal("offline", c.Presence);
        Assert.Equal("open", c.ProgressiveStatus);
        Assert.Equal(12, c.Rev);
    }

    [Fact]
    public void Custom_attributes_are_plain_values_reachable_by_name()
    {
        var result = Ps.Run($"$c = Get-KustomerCustomer -Id {Full}; $c.Custom.tierStr; $c.Custom.seatsNum; $c.Custom.vipBool; $c.Custom.renewalAt -eq $null; $c.Custom.contractAt; $c.Custom.scoreNum");

        Assert.Null(result.Fatal);
        Assert.Equal(new object[] { "gold", 40L, true, true, new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero), 4.5 }, result.Output.Select(o => o.BaseObject).ToArray());
        var custom = Assert.Single(Ps.Run($"Get-KustomerCustomer -Id {Full}").Objects<KustomerCustomer>()).Custom;
        Assert.Equal(new[] { "tierStr", "seatsNum", "renewalAt", "vipBool", "contractAt", "scoreNum" }, custom.Properties.Select(p => p.Name).ToArray());
        Assert.DoesNotContain(custom.Properties, p => p.Value?.GetType().Namespace?.StartsWith("System.Text.Json", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Sparse_fixture_gives_empty_collections_nulls_and_string_flags_as_booleans()
    {
        var c = Assert.Single(Ps.Run($"Get-KustomerCustomer -Id {Sparse}").Objects<KustomerCustomer>());

        Assert.Equal(Sparse, c.Id);
        Assert.Null(c.Name);
        Assert.Equal("ann", c.DisplayName);
        Assert.Equal("ann@sparse.example", c.Email);
        Assert.True(Assert.Single(c.Emails).Verified);
        Assert.Null(c.Emails[0].Type);
        Assert.Empty(c.Phones);
        Assert.Null(c.Phone);
        Assert.Empty(c.ExternalIds);
        Assert.Null(c.ExternalId);
        Assert.Empty(c.Tags);
        Assert.False(c.Verified);
        Assert.Equal(1, c.Rev);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero), c.CreatedAt);
        Assert.Null(c.UpdatedAt);
        Assert.Null(c.LastSeenAt);
        Assert.Null(c.ConversationCounts);
        Assert.Null(c.Sentiment);
        Assert.Empty(c.Custom.Properties);
    }

    [Fact]
    public void Output_carries_its_type_name_for_views()
    {
        var result = Ps.Run($"(Get-KustomerCustomer -Id {Full}).PSObject.TypeNames[0]");
        Assert.Equal("CustomerTools.Kustomer.KustomerCustomer", result.Output.Single().BaseObject);
    }

    [Fact]
    public void Ids_bind_from_the_pipeline_by_value_by_property_name_and_by_alias()
    {
        var result = Ps.Run($$"""
            '{{Full}}' | Get-KustomerCustomer
            [pscustomobject]@{ Id = '{{Sparse}}' } | Get-KustomerCustomer
            [pscustomobject]@{ CustomerId = '{{Full}}' } | Get-KustomerCustomer
            Get-KustomerCustomer '{{Sparse}}'
            """);

        Assert.Null(result.Fatal);
        Assert.Empty(result.Errors);
        Assert.Equal(new[] { Full, Sparse, Full, Sparse }, result.Objects<KustomerCustomer>().Select(c => c.Id).ToArray());
    }

    [Fact]
    public void A_404_in_the_middle_is_one_error_and_the_rest_comes_out_in_order()
    {
        var result = Ps.Run($"'{Full}', '{Missing}', '{Sparse}' | Get-KustomerCustomer");

        Assert.Null(result.Fatal);
        Assert.Equal(new[] { Full, Sparse }, result.Objects<KustomerCustomer>().Select(c => c.Id).ToArray());
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("CustomerNotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(Missing, error.TargetObject);
        Assert.Contains("Not Found", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains(Missing, error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_come_out_in_input_order_between_the_objects()
    {
        var result = Ps.Run($"'{Full}', '{Missing}', '{Sparse}' | Get-KustomerCustomer 2>&1 | ForEach-Object {{ if ($_ -is [System.Management.Automation.ErrorRecord]) {{ 'error:' + $_.TargetObject }} else {{ $_.Id }} }}");

        Assert.Equal(new object[] { Full, "error:" + Missing, Sparse }, result.Output.Select(o => o.BaseObject).ToArray());
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("64b7f0c2e4a1d3b5c6a7e8f")]
    [InlineData("64b7f0c2e4a1d3b5c6a7e8f9\n")]
    [InlineData("../64b7f0c2e4a1d3b5c6a7e8")]
    [InlineData("")]
    public void Bad_ids_are_InvalidCustomerId_and_never_reach_the_service(string badId)
    {
        var result = Ps.Run($"$ids | Get-KustomerCustomer", ("ids", new[] { Full, badId, Sparse }));

        Assert.Equal(new[] { Full, Sparse }, result.Objects<KustomerCustomer>().Select(c => c.Id).ToArray());
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("InvalidCustomerId,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(badId, error.TargetObject);
        Assert.Equal(2, Sim.RequestsTo("/v1/customers/").Count);
    }

    [Fact]
    public void A_401_stops_the_pipeline_with_AuthenticationFailed_and_the_service_title()
    {
        ConnectKustomer("expired-or-wrong-key");

        var result = Ps.Run($"'{Full}', '{Sparse}' | Get-KustomerCustomer | ForEach-Object {{ $_.Id }}; 'not reached'");

        Assert.NotNull(result.Fatal);
        Assert.StartsWith("AuthenticationFailed,", result.Fatal!.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.AuthenticationError, result.Fatal.CategoryInfo.Category);
        Assert.Contains("Expired token", result.Fatal.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("Connect-Kustomer", result.Fatal.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Output, o => (string)o.BaseObject == "not reached");
        Assert.Empty(result.Objects<KustomerCustomer>());
    }

    [Fact]
    public void A_403_stops_the_pipeline_with_AccessDenied()
    {
        ConnectKustomer(KustomerStore.NoRoleKey);

        var result = Ps.Run($"'{Full}', '{Sparse}' | Get-KustomerCustomer");

        Assert.StartsWith("AccessDenied,", result.Fatal!.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.PermissionDenied, result.Fatal.CategoryInfo.Category);
        Assert.Contains("missing org.permission.customer.read", result.Fatal.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void A_body_that_is_not_the_documented_json_is_InvalidResponse_for_that_input_only()
    {
        Sim.Script(new ScriptedAnswer { PathContains = Full, Body = """{"data": {"type": "customer", "id": """ });

        var result = Ps.Run($"'{Full}', '{Sparse}' | Get-KustomerCustomer");

        Assert.Equal(Sparse, Assert.Single(result.Objects<KustomerCustomer>()).Id);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("InvalidResponse,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Equal(Full, error.TargetObject);
    }

    [Fact]
    public void Verbose_shows_method_url_status_and_milliseconds()
    {
        var result = Ps.Run($"Get-KustomerCustomer -Id {Full} -Verbose");

        string line = Assert.Single(result.Verbose, v => v.Contains("/v1/customers/", StringComparison.Ordinal));
        Assert.Matches($@"^GET {Sim.BaseUri}v1/customers/{Full} -> 200 OK \(\d+ ms\)$", line);
    }

    [Fact]
    public void Debug_shows_headers_with_the_authorization_value_redacted()
    {
        var result = Ps.Run($"Get-KustomerCustomer -Id {Full} -Debug");

        string request = Assert.Single(result.Debug, d => d.Contains("request headers", StringComparison.Ordinal));
        Assert.Contains("Authorization: Bearer [redacted]", request, StringComparison.Ordinal);
        Assert.Contains("Accept: application/json", request, StringComparison.Ordinal);
        Assert.Contains(result.Debug, d => d.Contains("response headers", StringComparison.Ordinal) && d.Contains("Content-Type", StringComparison.Ordinal));
        Assert.Equal($"Bearer {KustomerStore.ValidKey}", Sim.Requests().Single().Header("Authorization"));
    }

    [Fact]
    public void The_api_key_appears_in_no_stream_message_or_ToString_even_with_verbose_and_debug()
    {
        Sim.Script(new ScriptedAnswer { PathContains = Sparse, Status = 500, Body = """{"errors":[{"title":"boom"}]}""" });

        var result = Ps.Run($$"""
            $c = Get-KustomerConnection
            $c; $c.ToString()
            '{{Full}}', '{{Missing}}', '{{Sparse}}', 'bad' | Get-KustomerCustomer -Verbose -Debug
            $c | Disconnect-Kustomer -Verbose
            Get-KustomerCustomer -Id {{Full}}
            """);

        Assert.NotEmpty(result.Verbose);
        Assert.NotEmpty(result.Debug);
        Assert.Equal(3, result.Errors.Count);
        Assert.NotNull(result.Fatal);
        Assert.DoesNotContain(KustomerStore.ValidKey, result.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("eyJhbGciOi", result.AllText(), StringComparison.Ordinal);
    }
}
