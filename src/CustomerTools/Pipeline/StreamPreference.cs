using System.Management.Automation;

namespace CustomerTools.Pipeline;

/// <summary>
/// The one place that decides whether a command's verbose and debug lines are shown. Under
/// -Debug without -Verbose the engine answers every WriteVerbose of a compiled cmdlet with
/// "Continue with this operation?", which fails an unattended job; so verbose lines are shown only
/// when -Verbose is given or $VerbosePreference asks for them, and never under -Debug alone.
/// </summary>
internal static class StreamPreference
{
    public static bool Verbose(PSCmdlet cmdlet) =>
        IsBound(cmdlet, "Verbose") is { } verbose ? verbose : IsBound(cmdlet, "Debug") != true && PreferenceIsOn(cmdlet, "VerbosePreference");

    public static bool Debug(PSCmdlet cmdlet) =>
        IsBound(cmdlet, "Debug") ?? PreferenceIsOn(cmdlet, "DebugPreference");

    /// <summary>Writes <paramref name="text"/> on the verbose stream when it is shown; never asks.</summary>
    public static void WriteVerbose(PSCmdlet cmdlet, string text)
    {
        if (Verbose(cmdlet))
        {
            cmdlet.WriteVerbose(text);
        }
    }

    private static bool? IsBound(PSCmdlet cmdlet, string switchName) =>
        cmdlet.MyInvocation.BoundParameters.TryGetValue(switchName, out object? given) ? LanguagePrimitives.IsTrue(given) : null;

    private static bool PreferenceIsOn(PSCmdlet cmdlet, string preferenceName) =>
        LanguagePrimitives.TryConvertTo(cmdlet.GetVariableValue(preferenceName), out ActionPreference value)
        && value is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore);
}
