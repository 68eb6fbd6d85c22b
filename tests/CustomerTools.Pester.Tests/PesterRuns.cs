using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace CustomerTools.PesterTests;

/// <summary>A Pester file as Pester's discovery saw it: its result and its tests' full names.</summary>
internal sealed record DiscoveredFile(string Path, string Result, string Error, string[] Tests)
{
    public string Name => System.IO.Path.GetFileName(Path);
}

/// <summary>One test of a file's JUnit result: Passed, Failed, Skipped, NotRun or Inconclusive.</summary>
internal sealed record PesterCase(string Name, string Status, string Message, string Details);

/// <summary>One Pester file run in its own process, read back from Pester's JUnit result.</summary>
internal sealed record PesterFileRun(string Name, int ExitCode, string Output, PesterCase[]? Cases, IReadOnlyDictionary<string, string>? Counts)
{
    /// <summary>What to show when a test of this file can't be judged by its own result.</summary>
    public string Tail(int lines = 60) =>
        $"exit code {ExitCode}; the end of Pester's output ({PesterRuns.LogFile(Name)}):\n" + string.Join("\n", Output.Split('\n').TakeLast(lines));
}

/// <summary>
/// Discovery (once, when xunit asks for the cases) and the runs of the files: all started at the
/// first case that needs one, at most <see cref="Concurrency"/> at once, each run shared by the
/// cases of its file.
/// </summary>
internal static class PesterRuns
{
    /// <summary>Files run side by side: the xunit suites of the other test projects share the cores.</summary>
    public const int Concurrency = 2;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    private static readonly Lazy<IReadOnlyList<DiscoveredFile>> Discovered = new(Discover);
    private static readonly Lazy<IReadOnlyDictionary<string, Task<PesterFileRun>>> Runs = new(StartAll);
    private static readonly SemaphoreSlim Gate = new(Concurrency);

    public static IReadOnlyList<DiscoveredFile> Files => Discovered.Value;

    public static Task<PesterFileRun> For(string file) => Runs.Value[file];

    public static string LogFile(string file) => Path.Combine(PesterShell.ResultsFolder, file + ".log");

    private static IReadOnlyList<DiscoveredFile> Discover()
    {
        var (exitCode, output) = PesterShell.RunAsync(Timeout, "-Path", PesterShell.TestsFolder, "-PesterVersion", PesterShell.PesterVersion, "-Discover").GetAwaiter().GetResult();
        string? json = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("[{", StringComparison.Ordinal));
        if (exitCode != 0 || json is null)
        {
            throw new InvalidOperationException($"Pester's discovery of {PesterShell.TestsFolder} failed (exit code {exitCode}):\n{output}");
        }

        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray().Select(f => new DiscoveredFile(
            f.GetProperty("file").GetString()!,
            f.GetProperty("result").GetString()!,
            f.GetProperty("error").GetString()!,
            f.GetProperty("tests").EnumerateArray().Select(t => t.GetString()!).ToArray())).ToArray();
    }

    private static IReadOnlyDictionary<string, Task<PesterFileRun>> StartAll()
    {
        if (Directory.Exists(PesterShell.ResultsFolder))
        {
            Directory.Delete(PesterShell.ResultsFolder, recursive: true);
        }

        Directory.CreateDirectory(PesterShell.ResultsFolder);
        return Files.ToDictionary(f => f.Name, f => Task.Run(() => RunGatedAsync(f)), StringComparer.Ordinal);
    }

    private static async Task<PesterFileRun> RunGatedAsync(DiscoveredFile file)
    {
        await Gate.WaitAsync();
        try
        {
            return await RunAsync(file);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<PesterFileRun> RunAsync(DiscoveredFile file)
    {
        string results = Path.Combine(PesterShell.ResultsFolder, file.Name + ".xml");
        var (exitCode, output) = await PesterShell.RunAsync(Timeout, "-Path", file.Path, "-PesterVersion", PesterShell.PesterVersion, "-ResultFile", results);
        await File.WriteAllTextAsync(LogFile(file.Name), output);

        // "PESTER-COUNTS version=5.9.1 passed=17 failed=0 ...": the run's own counts, kept for .ci/run.
        string? countsLine = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("PESTER-COUNTS ", StringComparison.Ordinal));
        Dictionary<string, string>? counts = null;
        if (countsLine is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(PesterShell.ResultsFolder, file.Name + ".counts"), countsLine + "\n");
            counts = countsLine.Split(' ').Skip(1).Select(p => p.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        }

        PesterCase[]? cases = File.Exists(results)
            ? XDocument.Load(results).Descendants("testcase").Select(ReadCase).ToArray()
            : null;
        return new PesterFileRun(file.Name, exitCode, output, cases, counts);
    }

    private static PesterCase ReadCase(XElement testCase)
    {
        XElement? detail = testCase.Element("failure") ?? testCase.Element("skipped");
        return new PesterCase(
            (string)testCase.Attribute("name")!,
            (string)testCase.Attribute("status")!,
            (string?)detail?.Attribute("message") ?? string.Empty,
            detail?.Value ?? string.Empty);
    }
}
