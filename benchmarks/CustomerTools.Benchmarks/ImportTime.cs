using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CustomerTools.TestKit;
using static CustomerTools.Benchmarks.Report;

namespace CustomerTools.Benchmarks;

/// <summary>
/// Figure 6: Import-Module out/CustomerTools in fresh runspaces, against a new runspace alone.
/// The first import is taken in fresh processes (this program started with "import-probe"), as a
/// user's first import after starting PowerShell; the median in this process, after a warm-up.
/// For the breakdown: the module's dll imported alone, and an empty script module.
/// </summary>
internal static class ImportTime
{
    public const string ProbeArgument = "import-probe";

    private const int FreshProcesses = 3;
    private const int WarmUp = 5;
    private const int Runs = 15;

    public static void Run(Report report)
    {
        // Beside the real module, in a temporary folder: an empty script module, and a copy of
        // out/CustomerTools whose manifest loads no format file.
        string scratch = Path.Combine(Path.GetTempPath(), "CustomerTools.Benchmarks." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        string empty = Path.Combine(scratch, "Empty");
        Directory.CreateDirectory(empty);
        File.WriteAllText(Path.Combine(empty, "Empty.psd1"), "@{ ModuleVersion = '1.0'; RootModule = 'Empty.psm1'; FunctionsToExport = @(); CmdletsToExport = @() }\n");
        File.WriteAllText(Path.Combine(empty, "Empty.psm1"), "\n");
        string noFormat = Path.Combine(scratch, "CustomerTools");
        Copy(ModuleLocation.ModuleFolder, noFormat);
        string manifest = Path.Combine(noFormat, "CustomerTools.psd1");
        File.WriteAllText(manifest, Regex.Replace(File.ReadAllText(manifest), @"FormatsToProcess\s*=\s*@\([^)]*\)", "FormatsToProcess = @()"));
        try
        {
            var firstModule = Enumerable.Range(0, FreshProcesses).Select(_ => Probe(ModuleLocation.ModuleFolder)).ToList();
            var firstDll = Enumerable.Range(0, FreshProcesses).Select(_ => Probe(ModuleLocation.Assembly(ModuleLocation.Core))).ToList();
            var firstEmpty = Enumerable.Range(0, FreshProcesses).Select(_ => Probe(empty)).ToList();

            var opens = new List<TimeSpan>();
            var modules = new List<TimeSpan>();
            var dlls = new List<TimeSpan>();
            var empties = new List<TimeSpan>();
            var noFormats = new List<TimeSpan>();
            for (int i = 0; i < WarmUp + Runs; i++)
            {
                var (open, module) = TimeImport(ModuleLocation.ModuleFolder);
                var (_, dll) = TimeImport(ModuleLocation.Assembly(ModuleLocation.Core));
                var (_, none) = TimeImport(empty);
                var (_, unformatted) = TimeImport(noFormat);
                if (i >= WarmUp)
                {
                    opens.Add(open);
                    modules.Add(module);
                    dlls.Add(dll);
                    empties.Add(none);
                    noFormats.Add(unformatted);
                }
            }

            TimeSpan first = Measure.Median(firstModule.Select(p => p.Import));
            TimeSpan runspace = Measure.Median(opens);
            TimeSpan import = Measure.Median(modules);
            report.Detail($"6  in a fresh process: first runspace (engine start) {Ms(Measure.Median(firstModule.Select(p => p.Open)))}; first Import-Module of out/CustomerTools {string.Join(", ", firstModule.Select(p => Ms(p.Import)))}; of bin/net8.0/CustomerTools.dll alone {string.Join(", ", firstDll.Select(p => Ms(p.Import)))}; of an empty script module {string.Join(", ", firstEmpty.Select(p => Ms(p.Import)))}");
            report.Detail($"6  in this process, medians of {Runs} after {WarmUp} warm-up runs: new runspace {Ms(runspace)}; Import-Module out/CustomerTools {Ms(import)} (min {Ms(modules.Min())}, max {Ms(modules.Max())}); bin/net8.0/CustomerTools.dll alone {Ms(Measure.Median(dlls))}; the module without its format file {Ms(Measure.Median(noFormats))}; an empty script module {Ms(Measure.Median(empties))}");
            double ratio = import / runspace;
            report.Add("6", $"Import-Module, median of {Runs} fresh runspaces (first: fresh process)", $"{Ms(import)} (first {Ms(first)}) = {X(ratio)} a new runspace ({Ms(runspace)})", "none set: a measurement, shown against a new runspace", null);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>In the probe process: a runspace, then one import, both timed.</summary>
    public static int RunProbe(string path)
    {
        var (open, import) = TimeImport(path);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{open.TotalMilliseconds} {import.TotalMilliseconds}"));
        return 0;
    }

    private static (TimeSpan Open, TimeSpan Import) TimeImport(string path)
    {
        var watch = Stopwatch.StartNew();
        using var session = new PowerShellSession(importModule: false);
        TimeSpan open = watch.Elapsed;
        watch.Restart();
        session.Import(path);
        return (open, watch.Elapsed);
    }

    private static (TimeSpan Open, TimeSpan Import) Probe(string path)
    {
        var start = SelfProcess.StartInfo(ProbeArgument, path);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the import probe");
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        double[] ms = output.Trim().Split(' ').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        return process.ExitCode == 0 && ms.Length == 2
            ? (TimeSpan.FromMilliseconds(ms[0]), TimeSpan.FromMilliseconds(ms[1]))
            : throw new InvalidOperationException($"the import probe failed ({process.ExitCode}): {output}");
    }
}
