using System.Management.Automation;
using CustomerTools.HelpScout;

namespace CustomerTools.Commands;

/// <summary>Get-HelpScoutConnection: the session's Help Scout connection, if any (never a secret or token).</summary>
[Cmdlet(VerbsCommon.Get, "HelpScoutConnection")]
[OutputType(typeof(HelpScoutConnection))]
public sealed class GetHelpScoutConnectionCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        if (SessionConnection<HelpScoutConnection>.Current is { } connection)
        {
            WriteObject(connection);
        }
    }
}
