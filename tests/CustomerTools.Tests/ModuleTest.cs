using System;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.TestKit;
using Xunit;

namespace CustomerTools.Tests;

/// <summary>
/// A fresh PowerShell session with the module imported, and a simulator reset before each test:
/// one simulator per test class (classes run in parallel), steered through its control client.
/// </summary>
public abstract class ModuleTest : IClassFixture<SimulatorFixture>, IDisposable
{
    protected ModuleTest(SimulatorFixture fixture)
        : this(fixture, allCmdlets: false)
    {
    }

    /// <param name="allCmdlets">The session users have (Export-Csv, Select-Object...) instead of the core one.</param>
    protected ModuleTest(SimulatorFixture fixture, bool allCmdlets)
    {
        Sim = fixture.Client;
        Sim.Reset();
        Ps = allCmdlets ? PowerShellSession.WithAllCmdlets() : new PowerShellSession();
    }

    internal SimulatorClient Sim { get; }

    internal PowerShellSession Ps { get; }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    internal PsResult ConnectKustomer(string key = KustomerStore.ValidKey, string more = "")
    {
        var result = Ps.Run($"Connect-Kustomer -ApiKey $key -BaseUri '{Sim.BaseUri}' {more}", ("key", PowerShellSession.Secure(key)));
        Assert.Null(result.Fatal);
        return result;
    }

    internal PsResult ConnectHelpScout(string more = "")
    {
        var result = Ps.Run(
            $"Connect-HelpScout -ClientId '{HelpScoutStore.AppId}' -ClientSecret $secret -BaseUri '{Sim.BaseUri}' {more}",
            ("secret", PowerShellSession.Secure(HelpScoutStore.AppSecret)));
        Assert.True(result.Fatal is null, result.AllText());
        return result;
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Ps.Dispose();
        }
    }
}
