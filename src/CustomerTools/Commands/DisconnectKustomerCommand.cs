using System.Management.Automation;
using CustomerTools.Kustomer;

namespace CustomerTools.Commands;

/// <summary>Disconnect-Kustomer: closes the session's Kustomer connection, or the one given.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Kustomer")]
[OutputType(typeof(void))]
public sealed class DisconnectKustomerCommand : PSCmdlet
{
    /// <summary>A connection from Connect-Kustomer -PassThru; the session's when omitted.</summary>
    [Parameter(ValueFromPipeline = true)]
    public KustomerConnection? Connection { get; set; }

    protected override void ProcessRecord() =>
        WriteVerbose(SessionConnection<KustomerConnection>.Disconnect(Connection) is { } closed ? $"Closed {closed}." : "There was no Kustomer connection to close.");
}
