using System;
using System.Linq;
using System.Management.Automation;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.HelpScout;
using CustomerTools.Kustomer;
using CustomerTools.TestKit;
using Xunit;

namespace CustomerTools.Tests;

/// <summary>The Windows PowerShell 5.1 build does the same job as the PowerShell 7 one.</summary>
public sealed class DesktopBuildTests : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly SimulatorClient _sim;
    private readonly PowerShellSession _ps = new();

    public DesktopBuildTests(SimulatorFixture fixture)
    {
        _sim = fixture.Client;
        _sim.Reset();
    }

    public void Dispose() => _ps.Dispose();

    [Fact]
    public void The_session_runs_the_netstandard_build()
    {
        var result = _ps.Run("(Get-Command Get-KustomerCustomer).ImplementingType.Assembly.Location");

        Assert.Equal(ModuleLocation.Assembly(ModuleLocation.Desktop), result.Output.Single().BaseObject);
    }

    [Fact]
    public void Kustomer_ids_map_stream_in_order_and_fail_per_input()
    {
        var result = _ps.Run(
            $"Connect-Kustomer -ApiKey $key -BaseUri '{_sim.BaseUri}'; '{KustomerFixtures.FullId}', '64b7f0c2e4a1d3b5c6a7e8aa', 'bad', '{KustomerFixtures.SparseId}' | Get-KustomerCustomer -Verbose -Debug",
            ("key", PowerShellSession.Secure(KustomerStore.ValidKey)));

        var customers = result.Objects<KustomerCustomer>();
        Assert.Equal(new[] { KustomerFixtures.FullId, KustomerFixtures.SparseId }, customers.Select(c => c.Id).ToArray());
        Assert.Equal(new DateTimeOffset(2023, 2, 14, 10, 20, 30, 456, TimeSpan.Zero), customers[0].CreatedAt);
        Assert.Equal("gold", customers[0].Custom.Properties["tierStr"].Value);
        Assert.Equal(new[] { "CustomerNotFound", "InvalidCustomerId" }, result.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).ToArray());
        Assert.Contains(result.Debug, d => d.Contains("Authorization: Bearer [redacted]", StringComparison.Ordinal));
        Assert.DoesNotContain(KustomerStore.ValidKey, result.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Kustomer_listing_pages_with_first_and_skip()
    {
        _sim.Kustomer.Generate(30);
        var result = _ps.Run($"Connect-Kustomer -ApiKey $key -BaseUri '{_sim.BaseUri}'; Get-KustomerCustomer -All -PageSize 10 -Skip 5 -First 12",
            ("key", PowerShellSession.Secure(KustomerStore.ValidKey)));

        Assert.Equal(12, result.Objects<KustomerCustomer>().Length);
        Assert.Equal(KustomerFixtures.GeneratedId(3), result.Objects<KustomerCustomer>()[0].Id);
    }

    [Fact]
    public void Help_Scout_connects_renews_and_reads()
    {
        var result = _ps.Run(
            $"Connect-HelpScout -ClientId '{HelpScoutStore.AppId}' -ClientSecret $secret -BaseUri '{_sim.BaseUri}'; $store.ExpireTokens(); Get-HelpScoutCustomer -Id {HelpScoutFixtures.FullId}, 1; Get-HelpScoutCustomer -Email lena@tidewater.example",
            ("secret", PowerShellSession.Secure(HelpScoutStore.AppSecret)), ("store", _sim.HelpScout));

        Assert.Null(result.Fatal);
        Assert.Equal(new[] { HelpScoutFixtures.FullId, HelpScoutFixtures.FullId }, result.Objects<HelpScoutCustomer>().Select(c => c.Id).ToArray());
        Assert.StartsWith("CustomerNotFound,", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(2, _sim.HelpScout.Tokens().Requests);
    }

    [Fact]
    public void Retries_and_timeouts_work_the_same()
    {
        _sim.Script(new ScriptedAnswer { PathContains = KustomerFixtures.FullId, Status = 503, Headers = { ["Retry-After"] = "0" }, Times = 2 });
        _sim.Script(new ScriptedAnswer { PathContains = KustomerFixtures.SparseId, DelayMs = 20000 });

        var result = _ps.Run($"Connect-Kustomer -ApiKey $key -BaseUri '{_sim.BaseUri}' -TimeoutSec 3; Get-KustomerCustomer -Id {KustomerFixtures.FullId}, {KustomerFixtures.SparseId}",
            ("key", PowerShellSession.Secure(KustomerStore.ValidKey)));

        Assert.Equal(KustomerFixtures.FullId, Assert.Single(result.Objects<KustomerCustomer>()).Id);
        Assert.StartsWith("RequestTimedOut,", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
    }
}
