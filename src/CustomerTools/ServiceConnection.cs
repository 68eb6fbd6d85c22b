using System.Management.Automation;
using System;
using CustomerTools.Http;
using CustomerTools.Input;

namespace CustomerTools;

/// <summary>
/// What both services' connections share: where they point, since when, how patient they are.
/// Holds the connection's one HTTP client; never exposes a credential.
/// </summary>
public abstract class ServiceConnection
{
    private protected ServiceConnection(ApiHttpClient http)
    {
        Http = http;
    }

    public string Service => Http.Profile.ServiceName;

    public Uri BaseUri => Http.BaseUri;

    public DateTimeOffset ConnectedAt { get; } = DateTimeOffset.Now;

    public int TimeoutSec => (int)Http.Timeout.TotalSeconds;

    public int MaxRetries => Http.Retry.MaxRetries;

    /// <summary>False once Disconnect-* has closed this connection.</summary>
    public bool IsConnected { get; private set; } = true;

    internal ApiHttpClient Http { get; }

    internal void Close()
    {
        IsConnected = false;
        Http.Dispose();
    }

    /// <summary>
    /// The checks every -BaseUri passes: absolute, https (http only to this machine, for tests and
    /// local proxies), no credentials, query or fragment of its own.
    /// </summary>
    internal static Uri ValidateBaseUri(Uri baseUri, string serviceName)
    {
        string? problem =
            !baseUri.IsAbsoluteUri ? "it is not an absolute URI" :
            baseUri.Scheme != Uri.UriSchemeHttps && !(baseUri.Scheme == Uri.UriSchemeHttp && baseUri.IsLoopback) ? "only https is allowed (plain http only to this machine)" :
            !string.IsNullOrEmpty(baseUri.UserInfo) ? "it contains a user name or password" :
            !string.IsNullOrEmpty(baseUri.Query) || !string.IsNullOrEmpty(baseUri.Fragment) ? "it has a query or fragment" :
            null;
        if (problem is not null)
        {
            // A password in the URI must not be echoed back.
            string shown = baseUri.IsAbsoluteUri && baseUri.UserInfo.Length > 0
                ? baseUri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped)
                : baseUri.OriginalString;
            throw new CustomerToolsException(ErrorIds.InvalidBaseUri, ErrorCategory.InvalidArgument, shown,
                $"{InputQuote.Of(shown)} can't be the {serviceName} base URI: {problem}. Give the service root, e.g. https://api.example.com.");
        }

        return new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/");
    }
}
