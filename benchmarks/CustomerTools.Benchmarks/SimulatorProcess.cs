using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace CustomerTools.Benchmarks;

/// <summary>The parent's handle on the simulator child process (see <see cref="SimulatorHost"/>).</summary>
internal sealed class SimulatorProcess : IDisposable
{
    private readonly Process _process;

    private SimulatorProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    /// <summary>CPU time the simulator has used so far (all its threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static SimulatorProcess Start()
    {
        // This very program, started again with the argument "simulator".
        var start = SelfProcess.StartInfo(SimulatorHost.Argument);
        start.RedirectStandardInput = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the simulator");
        string? line = process.StandardOutput.ReadLine();
        const string Prefix = "ApiSimulator listening on ";
        if (line is null || !line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException("The simulator did not start: " + line);
        }

        return new SimulatorProcess(process, new Uri(line.Substring(Prefix.Length).Trim()));
    }

    public string Send(string command)
    {
        _process.StandardInput.WriteLine(command);
        _process.StandardInput.Flush();
        string reply = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the simulator ended");
        return reply.StartsWith("error", StringComparison.Ordinal) ? throw new InvalidOperationException(reply) : reply;
    }

    public void Reset(int latencyMs = 0, int customers = 0)
    {
        Send("reset");
        Send("latency " + latencyMs.ToString(CultureInfo.InvariantCulture));
        Send("customers " + customers.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The counters after a run: requests, ok, status429, maxInFlight, the quota's served and rejected; searches, search429, searchServed, searchRejected.</summary>
    public IReadOnlyDictionary<string, double> Stats(string quota = "kustomer") => Numbers(Send("stats " + quota));

    /// <summary>After each 429 with a stated refill time: n, unanswered, early, statedMinMs, statedMaxMs, idleMinMs, idleMaxMs, ratioMax.</summary>
    public IReadOnlyDictionary<string, double> Gaps() => Numbers(Send("gaps"));

    private static IReadOnlyDictionary<string, double> Numbers(string reply) =>
        reply.Split(' ').Select(pair => pair.Split('='))
            .ToDictionary(kv => kv[0], kv => double.Parse(kv[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    public void Dispose()
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
