using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace CustomerTools.Tests;

/// <summary>
/// Where the built module is, and the one place CustomerTools.dll is loaded from: out/, as
/// Import-Module loads it, so that tests touching its internals see the very same types.
/// </summary>
internal static class ModuleLocation
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ModuleFolder { get; } = Path.Combine(RepoRoot, "out", "CustomerTools");

    public static string Manifest { get; } = Path.Combine(ModuleFolder, "CustomerTools.psd1");

    public static string CoreAssembly { get; } = Path.Combine(ModuleFolder, "bin", "net8.0", "CustomerTools.dll");

    /// <summary>What the sessions import: the module folder, as users do.</summary>
    public static string ImportPath => ModuleFolder;

    [ModuleInitializer]
    internal static void LoadFromModuleFolder() =>
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            name.Name == "CustomerTools" ? context.LoadFromAssemblyPath(CoreAssembly) : null;

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
