using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using static CustomerTools.Benchmarks.Report;

namespace CustomerTools.Benchmarks;

/// <summary>
/// Figure 3's micro-benchmark: BenchmarkDotNet in a fresh child process (this program started with
/// "micro"), away from the engine, runspaces and garbage of the other figures, with BenchmarkDotNet's
/// in-process toolchain there, so no generated project has to be built: it works the same from a
/// fresh clone. A short job: 10 warm-up iterations (tiered JIT needs them) and 10 measured ones of 250 ms per case.
/// </summary>
internal static class MicroBenchmark
{
    public const string Argument = "micro";

    private const string ResultPrefix = "RESULT ";

    public static string Artifacts { get; } = Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts");

    /// <summary>In the parent: runs the child, shows its table, and turns its results into figures.</summary>
    public static void Run(Report report)
    {
        var start = SelfProcess.StartInfo(Argument);
        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("could not start the micro-benchmark");
        var results = new Dictionary<string, (double Ns, double Bytes)>(StringComparer.Ordinal);
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
            {
                string[] words = line.Substring(ResultPrefix.Length).Split(' ');
                results[words[0]] = (double.Parse(words[1], CultureInfo.InvariantCulture), double.Parse(words[2], CultureInfo.InvariantCulture));
            }
            else
            {
                Console.WriteLine(line);
            }
        }

        process.WaitForExit();
        (double Ns, double Bytes) Result(string method) =>
            results.TryGetValue(method, out var result) ? result : throw new InvalidOperationException($"BenchmarkDotNet gave no result for {method}: see {Artifacts}");

        var baseline = Result(nameof(PageMappingBenchmarks.JsonDocument_to_PSObject));
        var module = Result(nameof(PageMappingBenchmarks.Module_deserialize_and_map));
        var client = Result(nameof(PageMappingBenchmarks.Module_client_reading_path));
        var withoutCustom = Result(nameof(PageMappingBenchmarks.Module_same_page_without_custom_attributes));
        int n = PageMappingBenchmarks.PageSize;
        string PerPage((double Ns, double Bytes) r) => string.Create(Culture, $"{r.Ns / 1000:#,0} µs, {Bytes(r.Bytes)} a page of {n}");
        report.Detail($"3  BenchmarkDotNet log and reports: {Artifacts}");
        report.Detail($"3  micro (medians): JsonDocument → PSObject: {PerPage(baseline)}; module deserialize+map: {PerPage(module)}; module KustomerClient.GetPageAsync (in-memory HTTP): {PerPage(client)}");
        report.Detail($"3  micro: the same page with each customer's 3 custom attributes left out: {PerPage(withoutCustom)}: the custom attributes (a PSObject per customer) take {Pct(1 - (withoutCustom.Ns / module.Ns))} of the module's time and {Pct(1 - (withoutCustom.Bytes / module.Bytes))} of its allocations");
        double speed = baseline.Ns / module.Ns;
        double memory = module.Bytes / baseline.Bytes;
        report.Add("3", $"micro (BenchmarkDotNet): parse+map a page of {n}, module vs JsonDocument→PSObject", $"{X(speed)} as fast ({module.Ns / 1000:#,0} vs {baseline.Ns / 1000:#,0} µs)", "≥ 1×", speed >= 1);
        report.Add("3", "micro: allocated a page, module vs JsonDocument→PSObject", $"{X(memory)} ({Bytes(module.Bytes)} vs {Bytes(baseline.Bytes)})", "≤ 1×", memory <= 1);
    }

    /// <summary>In the child: runs the benchmarks, prints BenchmarkDotNet's table, then one RESULT line per case.</summary>
    public static int RunChild()
    {
        Directory.CreateDirectory(Artifacts);
        Summary summary;
        using (var log = new StreamLogger(Path.Combine(Artifacts, "PageMappingBenchmarks.log")))
        {
            Job job = Job.ShortRun
                .WithWarmupCount(10)
                .WithIterationCount(10)
                .WithIterationTime(TimeInterval.FromMilliseconds(250))
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(5), logOutput: true))
                .WithId("Short-InProcess");
            IConfig config = ManualConfig.CreateEmpty()
                .AddJob(job)
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddColumnProvider(DefaultColumnProviders.Instance)
                .AddColumn(StatisticColumn.Median)
                .AddLogger(log)
                .AddExporter(MarkdownExporter.GitHub)
                .WithArtifactsPath(Artifacts)
                .WithOptions(ConfigOptions.DisableLogFile);
            summary = BenchmarkRunner.Run<PageMappingBenchmarks>(config);
        }

        MarkdownExporter.Console.ExportToLog(summary, ConsoleLogger.Unicode);
        foreach (BenchmarkReport result in summary.Reports)
        {
            if (result.ResultStatistics is { } stats)
            {
                double bytes = result.GcStats.GetBytesAllocatedPerOperation(result.BenchmarkCase) ?? double.NaN;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ResultPrefix}{result.BenchmarkCase.Descriptor.WorkloadMethod.Name} {stats.Median} {bytes}"));
            }
        }

        return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
    }
}
