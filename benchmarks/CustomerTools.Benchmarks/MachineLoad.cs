using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace CustomerTools.Benchmarks;

/// <summary>
/// What else ran on this machine while a figure was measured: all CPU time the kernel counted
/// (/proc/stat) less this benchmark's own (this process, its finished children, and the simulator
/// while it runs), and the time the hypervisor stole. A busy neighbour makes figures noisy; the run
/// says so instead of leaving it to guesswork. Linux only; elsewhere it reports nothing.
/// </summary>
internal sealed class MachineLoad
{
    // USER_HZ: the unit of /proc/stat and /proc/self/stat, 100 on every Linux build that matters.
    private const double TicksPerSecond = 100;

    private readonly Func<TimeSpan> _otherOwnCpu;
    private readonly Snapshot _start;
    private readonly TimeSpan _otherOwnStart;
    private readonly DateTime _startedAt = DateTime.UtcNow;

    private MachineLoad(Func<TimeSpan> otherOwnCpu)
    {
        _otherOwnCpu = otherOwnCpu;
        _otherOwnStart = otherOwnCpu();
        _start = Snapshot.Take();
    }

    /// <summary>
    /// Waits (at most <paramref name="limit"/>) until other processes use under 5 % of the machine
    /// for a second, e.g. the build that dotnet run has just finished; returns how long it waited.
    /// </summary>
    public static TimeSpan WaitUntilQuiet(TimeSpan limit)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            var load = Start();
            System.Threading.Thread.Sleep(1000);
            if (load.Stop() is not { } l || l.Others + l.Steal < 0.05)
            {
                break;
            }
        }

        return watch.Elapsed;
    }

    /// <param name="otherOwnCpu">CPU time of this benchmark's running child processes (the simulator), if any.</param>
    public static MachineLoad Start(Func<TimeSpan>? otherOwnCpu = null) => new(otherOwnCpu ?? (() => TimeSpan.Zero));

    /// <summary>Other processes' CPU and stolen time over the interval, as a share of all cores; null off Linux.</summary>
    public (double Others, double Steal)? Stop()
    {
        Snapshot end = Snapshot.Take();
        double seconds = (DateTime.UtcNow - _startedAt).TotalSeconds * Environment.ProcessorCount;
        if (!_start.Valid || !end.Valid || seconds <= 0)
        {
            return null;
        }

        double machineBusy = (end.BusyTicks - _start.BusyTicks) / TicksPerSecond;
        double own = (end.OwnTicks - _start.OwnTicks) / TicksPerSecond + (_otherOwnCpu() - _otherOwnStart).TotalSeconds;
        double steal = (end.StealTicks - _start.StealTicks) / TicksPerSecond;
        return (Math.Max(0, machineBusy - own) / seconds, steal / seconds);
    }

    /// <summary>The interval described in words, and whether other work on the machine may have skewed it.</summary>
    public (string Text, bool Noisy) Describe(string what)
    {
        const double Quiet = 0.05;
        return Stop() is { } l
            ? ($"machine during {what}: other processes used {Report.Pct(l.Others)} of the {Environment.ProcessorCount} cores, the hypervisor stole {Report.Pct(l.Steal)}" + (l.Others + l.Steal > Quiet ? " (NOISY)" : string.Empty), l.Others + l.Steal > Quiet)
            : ($"machine during {what}: not measured (no /proc)", false);
    }

    private readonly record struct Snapshot(bool Valid, long BusyTicks, long StealTicks, long OwnTicks)
    {
        public static Snapshot Take()
        {
            try
            {
                // cpu  user nice system idle iowait irq softirq steal guest guest_nice
                long[] cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                    .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                long busy = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6];

                // /proc/self/stat: after "(comm)", fields 14-17 are utime stime cutime cstime (finished children included).
                string self = File.ReadAllText("/proc/self/stat");
                string[] fields = self.Substring(self.LastIndexOf(')') + 2).Split(' ');
                long own = Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
                return new Snapshot(true, busy, cpu.Length > 7 ? cpu[7] : 0, own);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                return default;
            }
        }
    }
}
