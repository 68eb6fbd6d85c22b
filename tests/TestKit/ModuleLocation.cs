using System;
using System.IO;
using System.Runtime.Loader;

namespace CustomerTools.TestKit;

/// <summary>
/// The built module, out/CustomerTools, and CustomerTools.dll loaded from there, so that code
/// touching its internals and Import-Module use one copy. Each project that touches CustomerTools
/// types calls <see cref="LoadCustomerTools"/> from a module initializer of its own (it must run
/// before the runtime first looks for CustomerTools.dll).
/// </summary>
public static class ModuleLocation
{
    /// <summary>The PowerShell 7.4+ build.</summary>
    public const string Core = "net8.0";

    /// <summary>The Windows PowerShell 5.1 build.</summary>
    public const string Desktop = "netstandard2.0";

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ModuleFolder { get; } = Path.Combine(RepoRoot, "out", "CustomerTools");

    public static string Manifest { get; } = Path.Combine(ModuleFolder, "CustomerTools.psd1");

    /// <summary>
    /// What sessions import: the module folder, as users do, when this process runs the core
    /// build; the desktop build's assembly when it runs that one (on this engine the folder's
    /// loader would pick the core build).
    /// </summary>
    public static string ImportPath { get; private set; } = ModuleFolder;

    /// <summary>The build for a framework, <see cref="Core"/> or <see cref="Desktop"/>.</summary>
    public static string Assembly(string framework) => Path.Combine(ModuleFolder, "bin", framework, "CustomerTools.dll");

    /// <summary>Answers this process's requests for CustomerTools.dll with the build for <paramref name="framework"/>.</summary>
    public static void LoadCustomerTools(string framework)
    {
        string assembly = Assembly(framework);
        ImportPath = framework == Core ? ModuleFolder : assembly;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            name.Name == "CustomerTools" && File.Exists(assembly) ? context.LoadFromAssemblyPath(assembly) : null;
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
