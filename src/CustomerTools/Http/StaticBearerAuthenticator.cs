using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerTools.Http;

/// <summary>
/// A fixed bearer credential (a Kustomer API key, a Help Scout access token): nothing to renew.
/// The connection's scrubber learns it, so that no service can echo it into a message.
/// </summary>
internal sealed class StaticBearerAuthenticator : IRequestAuthenticator
{
    private readonly SecureString _secret;

    public StaticBearerAuthenticator(SecureString secret, ServiceTextScrubber scrubber)
    {
        _secret = secret;
        scrubber.Register(secret);
    }

    public Task<int> AuthorizeAsync(HttpRequestMessage request, IRequestLog log, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SecretText.Reveal(_secret));
        return Task.FromResult(0);
    }

    public Task<bool> RenewAsync(int stamp, IRequestLog log, CancellationToken cancellationToken) => Task.FromResult(false);
}
