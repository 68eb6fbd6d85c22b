using System.Runtime.CompilerServices;
using CustomerTools.Testing;

namespace CustomerTools.Tests;

/// <summary>The netstandard2.0 build in out/CustomerTools, imported as a binary module of its own.</summary>
internal static class ModuleLocation
{
    public static string DesktopAssembly { get; } = ModuleFiles.Assembly("netstandard2.0");

    public static string ImportPath => DesktopAssembly;

    [ModuleInitializer]
    internal static void LoadFromModuleFolder() => ModuleFiles.LoadCustomerToolsFrom(DesktopAssembly);
}
