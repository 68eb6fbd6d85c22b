using System;
using System.Net.Http;

namespace CustomerTools.Http;

/// <summary>One logical request: the HTTP layer may send it several times (retries, renewals).</summary>
internal sealed class ApiRequest
{
    public ApiRequest(HttpMethod method, Uri uri, string subject, object? target)
    {
        Method = method;
        Uri = uri;
        Subject = subject;
        Target = target;
    }

    public HttpMethod Method { get; }

    public Uri Uri { get; }

    /// <summary>What the request is about, for messages: "customer with id '…'".</summary>
    public string Subject { get; }

    /// <summary>The user's input, the TargetObject of any error.</summary>
    public object? Target { get; }

    /// <summary>The error id of a 404 or an answer that found nothing: what the request looks for is not there.</summary>
    public string NotFoundId { get; init; } = ErrorIds.CustomerNotFound;

    /// <summary>Credentials to put on each attempt; null for the token request itself.</summary>
    public IRequestAuthenticator? Authenticator { get; init; }

    /// <summary>Builds the body afresh for each attempt (a sent HttpContent can't be sent again).</summary>
    public Func<HttpContent>? Content { get; init; }

    /// <summary>
    /// True for the request that obtains a credential (an OAuth token): the service refusing it
    /// (400, 401, 403) means the credentials are wrong.
    /// </summary>
    public bool ObtainsCredential { get; init; }

    /// <summary>
    /// What to do when the service refuses the credentials for this request in particular (401,
    /// 403), e.g. which role a search needs; the service's general advice when null.
    /// </summary>
    public string? PermissionHint { get; init; }

    /// <summary>
    /// A quota of the service's own for this kind of request (Kustomer's search quota), kept to
    /// besides the connection's: the request waits for both, and its answers report to this one.
    /// </summary>
    public RateLimitPacer? Quota { get; init; }

    /// <summary>
    /// Whether sending the request twice leaves the service as sending it once does (reads,
    /// searches, a token request, a PATCH replace, a DELETE). Those are retried after a 429,
    /// 502-504 or a network fault; the others (a create, an added email) only when the service
    /// said it did not carry them out, since a lost answer may hide a write that was made.
    /// </summary>
    public bool Idempotent { get; init; } = true;
}
