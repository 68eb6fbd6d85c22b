using System;
using System.Management.Automation;
using System.Security;
using CustomerTools.HelpScout;
using CustomerTools.Http;
using CustomerTools.Pipeline;

namespace CustomerTools.Commands;

/// <summary>
/// Connect-HelpScout: connects as a Help Scout app (client credentials: a token is fetched at once,
/// so wrong credentials fail here) or with an access token obtained elsewhere.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "HelpScout", DefaultParameterSetName = EnvironmentSet)]
[OutputType(typeof(HelpScoutConnection))]
public sealed class ConnectHelpScoutCommand : ConnectCmdlet<HelpScoutConnection>
{
    private const string ClientSecretSet = "ClientSecret";
    private const string CredentialSet = "ClientCredential";
    private const string AccessTokenSet = "AccessToken";
    private const string EnvironmentSet = "Environment";
    private const string ClientIdVariable = "HELPSCOUT_CLIENT_ID";
    private const string ClientSecretVariable = "HELPSCOUT_CLIENT_SECRET";

    private static readonly Uri DefaultRoot = new("https://api.helpscout.net/");

    /// <summary>The app's App ID (Help Scout: Your Profile > My Apps).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
    [ValidateNotNullOrEmpty]
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The app's App Secret.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
    public SecureString ClientSecret { get; set; } = null!;

    /// <summary>App ID as user name, App Secret as password (Get-Credential, Get-Secret).</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [Credential]
    public PSCredential ClientCredential { get; set; } = null!;

    /// <summary>An access token obtained elsewhere; it is not renewed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
    public SecureString AccessToken { get; set; } = null!;

    private protected override HelpScoutConnection Connect()
    {
        Uri baseUri = ServiceRoot(DefaultRoot, "Help Scout");
        if (ParameterSetName == AccessTokenSet)
        {
            Say("Connecting with an access token: it is used as is and not renewed.");
            return HelpScoutConnection.WithAccessToken(baseUri, AccessToken, Options);
        }

        (string clientId, SecureString secret) = ParameterSetName switch
        {
            ClientSecretSet => (ClientId, ClientSecret),
            CredentialSet => (ClientCredential.UserName, ClientCredential.Password),
            _ => FromEnvironment(),
        };
        var connection = HelpScoutConnection.WithClientCredentials(baseUri, clientId, secret, Options);
        try
        {
            using var pump = new PipelinePump(this);
            pump.Run(this, connection.Tokens!.FetchAsync(new RequestContext(pump, StopToken)));
            return connection;
        }
        catch
        {
            connection.Close();
            throw;
        }
    }

    private static (string, SecureString) FromEnvironment()
    {
        string? clientId = Environment.GetEnvironmentVariable(ClientIdVariable);
        string? secret = Environment.GetEnvironmentVariable(ClientSecretVariable);
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
        {
            throw new CustomerToolsException(ErrorIds.MissingCredential, ErrorCategory.InvalidArgument, null,
                $"No Help Scout credentials: pass -ClientId and -ClientSecret, -ClientCredential or -AccessToken, or set {ClientIdVariable} and {ClientSecretVariable}.");
        }

        return (clientId!, Secrets.Protect(secret.AsSpan()));
    }
}
