using System.Management.Automation;
using CustomerTools.HelpScout;

namespace CustomerTools.Commands;

/// <summary>Disconnect-HelpScout: closes the session's Help Scout connection, or the one given.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "HelpScout")]
[OutputType(typeof(void))]
public sealed class DisconnectHelpScoutCommand : PSCmdlet
{
    /// <summary>A connection from Connect-HelpScout -PassThru; the session's when omitted.</summary>
    [Parameter(ValueFromPipeline = true)]
    public HelpScoutConnection? Connection { get; set; }

    protected override void ProcessRecord() =>
        WriteVerbose(SessionConnection<HelpScoutConnection>.Disconnect(Connection) is { } closed ? $"Closed {closed}." : "There was no Help Scout connection to close.");
}
