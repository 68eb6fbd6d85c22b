using System;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.ApiSimulator.Kustomer;

namespace CustomerTools.TestKit;

/// <summary>
/// A real PowerShell session with the built module imported (<see cref="ModuleLocation.ImportPath"/>):
/// by default the engine's core session state (CreateDefault2: core cmdlets only, cheap to open);
/// <see cref="WithAllCmdlets"/> for the session users have (Export-Csv, Invoke-RestMethod,
/// ForEach-Object -Parallel...). Tests read a run's every stream (<see cref="Run"/>); benchmarks
/// measure the bare pipeline (<see cref="Invoke"/>).
/// </summary>
public sealed class PowerShellSession : IDisposable
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
            Import(ModuleLocation.ImportPath);
        }
    }

    public Runspace Runspace => _runspace;

    /// <summary>
    /// The default session state of pwsh (CreateDefault: every built-in cmdlet of
    /// Microsoft.PowerShell.SDK), for what users pipe our objects into and the loops they write.
    /// </summary>
    public static PowerShellSession WithAllCmdlets(bool importModule = true) =>
        new(InitialSessionState.CreateDefault(), importModule);

    public static SecureString Secure(string text)
    {
        var secret = new SecureString();
        foreach (char c in text)
        {
            secret.AppendChar(c);
        }

        secret.MakeReadOnly();
        return secret;
    }

    /// <summary>A PowerShell single-quoted string literal of <paramref name="text"/>.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public void Import(string path) => Must(Run($"Import-Module {Quote(path)} -ErrorAction Stop"), "Import-Module");

    /// <summary>Connect-Kustomer to the simulator with <paramref name="key"/> (the one it accepts by default).</summary>
    public PsResult ConnectKustomer(Uri baseUri, string key = KustomerStore.ValidKey, string more = "") =>
        Must(Run($"Connect-Kustomer -ApiKey $key -BaseUri {Quote(baseUri.ToString())} {more}", ("key", Secure(key))), "Connect-Kustomer");

    /// <summary>Connect-HelpScout to the simulator as the app it knows.</summary>
    public PsResult ConnectHelpScout(Uri baseUri, string more = "") =>
        Must(Run($"Connect-HelpScout -ClientId {Quote(HelpScoutStore.AppId)} -ClientSecret $secret -BaseUri {Quote(baseUri.ToString())} {more}", ("secret", Secure(HelpScoutStore.AppSecret))), "Connect-HelpScout");

    public void Set(string name, object? value) => _runspace.SessionStateProxy.SetVariable(name, value);

    public object? Get(string name) => _runspace.SessionStateProxy.GetVariable(name);

    /// <summary>
    /// Runs a script and keeps all it wrote; a terminating error ends up in
    /// <see cref="PsResult.Fatal"/> rather than as an exception, with everything written before it kept.
    /// </summary>
    public PsResult Run(string script, params (string Name, object? Value)[] variables)
    {
        SetAll(variables);
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
        result.ErrorVariable.AddRange(((System.Collections.ArrayList)Get("Error")!).Cast<object>().Select(PsResult.Describe));
        return result;
    }

    /// <summary>Runs a script as it is, nothing around it: its output and error records (a terminating error throws).</summary>
    public (Collection<PSObject> Output, ErrorRecord[] Errors) Invoke(string script, params (string Name, object? Value)[] variables)
    {
        SetAll(variables);
        using PowerShell ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        Collection<PSObject> output = ps.Invoke();
        return (output, ps.Streams.Error.ToArray());
    }

    /// <summary><see cref="Invoke"/>, where any error record is a failure.</summary>
    public Collection<PSObject> InvokeStrict(string script, params (string Name, object? Value)[] variables)
    {
        var (output, errors) = Invoke(script, variables);
        return errors.Length == 0
            ? output
            : throw new InvalidOperationException($"{errors.Length} error(s) from: {script}\n" + string.Join("\n", errors.Take(3).Select(e => e.ToString() + " " + e.FullyQualifiedErrorId)));
    }

    public void Dispose() => _runspace.Dispose();

    private static PsResult Must(PsResult result, string what) =>
        result.Fatal is null && result.Errors.Count == 0 ? result : throw new InvalidOperationException($"{what} failed: {result.AllText()}");

    private void SetAll((string Name, object? Value)[] variables)
    {
        foreach (var (name, value) in variables)
        {
            Set(name, value);
        }
    }
}
