using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using CustomerTools.TestKit;

namespace CustomerTools.PesterTests;

/// <summary>
/// Child processes of tests/Pwsh running Invoke-PesterForXunit.ps1: the same pwsh and Pester a
/// developer gets from `dotnet run --project tests/Pwsh`, one process per Pester file, so what one
/// file sets (environment variables, connections, simulators) never reaches another.
/// </summary>
internal static class PesterShell
{
    private static readonly Assembly Self = typeof(PesterShell).Assembly;

    public static string PesterVersion { get; } = Metadata("PesterVersion");

    public static string Executable { get; } = Path.Combine(Metadata("PwshFolder"), OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh");

    public static string TestsFolder { get; } = Path.Combine(ModuleLocation.RepoRoot, "tests");

    /// <summary>Where each file's JUnit result, Pester's output and its counts go (read by .ci/run).</summary>
    public static string ResultsFolder { get; } = Path.Combine(ModuleLocation.RepoRoot, "TestResults", "Pester");

    /// <summary>Runs the script with these arguments; the result holds the exit code and all it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: build the solution (dotnet build CustomerPS.sln -c Release).");
        }

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = ModuleLocation.RepoRoot,
        };
        foreach (string argument in new[] { "-NoProfile", "-NonInteractive", "-File", Path.Combine(AppContext.BaseDirectory, "Invoke-PesterForXunit.ps1") }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        // A fresh shell's module path, not one an engine hosted in this process may have set.
        start.Environment.Remove("PSModulePath");
        start.Environment["NO_COLOR"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + Executable);
        process.StandardInput.Close();
        var output = new StringBuilder();
        void Append(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        }

        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Task exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(timeout)) != exited)
        {
            process.Kill(entireProcessTree: true);
            await exited;
            lock (output)
            {
                output.AppendLine($"(killed after {timeout.TotalMinutes:0} minutes)");
            }
        }

        process.WaitForExit(); // the output handlers have run once this returns
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static string Metadata(string key) =>
        Self.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
