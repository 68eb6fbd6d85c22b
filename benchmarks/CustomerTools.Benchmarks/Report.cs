using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CustomerTools.Benchmarks;

/// <summary>The figures table, and the measurements behind it.</summary>
internal sealed class Report
{
    private readonly List<Row> _rows = new();
    private readonly List<string> _details = new();
    private readonly List<string> _noisy = new();

    public static CultureInfo Culture => CultureInfo.InvariantCulture;

    public void Add(string number, string figure, string measured, string goal, bool? met) =>
        _rows.Add(new Row(number, figure, measured, goal, met));

    /// <summary>A line for the "measurements behind the figures" list, printed as it is taken.</summary>
    public void Detail(string text)
    {
        _details.Add(text);
        Console.WriteLine("    " + text);
    }

    /// <summary>Reports what else ran on the machine while <paramref name="what"/> was measured.</summary>
    public void Load(string number, string what, MachineLoad load)
    {
        var (text, noisy) = load.Describe(what);
        Detail(number + "  " + text);
        if (noisy)
        {
            _noisy.Add(what);
        }
    }

    public IReadOnlyList<string> Noisy => _noisy;

    public static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString(t.TotalMilliseconds < 10 ? "0.0" : "#,0", Culture) + " ms";

    public static string Us(TimeSpan t) => (t.Ticks / 10.0).ToString("0.0", Culture) + " µs";

    public static string S(TimeSpan t) => t.TotalSeconds.ToString("0.00", Culture) + " s";

    public static string N(double value, string format = "#,0") => value.ToString(format, Culture);

    public static string Pct(double share) => (share * 100).ToString("0.0", Culture) + " %";

    public static string X(double ratio) => ratio.ToString(ratio < 10 ? "0.00" : "0.0", Culture) + "×";

    public static string Bytes(double bytes) =>
        bytes >= 1 << 20 ? (bytes / (1 << 20)).ToString("0.0", Culture) + " MiB"
        : bytes >= 1 << 10 ? (bytes / (1 << 10)).ToString("0.0", Culture) + " KiB"
        : bytes.ToString("0", Culture) + " B";

    public static string Describe(Run run) => string.Create(Culture,
        $"{run.Count:#,0} in {S(run.Elapsed)} = {run.PerSecond:#,0}/s; CPU: benchmark {Ms(run.ClientCpu)}, simulator {Ms(run.SimulatorCpu)} ({Pct(run.MachineCpuShare)} of {Environment.ProcessorCount} cores); allocated {Bytes(run.BytesPerItem)}/item");

    public string Table()
    {
        string[] header = { "#", "figure", "measured", "goal", "result" };
        var cells = _rows.Select(r => new[] { r.Number, r.Figure, r.Measured, r.Goal, r.Met switch { true => "met", false => "NOT MET", null => "-" } }).ToList();
        int[] widths = header.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        var text = new StringBuilder();
        void Line(string[] values) => text.AppendLine("| " + string.Join(" | ", values.Select((v, i) => v.PadRight(widths[i]))) + " |");
        Line(header);
        text.AppendLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        cells.ForEach(Line);
        return text.ToString();
    }

    public IReadOnlyList<string> Details => _details;

    public int NotMet => _rows.Count(r => r.Met == false);

    private sealed record Row(string Number, string Figure, string Measured, string Goal, bool? Met);
}
