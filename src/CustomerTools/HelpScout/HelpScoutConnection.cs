using System;
using System.Security;
using CustomerTools.Http;

namespace CustomerTools.HelpScout;

/// <summary>
/// A Help Scout account reached as one app (client credentials) or with one access token.
/// Credentials and tokens stay SecureStrings inside; nothing here shows them.
/// </summary>
public sealed class HelpScoutConnection : ServiceConnection
{
    private readonly HelpScoutTokenProvider? _tokens;

    private HelpScoutConnection(ApiHttpClient http, string authenticationType, string? clientId, HelpScoutTokenProvider? tokens, IRequestAuthenticator authenticator)
        : base(http)
    {
        AuthenticationType = authenticationType;
        ClientId = clientId;
        _tokens = tokens;
        Client = new HelpScoutClient(http, authenticator);
    }

    /// <summary>ClientCredentials (renews its own tokens) or AccessToken (a token given as is).</summary>
    public string AuthenticationType { get; }

    /// <summary>The app's id (App ID), not a secret; null when connected with an access token.</summary>
    public string? ClientId { get; }

    /// <summary>When the current token runs out; it is renewed shortly before.</summary>
    public DateTimeOffset? TokenExpiresAt => _tokens?.ExpiresAt;

    internal HelpScoutClient Client { get; }

    internal HelpScoutTokenProvider? Tokens => _tokens;

    public override string ToString() => $"Help Scout at {BaseUri} ({AuthenticationType}{(ClientId is null ? string.Empty : " " + ClientId)}) since {ConnectedAt:g}";

    internal static HelpScoutConnection WithClientCredentials(Uri baseUri, string clientId, SecureString clientSecret, ConnectionOptions options)
    {
        var http = new ApiHttpClient(baseUri, HelpScoutProfile.Profile, options);
        http.Scrubber.Register(clientSecret);
        var tokens = new HelpScoutTokenProvider(http, clientId, clientSecret);
        return new HelpScoutConnection(http, "ClientCredentials", clientId, tokens, tokens);
    }

    internal static HelpScoutConnection WithAccessToken(Uri baseUri, SecureString accessToken, ConnectionOptions options)
    {
        var http = new ApiHttpClient(baseUri, HelpScoutProfile.Profile, options);
        http.Scrubber.Register(accessToken);
        return new HelpScoutConnection(http, "AccessToken", null, null, new StaticBearerAuthenticator(accessToken));
    }
}
