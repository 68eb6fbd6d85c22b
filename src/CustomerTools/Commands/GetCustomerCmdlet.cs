using System.Management.Automation;
using CustomerTools.Pipeline;

namespace CustomerTools.Commands;

/// <summary>
/// What both Get-*Customer cmdlets add to <see cref="ServiceCmdlet{TConnection, TOutput}"/>:
/// -Email, bound the same way in both, and the ids written so far, so that no customer is
/// written twice.
/// </summary>
public abstract class GetCustomerCmdlet<TConnection, TOutput> : ServiceCmdlet<TConnection, TOutput>
    where TConnection : ServiceConnection
{
    /// <summary>The parameter set of -Email, the same in both services.</summary>
    private protected const string ByEmailSet = "Email";

    private protected GetCustomerCmdlet()
    {
    }

    /// <summary>
    /// Email addresses to look up. Binds by property name (and the EmailAddress alias), which is how
    /// a customer of the other service piped in is looked up: by its email, never its id.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByEmailSet)]
    [Alias("EmailAddress")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[]? Email { get; set; }

    /// <summary>The customers this command has written or queued, so that none is written twice.</summary>
    private protected CustomerIdSet Seen { get; } = new();
}
