using System;
using System.IO;
using System.Runtime.Loader;
using System.Security;

namespace CustomerTools.Testing;

/// <summary>
/// Shared by the test projects and the benchmarks: where the built module is, and loading
/// CustomerTools.dll from there, so that code touching its internals and Import-Module use one copy.
/// </summary>
internal static class ModuleFiles
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ModuleFolder { get; } = Path.Combine(RepoRoot, "out", "CustomerTools");

    public static string Manifest { get; } = Path.Combine(ModuleFolder, "CustomerTools.psd1");

    /// <summary>The build for a framework: net8.0 (PowerShell 7.4+) or netstandard2.0 (Windows PowerShell 5.1).</summary>
    public static string Assembly(string framework) => Path.Combine(ModuleFolder, "bin", framework, "CustomerTools.dll");

    /// <summary>Answers the process's requests for CustomerTools.dll with <paramref name="assemblyPath"/>.</summary>
    public static void LoadCustomerToolsFrom(string assemblyPath) =>
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            name.Name == "CustomerTools" && File.Exists(assemblyPath) ? context.LoadFromAssemblyPath(assemblyPath) : null;

    public static SecureString Secure(string text)
    {
        var secret = new SecureString();
        foreach (char c in text)
        {
            secret.AppendChar(c);
        }

        secret.MakeReadOnly();
        return secret;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CustomerPS.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CustomerPS.sln not found above " + AppContext.BaseDirectory);
    }
}
