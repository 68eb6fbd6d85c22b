using System.Management.Automation;
using CustomerTools.HelpScout;

namespace CustomerTools.Commands;

/// <summary>Disconnect-HelpScout: closes the session's Help Scout connection, or the one given.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "HelpScout")]
[OutputType(typeof(void))]
public sealed class DisconnectHelpScoutCommand : DisconnectCmdlet<HelpScoutConnection>
{
}
