using System.Net.Http;
using System.Threading.Tasks;

namespace CustomerTools.Http;

/// <summary>Puts a service's credentials on a request, and renews them when the service says 401.</summary>
internal interface IRequestAuthenticator
{
    /// <summary>Whether <see cref="RenewAsync"/> can get a new credential (a fixed key or token can't).</summary>
    bool CanRenew { get; }

    /// <summary>Sets the Authorization header. Returns a stamp naming the credential used.</summary>
    Task<int> AuthorizeAsync(HttpRequestMessage request, RequestContext context);

    /// <summary>After a 401 for a request sent with <paramref name="stamp"/>: renews the credential unless a newer one already exists.</summary>
    Task RenewAsync(int stamp, RequestContext context);
}
