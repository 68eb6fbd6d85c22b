using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using CustomerTools.Testing;

namespace CustomerTools.Tests;

/// <summary>
/// A real PowerShell session with the built module imported (<see cref="ModuleLocation.ImportPath"/>):
/// by default the engine's core session state (CreateDefault2: core cmdlets only, cheap to open);
/// <see cref="WithAllCmdlets"/> for the session users have (Export-Csv, Select-Object, ConvertTo-Json...).
/// </summary>
internal sealed class PowerShellSession : IDisposable
{
    private readonly Runspace _runspace;

    public PowerShellSession(bool importModule = true)
        : this(InitialSessionState.CreateDefault2(), importModule)
    {
    }

    private PowerShellSession(InitialSessionState state, bool importModule)
    {
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
        if (importModule)
        {
            var import = Run($"Import-Module '{ModuleLocation.ImportPath}' -ErrorAction Stop");
            if (import.Fatal is not null || import.Errors.Count > 0)
            {
                throw new InvalidOperationException("Import-Module failed: " + import.AllText());
            }
        }
    }

    public Runspace Runspace => _runspace;

    /// <summary>
    /// The default session state of pwsh (CreateDefault: every built-in cmdlet of
    /// Microsoft.PowerShell.SDK), for tests that run what users pipe our objects into.
    /// </summary>
    public static PowerShellSession WithAllCmdlets(bool importModule = true) =>
        new(InitialSessionState.CreateDefault(), importModule);

    public static SecureString Secure(string text) => ModuleFiles.Secure(text);

    public void Set(string name, object? value) => _runspace.SessionStateProxy.SetVariable(name, value);

    public object? Get(string name) => _runspace.SessionStateProxy.GetVariable(name);

    /// <summary>
    /// Runs a script; a terminating error ends up in <see cref="PsResult.Fatal"/> rather than as
    /// an exception, with everything written before it kept.
    /// </summary>
    public PsResult Run(string script, params (string Name, object? Value)[] variables)
    {
        foreach (var (name, value) in variables)
        {
            Set(name, value);
        }

        using PowerShell ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript("$__fatal = $null\ntry {\n" + script + "\n} catch { $__fatal = $_ }");
        var result = new PsResult();
        try
        {
            result.Output.AddRange(ps.Invoke());
        }
        catch (RuntimeException e)
        {
            result.Fatal = e.ErrorRecord;
        }

        result.Fatal ??= Get("__fatal") as ErrorRecord;
        result.Errors.AddRange(ps.Streams.Error);
        result.Verbose.AddRange(ps.Streams.Verbose.Select(v => v.Message));
        result.Debug.AddRange(ps.Streams.Debug.Select(d => d.Message));
        result.Warnings.AddRange(ps.Streams.Warning.Select(w => w.Message));
        result.Information.AddRange(ps.Streams.Information.Select(i => i.ToString()));
        result.Progress.AddRange(ps.Streams.Progress);
        result.ErrorVariable.AddRange(((System.Collections.ArrayList)Get("Error")!).Cast<object>().Select(Describe));
        return result;
    }

    public void Dispose() => _runspace.Dispose();

    internal static string Describe(object? value) => value switch
    {
        null => string.Empty,
        ErrorRecord e => string.Join("\n", e.ToString(), e.FullyQualifiedErrorId, e.CategoryInfo.ToString(), Describe(e.TargetObject), Describe(e.Exception), e.ErrorDetails?.Message ?? string.Empty),
        Exception e => e.ToString() + "\n" + Describe(e.InnerException),
        PSObject o => o.ToString() + "\n" + string.Join("\n", o.Properties.Select(p => p.Name + "=" + SafeValue(p))),
        _ => value.ToString() ?? string.Empty,
    };

    private static string SafeValue(PSPropertyInfo property)
    {
        try
        {
            return property.Value is { } v and not string && v is System.Collections.IEnumerable items
                ? string.Join(",", items.Cast<object>().Select(Describe))
                : Describe(property.Value);
        }
        catch (GetValueException e)
        {
            return e.Message;
        }
    }
}

internal sealed class PsResult
{
    public List<PSObject> Output { get; } = new();

    public List<ErrorRecord> Errors { get; } = new();

    public ErrorRecord? Fatal { get; set; }

    public List<string> Verbose { get; } = new();

    public List<string> Debug { get; } = new();

    public List<string> Warnings { get; } = new();

    public List<string> Information { get; } = new();

    public List<ProgressRecord> Progress { get; } = new();

    /// <summary>The session's $Error after the run, described.</summary>
    public List<string> ErrorVariable { get; } = new();

    public T[] Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>().ToArray();

    /// <summary>Everything a user could see or log from the run, as text.</summary>
    public string AllText() => string.Join("\n", new[]
    {
        string.Join("\n", Output.Select(PowerShellSession.Describe)),
        string.Join("\n", Errors.Select(PowerShellSession.Describe)),
        PowerShellSession.Describe(Fatal),
        string.Join("\n", Verbose),
        string.Join("\n", Debug),
        string.Join("\n", Warnings),
        string.Join("\n", Information),
        string.Join("\n", Progress.Select(p => p.ToString())),
        string.Join("\n", ErrorVariable),
    });
}
