using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.HelpScout;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>Connect-HelpScout's three ways in, the token's life, and what never leaks.</summary>
public sealed class HelpScoutConnectionTests : ModuleTest
{
    public HelpScoutConnectionTests(SimulatorFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public void Client_id_and_secret_fetch_a_token_at_once_with_the_documented_form()
    {
        var result = ConnectHelpScout("-PassThru");

        var connection = Assert.Single(result.Objects<HelpScoutConnection>());
        Assert.Equal("ClientCredentials", connection.AuthenticationType);
        Assert.Equal(HelpScoutStore.AppId, connection.ClientId);
        Assert.InRange(connection.TokenExpiresAt!.Value, DateTimeOffset.UtcNow.AddHours(47), DateTimeOffset.UtcNow.AddHours(49));
        var token = Assert.Single(Sim.Requests());
        Assert.Equal("POST", token.Method);
        Assert.Equal("/v2/oauth2/token", token.RawPath);
        Assert.StartsWith("application/x-www-form-urlencoded", token.Header("Content-Type"), StringComparison.Ordinal);
        var form = token.Body.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => WebUtility.UrlDecode(p[1]));
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(HelpScoutStore.AppId, form["client_id"]);
        Assert.Equal(HelpScoutStore.AppSecret, form["client_secret"]);
        Assert.Null(token.Header("Authorization"));
    }

    [Fact]
    public void A_PSCredential_gives_the_app_id_as_user_name_and_the_secret_as_password()
    {
        var credential = new PSCredential(HelpScoutStore.AppId, PowerShellSession.Secure(HelpScoutStore.AppSecret));
        var result = Ps.Run($"Connect-HelpScout -ClientCredential $cred -BaseUri '{Sim.BaseUri}'; Get-HelpScoutCustomer -Id {HelpScoutFixtures.FullId}", ("cred", credential));

        Assert.Null(result.Fatal);
        Assert.Equal(HelpScoutFixtures.FullId, Assert.Single(result.Objects<HelpScoutCustomer>()).Id);
        Assert.Equal(1, Sim.HelpScout.Tokens().Requests);
    }

    [Fact]
    public void An_access_token_is_used_as_is_without_a_token_request()
    {
        string token = Sim.HelpScout.IssueToken();
        var result = Ps.Run(
            $"Connect-HelpScout -AccessToken $token -BaseUri '{Sim.BaseUri}' -PassThru; Get-HelpScoutCustomer -Id {HelpScoutFixtures.FullId}",
            ("token", PowerShellSession.Secure(token)));

        Assert.Null(result.Fatal);
        Assert.Equal("AccessToken", Assert.Single(result.Objects<HelpScoutConnection>()).AuthenticationType);
        Assert.Single(result.Objects<HelpScoutCustomer>());
        Assert.Empty(Sim.RequestsTo("/oauth2/"));
        Assert.Equal($"Bearer {token}", Sim.RequestsTo("/v2/customers/").Single().Header("Authorization"));
    }

    [Fact]
    public void An_expired_access_token_cannot_be_renewed_and_stops_with_AuthenticationFailed()
    {
        var result = Ps.Run(
            $"Connect-HelpScout -AccessToken $token -BaseUri '{Sim.BaseUri}'; Get-HelpScoutCustomer -Id {HelpScoutFixtures.FullId}, {HelpScoutFixtures.SparseId}",
            ("token", PowerShellSession.Secure("hs-token-that-was-never-issued")));

        Assert.StartsWith("AuthenticationFailed,", result.Fatal!.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.AuthenticationError, result.Fatal.CategoryInfo.Category);
        Assert.Contains("401", result.Fatal.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(result.Objects<HelpScoutCustomer>());
    }

    [Fact]
    public void Without_parameters_the_environment_variables_are_used()
    {
        Environment.SetEnvironmentVariable("HELPSCOUT_CLIENT_ID", HelpScoutStore.AppId);
        Environment.SetEnvironmentVariable("HELPSCOUT_CLIENT_SECRET", HelpScoutStore.AppSecret);
        try
        {
            var result = Ps.Run($"Connect-HelpScout -BaseUri '{Sim.BaseUri}' -PassThru");

            Assert.Null(result.Fatal);
            Assert.Equal(HelpScoutStore.AppId, Assert.Single(result.Objects<HelpScoutConnection>()).ClientId);
        }
        finally
        {
            Environment.SetEnvironmentVariable("HELPSCOUT_CLIENT_ID", null);
            Environment.SetEnvironmentVariable("HELPSCOUT_CLIENT_SECRET", null);
        }
    }

    [Fact]
    public void Wrong_credentials_fail_at_connect_with_the_services_OAuth_text()
    {
        var result = Ps.Run(
            $"Connect-HelpScout -ClientId '{HelpScoutStore.AppId}' -ClientSecret $secret -BaseUri '{Sim.BaseUri}'",
            ("secret", PowerShellSession.Secure("not-the-secret")));

        Assert.StartsWith("AuthenticationFailed,", result.Fatal!.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.AuthenticationError, result.Fatal.CategoryInfo.Category);
        Assert.Contains("invalid_client: Client authentication failed", result.Fatal.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("My Apps", result.Fatal.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(Ps.Run("Get-HelpScoutConnection").Output);
        Assert.DoesNotContain("not-the-secret", result.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_expiring_mid_pipeline_is_renewed_once_and_the_pipeline_completes()
    {
        ConnectHelpScout();
        long[] ids = { HelpScoutFixtures.FullId, HelpScoutFixtures.SparseId, HelpScoutFixtures.DashedId, HelpScoutFixtures.NearMissId };

        var result = Ps.Run(
            "$ids | ForEach-Object { if ($_ -eq $expireAt) { $store.ExpireTokens() }; $_ } | Get-HelpScoutCustomer -ThrottleLimit 1 -Verbose",
            ("ids", ids), ("expireAt", HelpScoutFixtures.DashedId), ("store", Sim.HelpScout));

        Assert.Null(result.Fatal);
        Assert.Empty(result.Errors);
        Assert.Equal(ids, result.Objects<HelpScoutCustomer>().Select(c => c.Id).ToArray());
        Assert.Equal(2, Sim.HelpScout.Tokens().Requests);
        Assert.Contains(result.Verbose, v => v.Contains("refused the access token (401)", StringComparison.Ordinal));
    }

    [Fact]
    public void Many_concurrent_requests_meeting_an_expired_token_trigger_one_renewal()
    {
        ConnectHelpScout();
        Sim.HelpScout.Generate(40);
        Sim.HelpScout.ExpireTokens();
        long[] ids = Enumerable.Range(0, 40).Select(i => HelpScoutFixtures.GeneratedId(i)).ToArray();

        var result = Ps.Run("Get-HelpScoutCustomer -Id $ids -ThrottleLimit 16", ("ids", ids));

        Assert.Null(result.Fatal);
        Assert.Equal(ids, result.Objects<HelpScoutCustomer>().Select(c => c.Id).ToArray());
        Assert.Equal(2, Sim.HelpScout.Tokens().Requests);
    }

    [Fact]
    public void A_token_is_renewed_shortly_before_it_expires_without_waiting_for_a_401()
    {
        Sim.HelpScout.TokenLifetime(TimeSpan.FromSeconds(3600));
        var clock = new FakeClock();
        ClockedConnection.HelpScout(Ps, Assert.Single(ConnectHelpScout("-PassThru").Objects<HelpScoutConnection>()), clock);

        int connected = Sim.HelpScout.Tokens().Requests;
        Ps.Run($"Get-HelpScoutCustomer -Id {HelpScoutFixtures.FullId}");
        clock.Advance(TimeSpan.FromMinutes(59.5));
        var result = Ps.Run($"Get-HelpScoutCustomer -Id {HelpScoutFixtures.FullId}");

        Assert.Single(result.Objects<HelpScoutCustomer>());
        Assert.Equal(connected + 1, Sim.HelpScout.Tokens().Requests);
        Assert.DoesNotContain(Sim.Requests(), r => r.Status == 401);
    }

    [Fact]
    public void A_second_401_after_renewal_is_final()
    {
        ConnectHelpScout();
        Sim.Script(new ApiSimulator.ScriptedAnswer { PathContains = "/v2/customers/", Status = 401, Times = 2 });

        var result = Ps.Run($"Get-HelpScoutCustomer -Id {HelpScoutFixtures.FullId}; 'not reached'");

        Assert.StartsWith("AuthenticationFailed,", result.Fatal!.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Equal(2, Sim.HelpScout.Tokens().Requests);
    }

    [Fact]
    public void No_secret_or_token_appears_in_any_stream_message_or_ToString()
    {
        var result = Ps.Run($$"""
            $c = Connect-HelpScout -ClientId '{{HelpScoutStore.AppId}}' -ClientSecret $secret -BaseUri '{{Sim.BaseUri}}' -PassThru -Verbose -Debug
            $c; $c.ToString(); Get-HelpScoutConnection
            {{HelpScoutFixtures.FullId}}, 999, {{HelpScoutFixtures.SparseId}} | Get-HelpScoutCustomer -Verbose -Debug
            $store.ExpireTokens()
            Get-HelpScoutCustomer -Email 'lena@tidewater.example', 'nobody@nowhere.example' -Verbose -Debug
            Disconnect-HelpScout -Verbose
            Connect-HelpScout -ClientId '{{HelpScoutStore.AppId}}' -ClientSecret $wrong -BaseUri '{{Sim.BaseUri}}' -Verbose -Debug
            """,
            ("secret", PowerShellSession.Secure(HelpScoutStore.AppSecret)),
            ("wrong", PowerShellSession.Secure("wrong-" + HelpScoutStore.AppSecret)),
            ("store", Sim.HelpScout));

        Assert.NotNull(result.Fatal);
        Assert.NotEmpty(result.Debug);
        Assert.Equal(2, result.Errors.Count);
        string everything = result.AllText();
        Assert.DoesNotContain(HelpScoutStore.AppSecret, everything, StringComparison.Ordinal);
        Assert.NotEmpty(Sim.HelpScout.Tokens().Issued);
        foreach (string token in Sim.HelpScout.Tokens().Issued)
        {
            Assert.DoesNotContain(token, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(token.Substring(9), everything, StringComparison.Ordinal);
        }
    }
}
