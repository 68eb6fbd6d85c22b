using System;
using System.Management.Automation;
using System.Security;
using CustomerTools.Http;
using CustomerTools.Kustomer;

namespace CustomerTools.Commands;

/// <summary>
/// Connect-Kustomer: remembers an API key and region for this session. Sends no request, so it
/// succeeds offline; the first Get-KustomerCustomer shows whether the key works.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Kustomer")]
[OutputType(typeof(KustomerConnection))]
public sealed class ConnectKustomerCommand : ConnectCmdlet<KustomerConnection>
{
    private const string ApiKeyVariable = "KUSTOMER_API_KEY";

    /// <summary>The API key, as a SecureString; else KUSTOMER_API_KEY is read.</summary>
    [Parameter(Position = 0)]
    public SecureString? ApiKey { get; set; }

    /// <summary>The org's region: US (default), EU or IN.</summary>
    [Parameter]
    [ValidateSet("US", "EU", "IN", IgnoreCase = true)]
    public string? Region { get; set; }

    private protected override KustomerConnection Connect()
    {
        SecureString apiKey = ApiKey ?? FromEnvironment()
            ?? throw new CustomerToolsException(ErrorIds.MissingCredential, ErrorCategory.InvalidArgument, null,
                $"No Kustomer API key: pass -ApiKey (a SecureString, e.g. from Get-Secret or Read-Host -AsSecureString), or set the {ApiKeyVariable} environment variable.");
        Uri baseUri = ServiceRoot(KustomerRegion.Hosts[Region ?? "US"], "Kustomer");
        string region = Region?.ToUpperInvariant() ?? KustomerRegion.Of(baseUri);
        Say("Connect-Kustomer sends no request: the first Get-KustomerCustomer shows whether the key works.");
        return new KustomerConnection(baseUri, region, apiKey, Options);
    }

    private static SecureString? FromEnvironment() =>
        Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } key ? Secrets.Protect(key.AsSpan()) : null;
}
