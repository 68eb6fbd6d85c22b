using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using NuGet.Packaging;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>The .nupkg the build makes is what a Gallery publish of out/CustomerTools would upload.</summary>
public sealed class PackageTests
{
    private static string PackagePath => Assert.Single(Directory.GetFiles(Path.Combine(ModuleLocation.RepoRoot, "out"), "CustomerTools.*.nupkg"));

    [Fact]
    public void The_module_files_are_at_the_package_root_and_nothing_else_is_added()
    {
        using var package = new PackageArchiveReader(PackagePath);
        string[] moduleFiles = Directory.GetFiles(ModuleLocation.ModuleFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(ModuleLocation.ModuleFolder, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal).ToArray();
        string[] packaged = package.GetFiles()
            .Where(f => f != "CustomerTools.nuspec" && f != "[Content_Types].xml" && !f.StartsWith("_rels/", StringComparison.Ordinal) && !f.StartsWith("package/", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal).ToArray();

        Assert.Equal(moduleFiles, packaged);
        Assert.Contains("CustomerTools.psd1", packaged);
        Assert.Contains("en-US/CustomerTools.dll-Help.xml", packaged);
        Assert.DoesNotContain(packaged, f => f.Contains("System.Management.Automation", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_nuspec_carries_the_manifest_metadata_and_the_Gallery_tags()
    {
        using var ps = new PowerShellSession(importModule: false);
        var manifest = (PSModuleInfo)ps.Run($"Test-ModuleManifest -Path '{ModuleLocation.Manifest}'").Output.Single().BaseObject;
        using var package = new PackageArchiveReader(PackagePath);
        NuspecReader nuspec = package.NuspecReader;

        Assert.Equal("CustomerTools", nuspec.GetId());
        Assert.Equal(manifest.Version.ToString(3), nuspec.GetVersion().ToNormalizedString());
        Assert.Equal(manifest.Description, nuspec.GetDescription());
        Assert.Equal(manifest.Author, nuspec.GetAuthors());
        Assert.Equal(manifest.Copyright, nuspec.GetCopyright());
        Assert.Equal(manifest.ProjectUri.ToString(), nuspec.GetProjectUrl());
        Assert.Equal(manifest.LicenseUri.ToString(), nuspec.GetLicenseUrl());
        Assert.Equal(manifest.ReleaseNotes, nuspec.GetReleaseNotes());
        string[] tags = nuspec.GetTags().Split(' ');
        Assert.Superset(manifest.Tags.ToHashSet(), tags.ToHashSet());
        Assert.Contains("PSModule", tags);
        Assert.Contains("PSIncludes_Cmdlet", tags);
        foreach (string edition in new[] { "PSEdition_Core", "PSEdition_Desktop" })
        {
            Assert.Contains(edition, tags);
        }

        foreach (string cmdlet in manifest.ExportedCmdlets.Keys)
        {
            Assert.Contains("PSCmdlet_" + cmdlet, tags);
            Assert.Contains("PSCommand_" + cmdlet, tags);
        }
    }
}
