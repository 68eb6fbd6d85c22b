using System.IO;
using System.Runtime.CompilerServices;
using CustomerTools.Testing;

namespace CustomerTools.Benchmarks;

/// <summary>
/// The built module, and CustomerTools.dll loaded from out/ as Import-Module loads it, so the
/// micro-benchmark's calls into its internals and the cmdlets the engine runs are the same code.
/// </summary>
internal static class ModuleLocation
{
    public static string RepoRoot => ModuleFiles.RepoRoot;

    public static string ModuleFolder => ModuleFiles.ModuleFolder;

    public static string Manifest => ModuleFiles.Manifest;

    public static string CoreAssembly { get; } = ModuleFiles.Assembly("net8.0");

    public static bool IsBuilt => File.Exists(Manifest) && File.Exists(CoreAssembly);

    [ModuleInitializer]
    internal static void LoadFromModuleFolder() => ModuleFiles.LoadCustomerToolsFrom(CoreAssembly);
}
