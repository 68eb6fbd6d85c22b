using System.Management.Automation;

namespace CustomerTools.Commands;

/// <summary>Get-KustomerConnection and Get-HelpScoutConnection: the session's connection, if any.</summary>
public abstract class GetConnectionCommand<TConnection> : PSCmdlet
    where TConnection : ServiceConnection
{
    private protected GetConnectionCommand()
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
