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
public sealed class ConnectKustomerCommand : PSCmdlet
{
    private const string ApiKeyVariable = "KUSTOMER_API_KEY";

    /// <summary>The API key, as a SecureString; else KUSTOMER_API_KEY is read.</summary>
    [Parameter(Position = 0)]
    public SecureString? ApiKey { get; set; }

    /// <summary>The org's region: US (default), EU or IN.</summary>
    [Parameter]
    [ValidateSet("US", "EU", "IN", IgnoreCase = true)]
    public string? Region { get; set; }

    /// <summary>Another service root: an org host, a proxy, or a test server on this machine.</summary>
    [Parameter]
    public Uri? BaseUri { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>How long one request may take before it fails with RequestTimedOut.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 30;

    /// <summary>How often a throttled or failed GET is retried.</summary>
    [Parameter]
    [ValidateRange(0, 20)]
    public int MaxRetries { get; set; } = 5;

    protected override void EndProcessing()
    {
        try
        {
            SecureString apiKey = ApiKey ?? FromEnvironment()
                ?? throw new CustomerToolsException(ErrorIds.MissingCredential, ErrorCategory.InvalidArgument, null,
                    $"No Kustomer API key: pass -ApiKey (a SecureString, e.g. from Get-Secret or Read-Host -AsSecureString), or set the {ApiKeyVariable} environment variable.");
            Uri baseUri = BaseUri is null
                ? KustomerRegion.Hosts[Region ?? "US"]
                : ServiceConnection.ValidateBaseUri(BaseUri, "Kustomer");
            string region = Region?.ToUpperInvariant() ?? KustomerRegion.Of(baseUri);

            var connection = new KustomerConnection(baseUri, region, apiKey, TimeSpan.FromSeconds(TimeoutSec), MaxRetries);
            SessionConnection<KustomerConnection>.Current = connection;
            WriteVerbose($"Connected to Kustomer ({region}) at {baseUri}. No request was sent: the first Get-KustomerCustomer shows whether the key works.");
            if (PassThru)
            {
                WriteObject(connection);
            }
        }
        catch (CustomerToolsException e)
        {
            ThrowTerminatingError(e.ToErrorRecord());
        }
    }

    private static SecureString? FromEnvironment() =>
        Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } key ? SecretText.Protect(key.AsSpan()) : null;
}
