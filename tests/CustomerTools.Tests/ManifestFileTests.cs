using System;
using System.IO;
using CustomerTools.Packager;
using Xunit;

namespace CustomerTools.Tests;

/// <summary>
/// The packager reads a module manifest with PowerShell's parser: the constants manifests hold,
/// and an error naming the line for anything else, so the package never carries a guess.
/// </summary>
public sealed class ManifestFileTests
{
    [Fact]
    public void The_manifest_reader_reads_what_manifests_hold()
    {
        using var folder = new TestFolder();
        var keys = ManifestFile.Read(Write(folder, """
            # a comment
            @{
                ModuleVersion = '1.2.3'   # trailing comment
                Quoted = 'it''s'; Double = "plain"
                List = @(
                    'a'
                    'b', 'c'
                )
                Bare = 'x', 'y'
                Empty = @()
                Flag = $true
                Number = 5.1
                <# block
                   comment #>
                PrivateData = @{ PSData = @{ Tags = @('t1', 't2') } }
            }
            """));

        var manifest = new ModuleManifest(keys);
        Assert.Equal("1.2.3", manifest.Version);
        Assert.Equal("it's", manifest.Text("Quoted"));
        Assert.Equal("plain", manifest.Text("double"));
        Assert.Equal(new[] { "a", "b", "c" }, manifest.List("List"));
        Assert.Equal(new[] { "x", "y" }, manifest.List("Bare"));
        Assert.Empty(manifest.List("Empty"));
        Assert.Equal(true, keys["Flag"]);
        Assert.Equal(5.1, keys["Number"]);
        Assert.Equal(new[] { "t1", "t2" }, manifest.PSDataList("Tags"));
    }

    [Theory]
    [InlineData("@{ A = \"$env:USER\" }", "manifest line 1: '$env:USER' is not a constant")]
    [InlineData("@{\n A = 'a'\n B = (Get-Date)\n}", "manifest line 3: 'Get-Date' is not a constant")]
    [InlineData("@{ A = 'open }", "manifest line 1: The string is missing the terminator")]
    [InlineData("@{ A = 1 }\n@{ B = 2 }", "manifest line 1: the manifest must be one hashtable")]
    [InlineData("param($x)\n@{ A = 1 }", "manifest line 1: the manifest must be one hashtable")]
    public void Anything_else_fails_naming_the_line(string text, string problem)
    {
        using var folder = new TestFolder();
        string path = Write(folder, text);
        var error = Assert.Throws<FormatException>(() => ManifestFile.Read(path));

        Assert.StartsWith(problem, error.Message, StringComparison.Ordinal);
    }

    private static string Write(TestFolder folder, string text)
    {
        string path = folder.File("Test.psd1");
        File.WriteAllText(path, text);
        return path;
    }
}
