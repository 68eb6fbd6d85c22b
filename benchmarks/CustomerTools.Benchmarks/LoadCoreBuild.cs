using System.Runtime.CompilerServices;
using CustomerTools.TestKit;

namespace CustomerTools.Benchmarks;

/// <summary>
/// CustomerTools.dll loaded from out/ as Import-Module loads it, so the micro-benchmark's calls
/// into its internals and the cmdlets the engine runs are the same code.
/// </summary>
internal static class LoadCoreBuild
{
    [ModuleInitializer]
    internal static void FromModuleFolder() => ModuleLocation.LoadCustomerTools(ModuleLocation.Core);
}
