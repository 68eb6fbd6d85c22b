using System;
using System.Diagnostics;
using System.IO;
using CustomerTools.ApiSimulator;

namespace CustomerTools.TestKit;

/// <summary>
/// A running API simulator (tests/ApiSimulator) on a free loopback port and its control client,
/// the only handle on it. As an xunit class fixture it runs in the test process (cheap, one per
/// test class; each test starts from a reset); <see cref="StartProcess"/> runs it as a child
/// process instead, so that its CPU time and allocations are not the caller's (the benchmarks).
/// </summary>
public sealed class SimulatorFixture : IDisposable
{
    private readonly Simulator? _inProcess;
    private readonly Process? _process;

    public SimulatorFixture()
    {
        _inProcess = Simulator.StartAsync().GetAwaiter().GetResult();
        Client = new SimulatorClient(_inProcess.BaseUri);
    }

    private SimulatorFixture(Process process, Uri baseUri)
    {
        _process = process;
        Client = new SimulatorClient(baseUri);
    }

    public SimulatorClient Client { get; }

    public Uri BaseUri => Client.BaseUri;

    /// <summary>CPU time the simulator's process has used so far (all its threads); only for <see cref="StartProcess"/>.</summary>
    public TimeSpan ProcessCpuTime
    {
        get
        {
            Process process = _process ?? throw new InvalidOperationException("The simulator runs in this process.");
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// <c>dotnet ApiSimulator.dll --exit-with-stdin</c> (copied next to this assembly), which prints
    /// its address and serves until its standard input closes, so it never outlives this process.
    /// </summary>
    public static SimulatorFixture StartProcess()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ApiSimulator.dll"));
        start.ArgumentList.Add("--exit-with-stdin");
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the simulator");
        string? line = process.StandardOutput.ReadLine();
        const string Prefix = "ApiSimulator listening on ";
        if (line is null || !line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            process.Kill();
            process.Dispose();
            throw new InvalidOperationException("The simulator did not start: " + line);
        }

        return new SimulatorFixture(process, new Uri(line.Substring(Prefix.Length).Trim()));
    }

    public void Dispose()
    {
        Client.Dispose();
        _inProcess?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (_process is not null)
        {
            // Closing its standard input ends it.
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }

            _process.Dispose();
        }
    }
}
