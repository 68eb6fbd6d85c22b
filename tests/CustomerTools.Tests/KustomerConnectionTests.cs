using System;
using System.Linq;
using System.Management.Automation;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.Kustomer;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>Connect-Kustomer, Get-KustomerConnection, Disconnect-Kustomer and NotConnected.</summary>
public sealed class KustomerConnectionTests : ModuleTest
{
    public KustomerConnectionTests(SimulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public void Connecting_sends_no_request_and_returns_nothing_without_PassThru()
    {
        var result = ConnectKustomer(more: "-Verbose");

        Assert.Empty(result.Output);
        Assert.Empty(Sim.Requests());
        Assert.Contains(result.Verbose, v => v.Contains("sends no request", StringComparison.Ordinal));
    }

    [Fact]
    public void PassThru_returns_the_connection_with_what_was_asked_for_and_no_secret()
    {
        var result = Ps.Run($"Connect-Kustomer -ApiKey $key -BaseUri '{Sim.BaseUri}' -TimeoutSec 7 -MaxRetries 2 -PassThru", ("key", PowerShellSession.Secure(KustomerStore.ValidKey)));

        var connection = Assert.Single(result.Objects<KustomerConnection>());
        Assert.Equal(Sim.BaseUri, connection.BaseUri);
        Assert.Equal("Custom", connection.Region);
        Assert.Equal(7, connection.TimeoutSec);
        Assert.Equal(2, connection.MaxRetries);
        Assert.True(connection.IsConnected);
        Assert.InRange(connection.ConnectedAt, DateTimeOffset.Now.AddMinutes(-1), DateTimeOffset.Now);
        Assert.Same(connection, Ps.Run("Get-KustomerConnection").Objects<KustomerConnection>().Single());
        Assert.DoesNotContain(KustomerStore.ValidKey, result.AllText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "https://api.kustomerapp.com/", "US")]
    [InlineData("-Region US", "https://api.kustomerapp.com/", "US")]
    [InlineData("-Region eu", "https://api.prod2.kustomerapp.com/", "EU")]
    [InlineData("-Region IN", "https://api.prod4.kustomerapp.com/", "IN")]
    [InlineData("-BaseUri https://acme.api.kustomerapp.com", "https://acme.api.kustomerapp.com/", "Custom")]
    [InlineData("-BaseUri https://api.prod2.kustomerapp.com", "https://api.prod2.kustomerapp.com/", "EU")]
    public void Region_and_BaseUri_pick_the_service_root(string parameters, string expectedRoot, string expectedRegion)
    {
        var result = Ps.Run($"Connect-Kustomer -ApiKey $key {parameters} -PassThru", ("key", PowerShellSession.Secure("k")));

        var connection = Assert.Single(result.Objects<KustomerConnection>());
        Assert.Equal(new Uri(expectedRoot), connection.BaseUri);
        Assert.Equal(expectedRegion, connection.Region);
    }

    [Theory]
    [InlineData("http://api.kustomerapp.com")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("https://user:pass@api.kustomerapp.com")]
    public void Plain_http_and_odd_base_uris_are_refused(string baseUri)
    {
        var result = Ps.Run($"Connect-Kustomer -ApiKey $key -BaseUri '{baseUri}'", ("key", PowerShellSession.Secure("k")));

        Assert.StartsWith("InvalidBaseUri,", result.Fatal!.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, result.Fatal.CategoryInfo.Category);
        Assert.Empty(Ps.Run("Get-KustomerConnection").Output);
        Assert.DoesNotContain("pass", result.Fatal.Exception.Message.Replace("password", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://localhost:8080")]
    [InlineData("http://[::1]:8080")]
    public void Plain_http_is_allowed_to_this_machine(string baseUri)
    {
        var result = Ps.Run($"Connect-Kustomer -ApiKey $key -BaseUri '{baseUri}' -PassThru", ("key", PowerShellSession.Secure("k")));

        Assert.Null(result.Fatal);
        Assert.Single(result.Objects<KustomerConnection>());
    }

    [Fact]
    public void Without_ApiKey_the_KUSTOMER_API_KEY_variable_is_used()
    {
        Environment.SetEnvironmentVariable("KUSTOMER_API_KEY", KustomerStore.ValidKey);
        try
        {
            var result = Ps.Run($"Connect-Kustomer -BaseUri '{Sim.BaseUri}'; Get-KustomerCustomer -Id {KustomerFixtures.FullId}");

            Assert.Equal(KustomerFixtures.FullId, Assert.Single(result.Objects<KustomerCustomer>()).Id);
        }
        finally
        {
            Environment.SetEnvironmentVariable("KUSTOMER_API_KEY", null);
        }
    }

    [Fact]
    public void Without_any_key_Connect_says_how_to_give_one()
    {
        var result = Ps.Run($"Connect-Kustomer -BaseUri '{Sim.BaseUri}'");

        Assert.StartsWith("MissingCredential,", result.Fatal!.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("KUSTOMER_API_KEY", result.Fatal.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_connection_Get_fails_with_NotConnected_before_any_request()
    {
        var result = Ps.Run($"Get-KustomerCustomer -Id {KustomerFixtures.FullId}");

        Assert.StartsWith("NotConnected,", result.Fatal!.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ConnectionError, result.Fatal.CategoryInfo.Category);
        Assert.Contains("Connect-Kustomer", result.Fatal.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(Sim.Requests());
    }

    [Fact]
    public void Disconnect_forgets_the_session_connection_and_closes_it()
    {
        ConnectKustomer();
        var result = Ps.Run($"$c = Get-KustomerConnection; Disconnect-Kustomer; Get-KustomerConnection; $c.IsConnected; Get-KustomerCustomer -Id {KustomerFixtures.FullId} -Connection $c");

        Assert.Equal(new object[] { false }, result.Output.Select(o => o.BaseObject).ToArray());
        Assert.StartsWith("NotConnected,", result.Fatal!.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(Sim.Requests());
    }

    [Fact]
    public void Each_session_has_its_own_connection()
    {
        ConnectKustomer();
        using var other = new PowerShellSession();

        Assert.Single(Ps.Run("Get-KustomerConnection").Output);
        Assert.Empty(other.Run("Get-KustomerConnection").Output);
    }

    [Fact]
    public void Connection_parameter_overrides_the_session_connection()
    {
        ConnectKustomer("wrong-key");
        var result = Ps.Run(
            $"$good = Connect-Kustomer -ApiKey $key -BaseUri '{Sim.BaseUri}' -PassThru; Connect-Kustomer -ApiKey $bad -BaseUri '{Sim.BaseUri}'; Get-KustomerCustomer -Id {KustomerFixtures.FullId} -Connection $good",
            ("key", PowerShellSession.Secure(KustomerStore.ValidKey)),
            ("bad", PowerShellSession.Secure("wrong-key")));

        Assert.Null(result.Fatal);
        Assert.Single(result.Objects<KustomerCustomer>());
    }
}
