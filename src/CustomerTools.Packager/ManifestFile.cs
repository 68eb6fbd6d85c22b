using System;
using System.Collections;
using System.Linq;
using System.Management.Automation.Language;

namespace CustomerTools.Packager;

/// <summary>
/// Reads a module manifest (.psd1) with PowerShell's own parser, taking what
/// Import-PowerShellDataFile takes: one hashtable of constants (strings, numbers, arrays, nested
/// hashtables, $true, $false, $null). Anything else is an error naming the line, so the package
/// never carries a guess.
/// </summary>
internal static class ManifestFile
{
    public static Hashtable Read(string path)
    {
        ScriptBlockAst script = Parser.ParseFile(path, out _, out ParseError[] errors);
        if (errors.Length > 0)
        {
            throw Problem(errors[0].Extent, errors[0].Message);
        }

        if (script is not { ParamBlock: null, BeginBlock: null, ProcessBlock: null, DynamicParamBlock: null, UsingStatements.Count: 0 }
            || script.EndBlock?.Statements is not [PipelineAst pipeline] || pipeline.GetPureExpression() is not HashtableAst manifest)
        {
            throw Problem(script.Extent, "the manifest must be one hashtable, @{ ... }, and nothing else");
        }

        try
        {
            return (Hashtable)manifest.SafeGetValue();
        }
        catch (InvalidOperationException)
        {
            // SafeGetValue names the whole hashtable; point at the innermost value it refused
            // (the last one in the pre-order walk has no refused part inside it).
            Ast refused = manifest.FindAll(ast => !IsConstant(ast), searchNestedScriptBlocks: true).Last();
            throw Problem(refused.Extent, $"'{refused.Extent.Text}' is not a constant; a manifest holds only strings, numbers, arrays, hashtables and $true, $false or $null");
        }
    }

    private static bool IsConstant(Ast ast)
    {
        ExpressionAst? expression = ast switch
        {
            ExpressionAst e => e,
            PipelineBaseAst p => p.GetPureExpression(),
            _ => null,
        };
        if (expression is null)
        {
            return ast is not PipelineBaseAst;
        }

        try
        {
            expression.SafeGetValue();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static FormatException Problem(IScriptExtent where, string what) => new($"manifest line {where.StartLineNumber}: {what}");
}
