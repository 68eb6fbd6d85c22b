using System;
using System.Linq;
using System.Threading.Tasks;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.Kustomer;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>Connections from -PassThru used side by side; the session's default stays as it was.</summary>
public sealed class MultipleConnectionTests : ModuleTest, IAsyncLifetime
{
    private Simulator _otherOrg = null!;

    public MultipleConnectionTests(SimulatorFixture fixture)
        : base(fixture)
    {
    }

    public async Task InitializeAsync() => _otherOrg = await Simulator.StartAsync();

    public async Task DisposeAsync() => await _otherOrg.DisposeAsync();

    [Fact]
    public void Two_orgs_are_read_in_one_pipeline_and_the_default_connection_is_untouched()
    {
        _otherOrg.Kustomer.Clear();
        _otherOrg.Kustomer.Add("""{"type":"customer","id":"64b7f0c2e4a1d3b5c6a7e8f9","attributes":{"name":"Priya in the EU org"}}""");
        var key = PowerShellSession.Secure(KustomerStore.ValidKey);

        var result = Ps.Run($$"""
            $us = Connect-Kustomer -ApiKey $key -BaseUri '{{Sim.BaseUri}}' -PassThru
            $eu = Connect-Kustomer -ApiKey $key -BaseUri '{{_otherOrg.BaseUri}}' -PassThru
            $default = Connect-Kustomer -ApiKey $key -Region IN -PassThru
            Get-KustomerCustomer -Id {{KustomerFixtures.FullId}} -Connection $us | Get-KustomerCustomer -Connection $eu | ForEach-Object Name
            Get-KustomerCustomer -Id {{KustomerFixtures.SparseId}} -Connection $us | ForEach-Object DisplayName
            (Get-KustomerConnection) -eq $default
            """, ("key", key));

        Assert.Null(result.Fatal);
        Assert.Equal(new object[] { "Priya in the EU org", "ann", true }, result.Output.Where(o => o is not null).Select(o => o.BaseObject).ToArray());
        Assert.Equal(2, Sim.Requests().Count);
        Assert.Single(_otherOrg.Requests);
    }
}
