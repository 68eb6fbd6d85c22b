using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>
/// How Windows PowerShell 5.1 gets its build and its System.Text.Json, as far as this machine can
/// show it: the loader's choice by edition, the resolver's decisions, and that what ships in
/// dependencies/ is complete. (Loading under .NET Framework itself needs Windows.)
/// </summary>
public sealed class DesktopLoadingTests : IDisposable
{
    private static readonly string Dependencies = Path.Combine(ModuleLocation.ModuleFolder, "bin", "netstandard2.0", "dependencies");
    private static readonly string DesktopAssembly = Path.Combine(ModuleLocation.ModuleFolder, "bin", "netstandard2.0", "CustomerTools.dll");

    // Assemblies the .NET Framework 4.7.2+ under Windows PowerShell 5.1 always has.
    private static readonly HashSet<string> InBox = new(StringComparer.OrdinalIgnoreCase)
    {
        "mscorlib", "netstandard", "System", "System.Core", "System.Net.Http", "System.Numerics", "System.Runtime.Serialization",
        "System.Xml", "System.Xml.Linq", "System.Data", "System.Management.Automation", "Microsoft.CSharp", "System.ComponentModel.Composition",
    };

    private readonly PowerShellSession _ps = new();

    public void Dispose() => _ps.Dispose();

    [Theory]
    [InlineData("Desktop", "5.1", "netstandard2.0")]
    [InlineData("Core", "7.4.0", "net8.0")]
    [InlineData("Core", "7.6.1", "net8.0")]
    public void The_loader_picks_the_build_by_edition(string edition, string version, string framework)
    {
        var result = _ps.Run($"& (Get-Module CustomerTools) {{ Get-CustomerToolsAssemblyPath -Edition {edition} -Version {version} }}");

        string path = (string)result.Output.Single().BaseObject;
        Assert.Equal(Path.Combine(ModuleLocation.ModuleFolder, "bin", framework, "CustomerTools.dll"), path);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void The_loader_refuses_PowerShell_7_before_7_4_with_a_clear_message()
    {
        var result = _ps.Run("& (Get-Module CustomerTools) { Get-CustomerToolsAssemblyPath -Edition Core -Version 7.2.18 }");

        Assert.NotNull(result.Fatal);
        Assert.Contains("needs PowerShell 7.4 or later", result.Fatal!.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_resolver_answers_for_our_dependencies_asked_by_us_or_by_them()
    {
        var resolver = new DependencyResolver.Resolver(Dependencies);
        var ours = AssemblyName.GetAssemblyName(DesktopAssembly);
        var json = AssemblyName.GetAssemblyName(Path.Combine(Dependencies, "System.Text.Json.dll"));

        Assert.Equal(Path.Combine(Dependencies, "System.Text.Json.dll"), resolver.FindFile(new AssemblyName("System.Text.Json, Version=8.0.0.0"), ours));
        Assert.Equal(Path.Combine(Dependencies, "System.Memory.dll"), resolver.FindFile(new AssemblyName("System.Memory, Version=4.0.1.0"), json));
    }

    [Fact]
    public void The_resolver_stays_out_of_everything_else()
    {
        var resolver = new DependencyResolver.Resolver(Dependencies);
        var ours = AssemblyName.GetAssemblyName(DesktopAssembly);

        Assert.Null(resolver.FindFile(new AssemblyName("System.Text.Json, Version=8.0.0.0"), new AssemblyName("SomeOtherModule")));
        Assert.Null(resolver.FindFile(new AssemblyName("System.Text.Json, Version=8.0.0.0"), null));
        Assert.Null(resolver.FindFile(new AssemblyName("System.Text.Json, Version=99.0.0.0"), ours));
        Assert.Null(resolver.FindFile(new AssemblyName("Newtonsoft.Json, Version=13.0.0.0"), ours));
        Assert.Null(new DependencyResolver.Resolver(Path.Combine(Dependencies, "missing")).FindFile(new AssemblyName("System.Text.Json"), ours));
    }

    [Fact]
    public void Every_reference_of_the_desktop_build_is_shipped_or_in_the_box()
    {
        var shipped = Directory.GetFiles(Dependencies, "*.dll").ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => AssemblyName.GetAssemblyName(f).Version!, StringComparer.OrdinalIgnoreCase);
        var missing = new List<string>();
        foreach (string file in Directory.GetFiles(Dependencies, "*.dll").Append(DesktopAssembly))
        {
            foreach (var (name, version) in References(file))
            {
                bool ok = InBox.Contains(name) || (shipped.TryGetValue(name, out Version? have) && have >= version);
                if (!ok)
                {
                    missing.Add($"{Path.GetFileName(file)} needs {name} {version}");
                }
            }
        }

        Assert.Empty(missing);
        Assert.Contains("System.Text.Json", shipped.Keys);
    }

    [Fact]
    public void Nothing_PowerShell_reflects_on_at_import_needs_System_Text_Json()
    {
        // Windows PowerShell scans the exported types before OnImport registers the resolver: none of
        // them may need System.Text.Json to load, or the import fails before the resolver can help.
        var offenders = new List<string>();
        foreach (Type type in typeof(DependencyResolver).Assembly.GetExportedTypes())
        {
            var names = new List<Type?> { type.BaseType };
            names.AddRange(type.GetInterfaces());
            names.AddRange(type.GetProperties().Select(p => p.PropertyType));
            names.AddRange(type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)));
            names.AddRange(type.GetCustomAttributes(inherit: false).Select(a => a.GetType()));
            offenders.AddRange(names.Where(t => t?.Assembly.GetName().Name == "System.Text.Json").Select(t => $"{type.FullName} uses {t!.FullName}"));
        }

        Assert.Empty(offenders);
    }

    private static IEnumerable<(string Name, Version Version)> References(string file)
    {
        using var stream = File.OpenRead(file);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.AssemblyReferences)
        {
            var reference = metadata.GetAssemblyReference(handle);
            yield return (metadata.GetString(reference.Name), reference.Version);
        }
    }
}
