using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>
/// Get-Help, as users run it against the built module, shows the help written in docs/en-US:
/// the docs' synopsis and description (not the syntax-only help PowerShell makes up), at least
/// three examples, a description for every parameter the cmdlet really has, the cmdlet's real
/// parameter sets, and the about topic.
/// </summary>
public sealed class HelpTests
{
    private static readonly string[] CmdletNames =
    {
        "Connect-Kustomer", "Disconnect-Kustomer", "Get-KustomerConnection", "Get-KustomerCustomer", "Get-KustomerCompany",
        "Connect-HelpScout", "Disconnect-HelpScout", "Get-HelpScoutConnection", "Get-HelpScoutCustomer", "Get-HelpScoutOrganization",
    };

    public static TheoryData<string> Cmdlets => new(CmdletNames);

    private static string DocsFolder => Path.Combine(ModuleLocation.RepoRoot, "docs", "en-US");

    [Fact]
    public void Every_exported_cmdlet_has_a_doc_and_every_doc_an_exported_cmdlet()
    {
        using var ps = new PowerShellSession();
        var exported = ps.Run("(Get-Module CustomerTools).ExportedCmdlets.Keys").Output.Select(o => o.ToString()).OrderBy(n => n, StringComparer.Ordinal);
        var docs = Directory.GetFiles(DocsFolder, "*.md").Select(Path.GetFileNameWithoutExtension)
            .Where(n => !n!.StartsWith("about_", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(exported, docs);
        Assert.Equal(exported, CmdletNames.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Full_help_comes_from_the_module_folder_with_the_docs_synopsis_and_description(string cmdlet)
    {
        using var ps = new PowerShellSession();
        var result = ps.Run($$"""
            $help = Get-Help {{cmdlet}} -Full
            $help.PSObject.TypeNames -join ','
            $help.Synopsis
            ($help.description | ForEach-Object Text) -join ' '
            (Get-Command {{cmdlet}}).HelpFile
            """);

        Assert.True(result.Errors.Count == 0 && result.Fatal is null, result.AllText());
        string[] lines = result.Output.Select(o => o?.ToString() ?? string.Empty).ToArray();
        Assert.DoesNotContain("ExtendedCmdletHelpInfo", lines[0], StringComparison.Ordinal); // the made-up, syntax-only help
        Assert.Equal(DocSection(cmdlet, "SYNOPSIS"), Normalize(lines[1]));
        string description = Normalize(lines[2]);
        Assert.StartsWith(FirstParagraph(DocSection(cmdlet, "DESCRIPTION", keepParagraphs: true)), description, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(ModuleLocation.ModuleFolder, "en-US", "CustomerTools.dll-Help.xml"), lines[3]);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Examples_are_all_there_with_code_and_an_explanation(string cmdlet)
    {
        using var ps = new PowerShellSession();
        var result = ps.Run($$"""
            foreach ($example in (Get-Help {{cmdlet}} -Examples).examples.example) {
                [pscustomobject]@{
                    Title = [string]$example.title
                    Code = [string]$example.code
                    Remarks = [string](($example.remarks | ForEach-Object Text) -join ' ')
                }
            }
            """);

        Assert.True(result.Errors.Count == 0 && result.Fatal is null, result.AllText());
        int written = Regex.Count(DocSection(cmdlet, "EXAMPLES", keepParagraphs: true), "^### ", RegexOptions.Multiline);
        Assert.True(result.Output.Count >= 3, $"{cmdlet} has {result.Output.Count} examples in Get-Help; at least 3 are needed.");
        Assert.Equal(written, result.Output.Count);
        Assert.All(result.Output, example =>
        {
            Assert.False(string.IsNullOrWhiteSpace((string)example.Properties["Code"].Value), $"{cmdlet}: {example.Properties["Title"].Value} has no code");
            Assert.False(string.IsNullOrWhiteSpace((string)example.Properties["Remarks"].Value), $"{cmdlet}: {example.Properties["Title"].Value} has no explanation");
        });
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Every_parameter_the_cmdlet_has_is_described_as_it_is(string cmdlet)
    {
        using var ps = new PowerShellSession();
        var result = ps.Run($$"""
            $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
            $command = Get-Command {{cmdlet}}
            foreach ($parameter in $command.Parameters.Values | Where-Object Name -notin $common) {
                $help = Get-Help {{cmdlet}} -Parameter $parameter.Name -ErrorAction SilentlyContinue
                [pscustomobject]@{
                    Name = $parameter.Name
                    Description = [string](($help.description | ForEach-Object Text) -join ' ')
                    HelpType = [string]$help.type.name
                    HelpRequired = [string]$help.required
                    HelpPosition = [string]$help.position
                    HelpPipeline = [string]$help.pipelineInput
                    HelpAliases = [string]$help.aliases
                }
            }
            """);

        Assert.True(result.Fatal is null, result.AllText());
        var real = GetCommand(ps, cmdlet).Parameters.Values.Where(p => !IsCommon(p.Name)).ToDictionary(p => p.Name);
        var problems = new List<string>();
        foreach (PSObject help in result.Output)
        {
            string name = (string)help.Properties["Name"].Value;
            string Text(string property) => (string)help.Properties[property].Value ?? string.Empty;
            if (Text("Description").Trim().Length == 0)
            {
                problems.Add($"-{name} has no description in Get-Help (is '### -{name}' missing from docs/en-US/{cmdlet}.md?)");
                continue;
            }

            ParameterMetadata parameter = real[name];
            var attributes = parameter.ParameterSets.Values.ToArray();
            string type = parameter.ParameterType.Name;
            string required = attributes.Any(a => a.IsMandatory) ? "true" : "false";
            int position = attributes.Select(a => a.Position).Where(p => p >= 0).DefaultIfEmpty(int.MinValue).Min();
            var pipeline = new SortedSet<string>(StringComparer.Ordinal);
            if (attributes.Any(a => a.ValueFromPipeline))
            {
                pipeline.Add("ByValue");
            }

            if (attributes.Any(a => a.ValueFromPipelineByPropertyName))
            {
                pipeline.Add("ByPropertyName");
            }

            Check("type", type, Text("HelpType"));
            Check("required", required, Text("HelpRequired"));
            Check("position", position == int.MinValue ? "named" : position.ToString(System.Globalization.CultureInfo.InvariantCulture), Text("HelpPosition"));
            Check("pipeline input", string.Join(",", pipeline), string.Join(",", Regex.Matches(Text("HelpPipeline"), "By[A-Za-z]+").Select(m => m.Value).Order(StringComparer.Ordinal)));
            Check("aliases", string.Join(",", parameter.Aliases.Order(StringComparer.Ordinal)), Text("HelpAliases") == "none" ? string.Empty : string.Join(",", Text("HelpAliases").Split(',', StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal)));

            void Check(string what, string actual, string documented)
            {
                if (!string.Equals(actual, documented, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"-{name}: the help says {what} '{documented}', the cmdlet has '{actual}'");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{cmdlet}:\n" + string.Join("\n", problems));
        Assert.Equal(real.Keys.Order(StringComparer.Ordinal), result.Output.Select(o => (string)o.Properties["Name"].Value).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void The_syntax_shows_the_cmdlets_real_parameter_sets(string cmdlet)
    {
        using var ps = new PowerShellSession();
        var result = ps.Run($$"""
            foreach ($item in (Get-Help {{cmdlet}} -Full).syntax.syntaxItem) {
                (@($item.parameter) | Where-Object { $_ } | ForEach-Object { $_.name }) -join ','
            }
            """);

        Assert.True(result.Errors.Count == 0 && result.Fatal is null, result.AllText());
        var documented = result.Output.Select(o => string.Join(",", o.ToString().Split(',').Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal);
        var real = GetCommand(ps, cmdlet).ParameterSets
            .Select(set => string.Join(",", set.Parameters.Select(p => p.Name).Where(n => !IsCommon(n)).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal);
        Assert.Equal(real, documented);
    }

    [Fact]
    public void The_about_topic_is_found_and_lists_every_error_id()
    {
        using var ps = new PowerShellSession();
        var result = ps.Run("Get-Help about_CustomerTools");

        Assert.True(result.Errors.Count == 0 && result.Fatal is null, result.AllText());
        string topic = string.Join("\n", result.Output.Select(o => o.ToString()));
        Assert.StartsWith("TOPIC\n    about_CustomerTools\n\nSHORT DESCRIPTION\n", topic, StringComparison.Ordinal);
        Assert.Contains("\nLONG DESCRIPTION\n", topic, StringComparison.Ordinal);
        Assert.Contains(DocSection("about_CustomerTools", "SHORT DESCRIPTION"), Normalize(topic), StringComparison.Ordinal);

        var ids = typeof(CustomerToolsException).Assembly.GetType("CustomerTools.ErrorIds", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
            .Append("FilterOrAllRequired");
        Assert.All(ids, id => Assert.Contains("`" + id + "`", topic, StringComparison.Ordinal));
    }

    private static bool IsCommon(string name) =>
        Cmdlet.CommonParameters.Contains(name) || Cmdlet.OptionalCommonParameters.Contains(name);

    private static CmdletInfo GetCommand(PowerShellSession ps, string cmdlet) =>
        (CmdletInfo)Assert.Single(ps.Run($"Get-Command {cmdlet}").Output).BaseObject;

    /// <summary>The text under '## <paramref name="section"/>' in the doc, read here without the converter.</summary>
    private static string DocSection(string doc, string section, bool keepParagraphs = false)
    {
        string text = File.ReadAllText(Path.Combine(DocsFolder, doc + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        Match match = Regex.Match(text, $@"^## {Regex.Escape(section)}\n(?<body>.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.True(match.Success, $"docs/en-US/{doc}.md has no '## {section}'");
        return keepParagraphs ? match.Groups["body"].Value.Trim() : Normalize(match.Groups["body"].Value);
    }

    private static string FirstParagraph(string text) => Normalize(text.Split("\n\n")[0]);

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
