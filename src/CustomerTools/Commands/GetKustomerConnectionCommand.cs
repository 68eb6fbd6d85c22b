using System.Management.Automation;
using CustomerTools.Kustomer;

namespace CustomerTools.Commands;

/// <summary>Get-KustomerConnection: the session's Kustomer connection, if any (never its key).</summary>
[Cmdlet(VerbsCommon.Get, "KustomerConnection")]
[OutputType(typeof(KustomerConnection))]
public sealed class GetKustomerConnectionCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        if (SessionConnection<KustomerConnection>.Current is { } connection)
        {
            WriteObject(connection);
        }
    }
}
