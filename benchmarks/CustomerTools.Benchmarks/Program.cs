using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Runtime.InteropServices;
using CustomerTools.Benchmarks;
using CustomerTools.TestKit;
using static CustomerTools.Benchmarks.Report;

// dotnet run -c Release --project benchmarks/CustomerTools.Benchmarks [-- figure numbers, e.g. 1 5]
// (after: dotnet build CustomerPS.sln -c Release). Prints what it measures as it goes, then the
// figures table. See BENCHMARKS.md.
switch (args.FirstOrDefault())
{
    case ImportTime.ProbeArgument when args.Length == 2:
        return ImportTime.RunProbe(args[1]);
    case MicroBenchmark.Argument:
        return MicroBenchmark.RunChild();
}

if (!File.Exists(ModuleLocation.Manifest) || !File.Exists(ModuleLocation.Assembly(ModuleLocation.Core)))
{
    Console.Error.WriteLine($"The module is not built: {ModuleLocation.Manifest} or {ModuleLocation.Assembly(ModuleLocation.Core)} is missing.");
    Console.Error.WriteLine("Build it first, from the repo root:  dotnet build CustomerPS.sln -c Release");
    return 2;
}

if (Machine.IsDebugBuild)
{
    Console.Error.WriteLine("This is a Debug build: its figures would mislead. Run: dotnet run -c Release --project benchmarks/CustomerTools.Benchmarks");
    return 2;
}

int[] all = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
int[] selected = args.Length == 0 ? all : args.Select(a => int.TryParse(a, out int n) && all.Contains(n) ? n : 0).ToArray();
if (selected.Contains(0))
{
    Console.Error.WriteLine("Usage: CustomerTools.Benchmarks [figure numbers 1-9]   (none: all of them)");
    return 2;
}

bool Runs(params int[] figures) => figures.Any(selected.Contains);
var total = Stopwatch.StartNew();
var report = new Report();
Console.WriteLine("CustomerTools benchmarks");
Console.WriteLine($"  machine: {Environment.ProcessorCount} cores, {Machine.CpuModel}, {RuntimeInformation.OSDescription}");
Console.WriteLine($"  runtime: {RuntimeInformation.FrameworkDescription}; PowerShell engine {typeof(PowerShell).Assembly.GetName().Version}; module {ModuleLocation.ModuleFolder}");
TimeSpan settled = MachineLoad.WaitUntilQuiet(TimeSpan.FromSeconds(15));
Console.WriteLine($"  waited {S(settled)} for the machine to settle (others under 5 % for a second)");
Console.WriteLine();

if (Runs(6))
{
    Console.WriteLine("[6] Import time");
    var load = MachineLoad.Start();
    ImportTime.Run(report);
    report.Load("6", "figure 6", load);
}

if (Runs(1, 2, 3, 4, 5, 7, 8, 9))
{
    using var simulator = SimulatorProcess.Start();
    using var figures = new Figures(simulator, report);
    Console.WriteLine($"    simulator: a separate process at {simulator.BaseUri}");
    if (Runs(1, 2))
    {
        Console.WriteLine("[1,2] 500 ids at 50 ms: -ThrottleLimit 16, ForEach-Object -Parallel and the foreach loop of Invoke-RestMethod (about a minute)");
        var load = MachineLoad.Start(() => simulator.CpuTime);
        figures.BulkById();
        report.Load("1", "figures 1 and 2", load);
    }

    if (Runs(3))
    {
        Console.WriteLine("[3] Throughput and allocations at zero latency");
        var load = MachineLoad.Start(() => simulator.CpuTime);
        figures.Throughput();
        report.Load("3", "figure 3", load);
    }

    if (Runs(4))
    {
        Console.WriteLine("[4] Listing 10,000 and 100,000 customers: rate and peak memory");
        var load = MachineLoad.Start(() => simulator.CpuTime);
        figures.ListingMemory();
        report.Load("4", "figure 4", load);
    }

    if (Runs(5))
    {
        Console.WriteLine("[5] Rate limits in each service's dialect (about 40 s)");
        var load = MachineLoad.Start(() => simulator.CpuTime);
        using var rateLimits = new RateLimitFigures(simulator, report);
        rateLimits.Run();
        report.Load("5", "figure 5", load);
    }

    using var search = new SearchFigures(simulator, report);
    if (Runs(7))
    {
        Console.WriteLine("[7] What changed since last night: -UpdatedSince vs -All | Where-Object, 100,000 customers at 50 ms (about a minute)");
        var load = MachineLoad.Start(() => simulator.CpuTime);
        search.ChangedSinceLastNight();
        report.Load("7", "figure 7", load);
    }

    if (Runs(8))
    {
        Console.WriteLine("[8] 60,000 changes past the 100-page limit of one search: order, rate, memory");
        var load = MachineLoad.Start(() => simulator.CpuTime);
        search.PastTheLimit();
        report.Load("8", "figure 8", load);
    }

    if (Runs(9))
    {
        Console.WriteLine("[9] 1,000 Help Scout customers over 50 organizations at 50 ms: each organization once vs a request per customer");
        var load = MachineLoad.Start(() => simulator.CpuTime);
        using var organizations = new OrganizationFigures(simulator, report);
        organizations.Run();
        report.Load("9", "figure 9", load);
    }
}

if (Runs(3))
{
    Console.WriteLine("[3] Micro-benchmark (BenchmarkDotNet, in a fresh process)");
    var load = MachineLoad.Start();
    MicroBenchmark.Run(report);
    report.Load("3", "the micro-benchmark", load);
}

Console.WriteLine();
Console.WriteLine($"Figures ({Environment.ProcessorCount} cores, {Machine.CpuModel}, {RuntimeInformation.FrameworkDescription}; whole run {S(total.Elapsed)}):");
Console.WriteLine();
Console.Write(report.Table());
Console.WriteLine();
Console.WriteLine(report.NotMet == 0 ? "Every goal met." : $"{report.NotMet} goal(s) not met: see BENCHMARKS.md for what limits them.");
if (report.Noisy.Count > 0)
{
    Console.WriteLine($"Other processes kept this machine busy during {string.Join(", ", report.Noisy)}: those figures may be off; run again on a quiet machine.");
}

return 0;
