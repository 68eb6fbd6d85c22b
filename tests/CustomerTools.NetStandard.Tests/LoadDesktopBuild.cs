using System.Runtime.CompilerServices;
using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>The netstandard2.0 build in out/CustomerTools, imported as a binary module of its own.</summary>
internal static class LoadDesktopBuild
{
    [ModuleInitializer]
    internal static void FromModuleFolder() => ModuleLocation.LoadCustomerTools(ModuleLocation.Desktop);
}
