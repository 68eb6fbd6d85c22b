using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>The built module folder is what INTERFACE.md promises.</summary>
public sealed class ModuleLayoutTests
{
    private static readonly string[] ContractCmdlets =
    {
        "Connect-HelpScout", "Connect-Kustomer", "Disconnect-HelpScout", "Disconnect-Kustomer",
        "Get-HelpScoutConnection", "Get-HelpScoutCustomer", "Get-HelpScoutOrganization", "Get-KustomerCompany", "Get-KustomerConnection", "Get-KustomerCustomer",
    };

    [Fact]
    public void The_folder_holds_manifest_loader_views_and_both_builds()
    {
        string root = ModuleLocation.ModuleFolder;
        foreach (string file in new[]
        {
            "CustomerTools.psd1", "CustomerTools.psm1", "CustomerTools.Format.ps1xml",
            "bin/net8.0/CustomerTools.dll", "bin/netstandard2.0/CustomerTools.dll",
            "bin/netstandard2.0/dependencies/System.Text.Json.dll",
        })
        {
            Assert.True(File.Exists(Path.Combine(root, file)), file + " is missing");
        }
    }

    [Fact]
    public void The_PowerShell_7_build_ships_only_our_assembly_and_nothing_ships_the_engine()
    {
        string root = ModuleLocation.ModuleFolder;
        Assert.Equal(new[] { "CustomerTools.dll" }, Directory.GetFiles(Path.Combine(root, "bin", "net8.0")).Select(Path.GetFileName).ToArray());
        Assert.Empty(Directory.GetFiles(root, "System.Management.Automation*.dll", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(root, "Microsoft.PowerShell.*.dll", SearchOption.AllDirectories));
    }

    [Fact]
    public void Nothing_of_the_test_engine_or_Pester_lands_in_out()
    {
        // tests/Pwsh's output folder holds the whole SDK engine and Pester: none of its files, by
        // content, may be in out/ (our System.Text.Json dependencies share names with some of them).
        string configuration = typeof(ModuleLayoutTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        string shell = Path.Combine(ModuleLocation.RepoRoot, "tests", "Pwsh", "bin", configuration, "net10.0");
        string[] testOnly = Directory.GetFiles(shell, "*", SearchOption.AllDirectories);
        Assert.Contains(testOnly, f => f.EndsWith(Path.Combine("Modules", "Pester", "Pester.psm1"), StringComparison.Ordinal));
        var testOnlyHashes = testOnly.Select(Hash).ToHashSet(StringComparer.Ordinal);

        string outFolder = Path.Combine(ModuleLocation.RepoRoot, "out");
        string[] shipped = Directory.GetFiles(outFolder, "*", SearchOption.AllDirectories);
        Assert.Empty(shipped.Where(f => testOnlyHashes.Contains(Hash(f))).Select(f => Path.GetRelativePath(outFolder, f)));
        Assert.DoesNotContain(shipped.Select(f => Path.GetRelativePath(outFolder, f)), f =>
            f.Contains("Pester", StringComparison.OrdinalIgnoreCase) || f.Contains("pwsh", StringComparison.OrdinalIgnoreCase) ||
            f.Contains("Microsoft.PowerShell", StringComparison.OrdinalIgnoreCase) || f.Contains("System.Management.Automation", StringComparison.OrdinalIgnoreCase));

        static string Hash(string file) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
    }

    [Fact]
    public void The_version_comes_from_Directory_Build_props_into_manifest_and_assembly()
    {
        string props = File.ReadAllText(Path.Combine(ModuleLocation.RepoRoot, "Directory.Build.props"));
        string version = Regex.Match(props, "<VersionPrefix>([^<]+)</VersionPrefix>").Groups[1].Value;
        string manifest = File.ReadAllText(ModuleLocation.Manifest);

        Assert.Matches($"ModuleVersion\\s*=\\s*'{Regex.Escape(version)}'", manifest);
        Assert.Equal(version, AssemblyName.GetAssemblyName(ModuleLocation.Assembly(ModuleLocation.Core)).Version!.ToString(3));
        Assert.Contains("ModuleVersion        = '0.0.0'", File.ReadAllText(Path.Combine(ModuleLocation.RepoRoot, "CustomerTools.psd1")), StringComparison.Ordinal);
    }

    [Fact]
    public void Test_ModuleManifest_passes_and_declares_editions_and_exact_exports()
    {
        using var ps = new PowerShellSession(importModule: false);
        var result = ps.Run($"Test-ModuleManifest -Path '{ModuleLocation.Manifest}'");

        Assert.Null(result.Fatal);
        Assert.Empty(result.Errors);
        var info = (PSModuleInfo)Assert.Single(result.Output).BaseObject;
        Assert.Equal(ContractCmdlets, info.ExportedCmdlets.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
        Assert.Equal(new[] { "Core", "Desktop" }, info.CompatiblePSEditions.ToArray());
        Assert.Equal(new Version(5, 1), info.PowerShellVersion);
        string manifest = File.ReadAllText(ModuleLocation.Manifest);
        Assert.DoesNotContain("'*'", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_exports_exactly_the_contract_cmdlets_and_the_format_file()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run("$m = Get-Module CustomerTools; $m.ExportedCommands.Keys; '--'; $m.ExportedFormatFiles");

        var lines = result.Output.Select(o => o.BaseObject.ToString()!).ToArray();
        int split = Array.IndexOf(lines, "--");
        Assert.Equal(ContractCmdlets, lines.Take(split).OrderBy(k => k, StringComparer.Ordinal).ToArray());
        Assert.Equal("CustomerTools.Format.ps1xml", Path.GetFileName(Assert.Single(lines.Skip(split + 1))));
    }

    [Fact]
    public void The_format_file_is_valid_and_has_a_table_and_a_list_view_for_every_output_type()
    {
        string path = Path.Combine(ModuleLocation.ModuleFolder, "CustomerTools.Format.ps1xml");
        _ = new FormatTable(new[] { path });
        var views = System.Xml.Linq.XDocument.Load(path).Descendants("View")
            .Select(v => (Type: v.Element("ViewSelectedBy")!.Element("TypeName")!.Value, Kind: v.Elements().Last().Name.LocalName))
            .ToArray();

        foreach (string type in new[]
        {
            "CustomerTools.Kustomer.KustomerCustomer", "CustomerTools.HelpScout.HelpScoutCustomer",
            "CustomerTools.Kustomer.KustomerConnection", "CustomerTools.HelpScout.HelpScoutConnection",
        })
        {
            Assert.Contains((type, "TableControl"), views);
            Assert.Contains((type, "ListControl"), views);
        }
    }
}
