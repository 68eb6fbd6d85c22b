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
    internal KustomerConnection(Uri baseUri, string region, SecureString apiKey, ConnectionOptions options)
        : base(new ApiHttpClient(baseUri, KustomerProfile.Profile(region), options))
    {
        Region = region;
        Http.Scrubber.Register(apiKey);
        var authenticator = new StaticBearerAuthenticator(apiKey);
        Client = new KustomerClient(Http, authenticator);
        Search = new KustomerSearchClient(Http, authenticator, SearchQuota(options.Clock));
    }

    /// <summary>US, EU, IN, or Custom for an org host or a proxy given with -BaseUri.</summary>
    public string Region { get; }

    internal KustomerClient Client { get; }

    internal KustomerSearchClient Search { get; }

    /// <summary>Searches by API keys are limited to 100 a minute, apart from the org's quota (docs/api/kustomer.md §3a).</summary>
    private static RateLimitPacer SearchQuota(IClock clock) =>
        new(clock) { AssumedLimit = KustomerSearchClient.SearchesPerMinute, QuotaName = "search quota" };

    public override string ToString() => $"Kustomer {Region} at {BaseUri} since {ConnectedAt:g}";
}
