using System.Runtime.CompilerServices;
using CustomerTools.Testing;

namespace CustomerTools.Tests;

/// <summary>This suite runs the module as users import it: the folder, which loads the net8.0 build.</summary>
internal static class ModuleLocation
{
    public static string RepoRoot => ModuleFiles.RepoRoot;

    public static string ModuleFolder => ModuleFiles.ModuleFolder;

    public static string Manifest => ModuleFiles.Manifest;

    public static string CoreAssembly { get; } = ModuleFiles.Assembly("net8.0");

    /// <summary>What the sessions import: the module folder, as users do.</summary>
    public static string ImportPath => ModuleFolder;

    [ModuleInitializer]
    internal static void LoadFromModuleFolder() => ModuleFiles.LoadCustomerToolsFrom(CoreAssembly);
}
