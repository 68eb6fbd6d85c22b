using System.Management.Automation;
using CustomerTools.Pipeline;

namespace CustomerTools.Commands;

/// <summary>Disconnect-Kustomer and Disconnect-HelpScout: close the session's connection, or the one given.</summary>
public abstract class DisconnectCmdlet<TConnection> : PSCmdlet
    where TConnection : ServiceConnection
{
    private protected DisconnectCmdlet()
    {
    }

    /// <summary>A connection from Connect-* -PassThru; the session's when omitted.</summary>
    [Parameter(ValueFromPipeline = true)]
    public TConnection? Connection { get; set; }

    protected override void ProcessRecord() =>
        StreamPreference.WriteVerbose(this, SessionConnection<TConnection>.Disconnect(Connection) is { } closed ? $"Closed {closed}." : "There was no connection to close.");
}
