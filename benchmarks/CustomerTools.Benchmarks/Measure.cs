using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;

namespace CustomerTools.Benchmarks;

/// <summary>One measured run: wall time, CPU of both processes, and what this process allocated.</summary>
internal readonly record struct Run(TimeSpan Elapsed, TimeSpan ClientCpu, TimeSpan SimulatorCpu, long Allocated, int Count)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    public double BytesPerItem => (double)Allocated / Count;

    /// <summary>Both processes' CPU time as a share of all cores over the run.</summary>
    public double MachineCpuShare => (ClientCpu + SimulatorCpu).TotalSeconds / (Elapsed.TotalSeconds * Environment.ProcessorCount);
}

internal static class Measure
{
    /// <summary>
    /// Runs <paramref name="action"/> (which returns how many items it handled) after a full
    /// collection, so that earlier garbage neither counts nor gets collected on its time.
    /// </summary>
    public static Run Once(SimulatorProcess? simulator, Func<int> action)
    {
        FullCollect();
        TimeSpan simulatorCpu = simulator?.CpuTime ?? TimeSpan.Zero;
        TimeSpan clientCpu = ProcessCpu();
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        int count = action();
        watch.Stop();
        long allocatedAfter = GC.GetTotalAllocatedBytes(precise: true);
        TimeSpan clientCpuAfter = ProcessCpu();
        TimeSpan simulatorCpuAfter = simulator?.CpuTime ?? TimeSpan.Zero;
        return new Run(watch.Elapsed, clientCpuAfter - clientCpu, simulatorCpuAfter - simulatorCpu, allocatedAfter - allocated, count);
    }

    /// <summary>The run with the median wall time of <paramref name="times"/> runs.</summary>
    public static Run Median(int times, SimulatorProcess? simulator, Func<int> action) =>
        Median(Enumerable.Range(0, times).Select(_ => Once(simulator, action)).ToList());

    public static Run Median(IReadOnlyList<Run> runs) => runs.OrderBy(r => r.Elapsed).ElementAt(runs.Count / 2);

    public static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static void FullCollect()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    public static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}

/// <summary>
/// Samples GC.GetTotalMemory(false) every few milliseconds on its own thread and keeps the peak.
/// </summary>
internal sealed class PeakMemorySampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _peak;

    public PeakMemorySampler(TimeSpan interval)
    {
        _peak = GC.GetTotalMemory(false);
        _thread = new Thread(() =>
        {
            while (!_stop)
            {
                Sample();
                Thread.Sleep(interval);
            }
        })
        { IsBackground = true, Name = "peak memory sampler" };
        _thread.Start();
    }

    public long Peak => Interlocked.Read(ref _peak);

    public int Samples { get; private set; }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
        Sample();
    }

    private void Sample()
    {
        long now = GC.GetTotalMemory(false);
        Samples++;
        if (now > Interlocked.Read(ref _peak))
        {
            Interlocked.Exchange(ref _peak, now);
        }
    }
}
