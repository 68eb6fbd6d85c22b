using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>
/// Windows PowerShell 5.1 reads a .ps1/.psm1/.psd1/.ps1xml without a byte order mark in the ANSI
/// code page, so a file with any non-ASCII text must start with the UTF-8 BOM to read as written.
/// </summary>
public sealed class PowerShellFileEncodingTests
{
    private static readonly string[] Extensions = { ".ps1", ".psm1", ".psd1", ".ps1xml" };

    // Build output, restored packages (Pester's own files) and tool folders are not ours to check.
    private static readonly HashSet<string> NotSource = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "out", "TestResults", "BenchmarkDotNet.Artifacts", "node_modules" };

    [Fact]
    public void Every_PowerShell_file_with_non_ASCII_text_starts_with_a_UTF8_BOM()
    {
        string[] files = PowerShellFiles(ModuleLocation.RepoRoot).ToArray();

        Assert.Contains(files, f => f.EndsWith("TestSupport.ps1", StringComparison.Ordinal)); // the walk reaches tests/
        Assert.Empty(files.Select(f => (File: Path.GetRelativePath(ModuleLocation.RepoRoot, f), Problem: Problem(File.ReadAllBytes(f))))
            .Where(f => f.Problem is not null).Select(f => $"{f.File}: {f.Problem}"));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'a', (byte)'b' }, null)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'Z', 0xC3, 0xAB }, null)]
    [InlineData(new byte[] { (byte)'Z', 0xC3, 0xAB }, "non-ASCII text without a UTF-8 byte order mark")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'Z', 0xEB }, "not valid UTF-8")]
    public void The_check_tells_a_file_that_5_1_would_misread(byte[] content, string? problem)
    {
        Assert.Equal(problem, Problem(content));
    }

    private static string? Problem(byte[] content)
    {
        bool bom = content.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF });
        if (!bom && content.All(b => b < 0x80))
        {
            return null;
        }

        try
        {
            _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return "not valid UTF-8";
        }

        return bom ? null : "non-ASCII text without a UTF-8 byte order mark";
    }

    private static IEnumerable<string> PowerShellFiles(string folder)
    {
        foreach (string file in Directory.EnumerateFiles(folder).Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)))
        {
            yield return file;
        }

        foreach (string child in Directory.EnumerateDirectories(folder))
        {
            string name = Path.GetFileName(child);
            if (!name.StartsWith('.') && !NotSource.Contains(name))
            {
                foreach (string file in PowerShellFiles(child))
                {
                    yield return file;
                }
            }
        }
    }
}
