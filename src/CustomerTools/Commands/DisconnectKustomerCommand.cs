using System.Management.Automation;
using CustomerTools.Kustomer;

namespace CustomerTools.Commands;

/// <summary>Disconnect-Kustomer: closes the session's Kustomer connection, or the one given.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Kustomer")]
[OutputType(typeof(void))]
public sealed class DisconnectKustomerCommand : DisconnectCmdlet<KustomerConnection>
{
}
