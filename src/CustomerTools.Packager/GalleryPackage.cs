using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NuGet.Packaging;
using NuGet.Versioning;

namespace CustomerTools.Packager;

/// <summary>
/// The package a PowerShell Gallery publish makes of a module folder: the folder's files at the
/// package root, and a nuspec carrying the manifest's metadata with the tags the Gallery derives
/// (PSModule, PSEdition_*, PSCmdlet_*, PSCommand_*, PSIncludes_Cmdlet).
/// </summary>
internal static class GalleryPackage
{
    public static string Write(string moduleFolder, string outputFolder)
    {
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(moduleFolder));
        string manifestPath = Path.Combine(moduleFolder, name + ".psd1");
        var manifest = new ModuleManifest(ManifestFile.Read(manifestPath));

        var builder = new PackageBuilder(deterministic: true)
        {
            Id = name,
            Version = NuGetVersion.Parse(manifest.Version),
            Description = manifest.Required("Description"),
            Copyright = manifest.Text("Copyright"),
            ReleaseNotes = manifest.PSData("ReleaseNotes"),
            RequireLicenseAcceptance = false,
        };
        builder.Authors.Add(manifest.Required("Author"));
        builder.Owners.Add(manifest.Text("CompanyName") ?? manifest.Required("Author"));
        if (manifest.PSData("ProjectUri") is { } project)
        {
            builder.ProjectUrl = new Uri(project);
        }

        if (manifest.PSData("LicenseUri") is { } license)
        {
            builder.LicenseUrl = new Uri(license);
        }

        if (manifest.PSData("IconUri") is { } icon)
        {
            builder.IconUrl = new Uri(icon);
        }

        builder.Tags.AddRange(Tags(manifest));
        foreach (string file in Directory.GetFiles(moduleFolder, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(moduleFolder, file).Replace('\\', '/');
            builder.Files.Add(new PhysicalPackageFile { SourcePath = file, TargetPath = relative });
        }

        Directory.CreateDirectory(outputFolder);
        string packagePath = Path.Combine(outputFolder, $"{name}.{builder.Version.ToNormalizedString()}.nupkg");
        using (var stream = File.Create(packagePath))
        {
            builder.Save(stream);
        }

        return packagePath;
    }

    /// <summary>The manifest's own tags, then the ones the Gallery adds for search.</summary>
    public static IEnumerable<string> Tags(ModuleManifest manifest)
    {
        var tags = new List<string>(manifest.PSDataList("Tags")) { "PSModule" };
        tags.AddRange(manifest.List("CompatiblePSEditions").Select(edition => "PSEdition_" + edition));
        string[] cmdlets = manifest.List("CmdletsToExport");
        foreach (string cmdlet in cmdlets)
        {
            tags.Add("PSCmdlet_" + cmdlet);
            tags.Add("PSCommand_" + cmdlet);
        }

        if (cmdlets.Length > 0)
        {
            tags.Add("PSIncludes_Cmdlet");
        }

        return tags.Distinct(StringComparer.OrdinalIgnoreCase);
    }
}
