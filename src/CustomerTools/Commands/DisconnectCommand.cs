using System.Management.Automation;

namespace CustomerTools.Commands;

/// <summary>Disconnect-Kustomer and Disconnect-HelpScout: close the session's connection, or the one given.</summary>
public abstract class DisconnectCommand<TConnection> : PSCmdlet
    where TConnection : ServiceConnection
{
    private protected DisconnectCommand()
    {
    }

    /// <summary>A connection from Connect-* -PassThru; the session's when omitted.</summary>
    [Parameter(ValueFromPipeline = true)]
    public TConnection? Connection { get; set; }

    protected override void ProcessRecord() =>
        WriteVerbose(SessionConnection<TConnection>.Disconnect(Connection) is { } closed ? $"Closed {closed}." : "There was no connection to close.");
}
