using System;
using System.Security;
using CustomerTools.Http;

namespace CustomerTools.Kustomer;

/// <summary>
/// A Kustomer org reached with one API key. The key stays a SecureString inside; nothing here
/// shows it. Returned by <c>Connect-Kustomer -PassThru</c> and taken by <c>-Connection</c>.
/// </summary>
public sealed class KustomerConnection : ServiceConnection
{
    internal KustomerConnection(Uri baseUri, string region, SecureString apiKey, TimeSpan timeout, int maxRetries)
        : base(new ApiHttpClient(baseUri, KustomerErrorText.Profile(region), timeout, maxRetries))
    {
        Region = region;
        var authenticator = new StaticBearerAuthenticator(apiKey, Http.Scrubber);
        Client = new KustomerClient(Http, authenticator);
        Search = new KustomerSearchClient(Http, authenticator);
    }

    /// <summary>US, EU, IN, or Custom for an org host or a proxy given with -BaseUri.</summary>
    public string Region { get; }

    internal KustomerClient Client { get; }

    internal KustomerSearchClient Search { get; }

    public override string ToString() => $"Kustomer {Region} at {BaseUri} since {ConnectedAt:g}";
}
