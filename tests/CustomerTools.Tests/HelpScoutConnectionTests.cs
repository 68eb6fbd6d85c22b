using System;
using System.Linq;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.HelpScout;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>
/// The token's life as only the requests show it: one renewal for many requests that meet an
/// expired token, a renewal the clock asks for before any 401, a second 401 final. (What users see
/// of Connect-HelpScout and of a renewal: Connect-HelpScout.Tests.ps1, Get-HelpScoutCustomer.Tests.ps1.)
/// </summary>
public sealed class HelpScoutConnectionTests : ModuleTest
{
    public HelpScoutConnectionTests(SimulatorFixture fixture)
        : base(fixture)
    {
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
}
