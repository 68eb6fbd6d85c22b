using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.ApiSimulator.Kustomer;
using Xunit;

namespace CustomerTools.Tests;

/// <summary>A fresh PowerShell session with the module imported, and a reset simulator.</summary>
public abstract class ModuleTest : SimulatorTest
{
    protected ModuleTest(SimulatorFixture fixture)
        : this(fixture, allCmdlets: false)
    {
    }

    /// <param name="allCmdlets">The session users have (Export-Csv, Select-Object...) instead of the core one.</param>
    protected ModuleTest(SimulatorFixture fixture, bool allCmdlets)
        : base(fixture)
    {
        Ps = allCmdlets ? PowerShellSession.WithAllCmdlets() : new PowerShellSession();
    }

    internal PowerShellSession Ps { get; }

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

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Ps.Dispose();
        }

        base.Dispose(disposing);
    }
}
