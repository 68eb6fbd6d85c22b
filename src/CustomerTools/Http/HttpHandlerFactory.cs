using System;
using System.Net;
using System.Net.Http;

namespace CustomerTools.Http;

/// <summary>The pooled, keep-alive handler behind each connection's one HttpClient.</summary>
internal static class HttpHandlerFactory
{
    // Above -ThrottleLimit's maximum, so concurrency is bounded by the cmdlets, not the pool.
    private const int MaxConnectionsPerServer = 64;

    public static HttpMessageHandler Create()
    {
#if NET
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            MaxConnectionsPerServer = MaxConnectionsPerServer,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,
        };
#else
        // Windows PowerShell 5.1 may start with TLS 1.2 off; add it, never take anything away.
        ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
        return new HttpClientHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            MaxConnectionsPerServer = MaxConnectionsPerServer,
            UseCookies = false,
        };
#endif
    }
}
