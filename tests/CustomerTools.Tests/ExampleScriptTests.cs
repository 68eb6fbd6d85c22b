using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>
/// The scripts in examples/ call our cmdlets only with parameters they have, and nothing a
/// standard PowerShell lacks. (tests/CustomerTools.Examples.Tests.ps1 runs them.)
/// </summary>
public sealed class ExampleScriptTests
{
    // Commands of a stock PowerShell 7.4 / 5.1 that the examples may use besides ours.
    private static readonly HashSet<string> Standard = new(StringComparer.OrdinalIgnoreCase)
    {
        "Add-Content", "ConvertTo-Json", "Export-Csv", "ForEach-Object", "Get-Content", "Get-Date", "Import-Csv", "Join-Path",
        "Select-Object", "Set-Content", "Sort-Object", "Test-Path", "Where-Object", "Write-Error", "Write-Verbose", "Write-Warning",
    };

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(ModuleLocation.RepoRoot, "examples"), "*.ps1"))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void There_are_the_five_admin_examples()
    {
        Assert.Equal(
            new[] { "Export-ChangedKustomerCustomers.ps1", "Find-CustomerInBothServices.ps1", "Get-CustomersPerOrganization.ps1", "Get-KustomerVipReport.ps1", "Invoke-NightlyCustomerSync.ps1" },
            ((IEnumerable<object[]>)Scripts()).Select(row => (string)row[0]).OrderBy(n => n, StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void An_example_parses_has_help_and_uses_only_real_commands_and_parameters(string name)
    {
        string path = Path.Combine(ModuleLocation.RepoRoot, "examples", name);
        ScriptBlockAst ast = Parser.ParseFile(path, out _, out ParseError[] errors);
        Assert.Empty(errors);
        Assert.NotNull(ast.GetHelpContent()?.Synopsis);
        Assert.NotEmpty(ast.GetHelpContent()!.Examples);

        using var ps = new PowerShellSession();
        var problems = new List<string>();
        var ownFunctions = ast.FindAll(a => a is FunctionDefinitionAst, true).Cast<FunctionDefinitionAst>().Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (CommandAst command in ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>())
        {
            string? commandName = command.GetCommandName();
            if (commandName is null || command.InvocationOperator != TokenKind.Unknown || Standard.Contains(commandName) || ownFunctions.Contains(commandName))
            {
                continue;
            }

            var info = ps.Run("Get-Command -Name $n -Module CustomerTools -ErrorAction SilentlyContinue", ("n", commandName)).Objects<CmdletInfo>().SingleOrDefault();
            if (info is null)
            {
                problems.Add($"{commandName} is neither ours nor in the standard list");
                continue;
            }

            var known = info.Parameters.Values.SelectMany(p => p.Aliases.Append(p.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            problems.AddRange(command.CommandElements.OfType<CommandParameterAst>()
                .Where(p => !known.Contains(p.ParameterName))
                .Select(p => $"{commandName} has no -{p.ParameterName}"));
        }

        Assert.Empty(problems);
    }
}
