using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace CustomerTools.Http;

/// <summary>Which exceptions of a send are the network's fault, and whether the request can have reached the service.</summary>
internal static class NetworkFaults
{
    /// <summary>The connection failed or broke off: not a body we could not understand.</summary>
    public static bool IsNetworkFault(Exception e) =>
        e is HttpRequestException || (e is IOException && e is not BodyTooLargeException);

    /// <summary>
    /// False when no connection was ever made (refused, no such host, TLS refused), so the service
    /// cannot have seen the request; true whenever it may have.
    /// </summary>
    public static bool WasSent(Exception e)
    {
#if NET8_0_OR_GREATER
        if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError })
        {
            return false;
        }
#endif
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData or SocketError.HostUnreachable or SocketError.NetworkUnreachable }
                || inner is WebException { Status: WebExceptionStatus.ConnectFailure or WebExceptionStatus.NameResolutionFailure })
            {
                return false;
            }
        }

        return true;
    }
}
