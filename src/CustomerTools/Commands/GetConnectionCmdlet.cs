using System.Management.Automation;

namespace CustomerTools.Commands;

/// <summary>Get-KustomerConnection and Get-HelpScoutConnection: the session's connection, if any.</summary>
public abstract class GetConnectionCmdlet<TConnection> : PSCmdlet
    where TConnection : ServiceConnection
{
    private protected GetConnectionCmdlet()
    {
    }

    protected override void EndProcessing()
    {
        if (SessionConnection<TConnection>.Current is { } connection)
        {
            WriteObject(connection);
        }
    }
}
