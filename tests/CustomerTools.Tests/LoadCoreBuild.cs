using System.Runtime.CompilerServices;
using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>This suite runs the module as users import it: the folder, which loads the net8.0 build.</summary>
internal static class LoadCoreBuild
{
    [ModuleInitializer]
    internal static void FromModuleFolder() => ModuleLocation.LoadCustomerTools(ModuleLocation.Core);
}
