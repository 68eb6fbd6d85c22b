using System.Management.Automation;
using CustomerTools.Kustomer;

namespace CustomerTools.Commands;

/// <summary>Get-KustomerConnection: the session's Kustomer connection, if any (never a secret).</summary>
[Cmdlet(VerbsCommon.Get, "KustomerConnection")]
[OutputType(typeof(KustomerConnection))]
public sealed class GetKustomerConnectionCommand : GetConnectionCmdlet<KustomerConnection>
{
}
