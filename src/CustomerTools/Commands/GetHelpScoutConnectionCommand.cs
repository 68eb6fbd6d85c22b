using System.Management.Automation;
using CustomerTools.HelpScout;

namespace CustomerTools.Commands;

/// <summary>Get-HelpScoutConnection: the session's Help Scout connection, if any (never a secret).</summary>
[Cmdlet(VerbsCommon.Get, "HelpScoutConnection")]
[OutputType(typeof(HelpScoutConnection))]
public sealed class GetHelpScoutConnectionCommand : GetConnectionCmdlet<HelpScoutConnection>
{
}
