using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace CustomerTools.Tests;

/// <summary>The netstandard2.0 build in out/CustomerTools, imported as a binary module of its own.</summary>
internal static class ModuleLocation
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ModuleFolder { get; } = Path.Combine(RepoRoot, "out", "CustomerTools");

    public static string DesktopAssembly { get; } = Path.Combine(ModuleFolder, "bin", "netstandard2.0", "CustomerTools.dll");

    public static string ImportPath => DesktopAssembly;

    [ModuleInitializer]
    internal static void LoadFromModuleFolder() =>
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            name.Name == "CustomerTools" ? context.LoadFromAssemblyPath(DesktopAssembly) : null;

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
