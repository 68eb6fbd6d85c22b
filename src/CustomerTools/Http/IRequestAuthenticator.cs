using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerTools.Http;

/// <summary>Puts a service's credentials on a request, and renews them when the service says 401.</summary>
internal interface IRequestAuthenticator
{
    /// <summary>Sets the Authorization header. Returns a stamp naming the credential used.</summary>
    Task<int> AuthorizeAsync(HttpRequestMessage request, IRequestLog log, CancellationToken cancellationToken);

    /// <summary>
    /// After a 401 for a request sent with <paramref name="stamp"/>: renews the credential unless a
    /// newer one already exists. True when sending again could succeed.
    /// </summary>
    Task<bool> RenewAsync(int stamp, IRequestLog log, CancellationToken cancellationToken);
}
