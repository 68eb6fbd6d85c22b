using System.Threading.Tasks;
using CustomerTools.ApiSimulator;
using Xunit;

namespace CustomerTools.Tests;

/// <summary>One simulator per test class (classes run in parallel); each test starts from Reset().</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    public Simulator Simulator { get; private set; } = null!;

    public async Task InitializeAsync() => Simulator = await Simulator.StartAsync();

    public async Task DisposeAsync() => await Simulator.DisposeAsync();
}
