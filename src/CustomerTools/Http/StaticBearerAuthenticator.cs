using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Threading.Tasks;

namespace CustomerTools.Http;

/// <summary>A fixed bearer credential (a Kustomer API key, a Help Scout access token): nothing to renew.</summary>
internal sealed class StaticBearerAuthenticator : IRequestAuthenticator
{
    private readonly SecureString _secret;

    public StaticBearerAuthenticator(SecureString secret)
    {
        _secret = secret;
    }

    public bool CanRenew => false;

    public Task<int> AuthorizeAsync(HttpRequestMessage request, RequestContext context)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secrets.Reveal(_secret));
        return Task.FromResult(0);
    }

    public Task RenewAsync(int stamp, RequestContext context) => Task.CompletedTask;
}
