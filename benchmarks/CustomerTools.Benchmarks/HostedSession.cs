using System;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.HelpScout;
using CustomerTools.Kustomer;
using CustomerTools.Testing;

namespace CustomerTools.Benchmarks;

/// <summary>
/// A real PowerShell session with out/CustomerTools imported: the session users have (pwsh's
/// default session state, every built-in cmdlet: the baselines need Invoke-RestMethod and
/// ForEach-Object -Parallel), or the engine's core one (CreateDefault2) where only import cost counts.
/// </summary>
internal sealed class HostedSession : IDisposable
{
    /// <summary>The key the simulator accepts (KustomerStore.ValidKey).</summary>
    public const string Key = ApiSimulator.Kustomer.KustomerStore.ValidKey;

    private readonly Runspace _runspace;

    public HostedSession(bool allCmdlets, bool importModule = true)
    {
        _runspace = RunspaceFactory.CreateRunspace(allCmdlets ? InitialSessionState.CreateDefault() : InitialSessionState.CreateDefault2());
        _runspace.Open();
        if (importModule)
        {
            Import();
        }
    }

    public static SecureString Secure(string text) => ModuleFiles.Secure(text);

    /// <summary>A PowerShell single-quoted string literal of <paramref name="text"/>.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public void Import() => Import(ModuleLocation.ModuleFolder);

    public void Import(string path) => Run($"Import-Module {Quote(path)} -ErrorAction Stop");

    public KustomerConnection ConnectKustomer(Uri baseUri) =>
        (KustomerConnection)Run($"Connect-Kustomer -ApiKey $key -BaseUri {Quote(baseUri.ToString())} -PassThru", ("key", Secure(Key))).Single().BaseObject;

    public HelpScoutConnection ConnectHelpScout(Uri baseUri) =>
        (HelpScoutConnection)Run(
            $"Connect-HelpScout -ClientId {Quote(HelpScoutStore.AppId)} -ClientSecret $secret -BaseUri {Quote(baseUri.ToString())} -PassThru",
            ("secret", Secure(HelpScoutStore.AppSecret))).Single().BaseObject;

    public void Set(string name, object? value) => _runspace.SessionStateProxy.SetVariable(name, value);

    /// <summary>Runs a script; any error record or terminating error fails the benchmark.</summary>
    public Collection<PSObject> Run(string script, params (string Name, object? Value)[] variables)
    {
        var (output, errors) = RunAllowingErrors(script, variables);
        if (errors.Length > 0)
        {
            throw new InvalidOperationException($"{errors.Length} error(s) from: {script}\n" + string.Join("\n", errors.Take(3).Select(e => e.ToString() + " " + e.FullyQualifiedErrorId)));
        }

        return output;
    }

    /// <summary>Runs a script and returns its output and its error records (a terminating error throws).</summary>
    public (Collection<PSObject> Output, ErrorRecord[] Errors) RunAllowingErrors(string script, params (string Name, object? Value)[] variables)
    {
        foreach (var (name, value) in variables)
        {
            Set(name, value);
        }

        using PowerShell ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        Collection<PSObject> output = ps.Invoke();
        return (output, ps.Streams.Error.ToArray());
    }

    public void Dispose() => _runspace.Dispose();
}
