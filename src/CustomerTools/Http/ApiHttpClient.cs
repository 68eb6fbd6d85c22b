using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerTools.Http;

/// <summary>
/// The HTTP layer both services share: one pooled client per connection, no automatic redirects,
/// per-request timeouts, pacing, retries, credential renewal after a 401, body limits, and the
/// mapping of every failure to a <see cref="CustomerToolsException"/>. Reports to the verbose and
/// debug streams through <see cref="IRequestLog"/>, with credentials redacted. Whatever a service
/// says (bodies, reason phrases, header values, redirect targets) passes <see cref="Scrubber"/>
/// before it reaches a message or a stream.
/// </summary>
internal sealed class ApiHttpClient : IDisposable
{
    /// <summary>Bodies beyond this are refused, not buffered: no customer page comes near it.</summary>
    public const long MaxBodyBytes = 32L * 1024 * 1024;

    private const int MaxRedirects = 3;

    private readonly HttpClient _http;
    private readonly List<RateLimitPacer> _quotas = new();

    public ApiHttpClient(Uri baseUri, ServiceProfile profile, TimeSpan timeout, int maxRetries, HttpMessageHandler? handler = null)
    {
        BaseUri = baseUri;
        Profile = profile;
        Timeout = timeout;
        Retry = new RetryPolicy(maxRetries);
        Pacer = new RateLimitPacer(SystemClock.Instance);
        _http = new HttpClient(handler ?? HttpHandlerFactory.Create(), disposeHandler: true)
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
    }

    public static string UserAgent { get; } =
        "CustomerTools/" + typeof(ApiHttpClient).Assembly.GetName().Version?.ToString(3) + " (PowerShell module)";

    public Uri BaseUri { get; }

    public ServiceProfile Profile { get; }

    public TimeSpan Timeout { get; }

    public RetryPolicy Retry { get; }

    public RateLimitPacer Pacer { get; }

    /// <summary>The connection's secrets, to take out of anything a service says; the authenticators fill it.</summary>
    public ServiceTextScrubber Scrubber { get; } = new();

    /// <summary>Swapped by tests; waits, pacing and retry times all read it.</summary>
    public IClock Clock
    {
        get => Pacer.Clock;
        set
        {
            Pacer.Clock = value;
            _quotas.ForEach(q => q.Clock = value);
        }
    }

    /// <summary>
    /// A quota the service keeps for some requests besides the connection's (see
    /// <see cref="ApiRequest.Quota"/>), on this client's clock: <paramref name="perMinute"/> requests
    /// a minute, as documented, until its answers report otherwise.
    /// </summary>
    public RateLimitPacer AddQuota(string name, int perMinute)
    {
        var quota = new RateLimitPacer(Clock) { AssumedLimit = perMinute, QuotaName = name };
        _quotas.Add(quota);
        return quota;
    }

    /// <summary>
    /// Sends <paramref name="request"/> until it succeeds or fails for good, and reads the body of the
    /// success with <paramref name="readBody"/>. A <see cref="JsonException"/> from the reader is an
    /// InvalidResponse. Cancelling <paramref name="cancellationToken"/> ends quietly with an
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<T> SendAsync<T>(ApiRequest request, Func<Stream, CancellationToken, Task<T>> readBody, IRequestLog log, CancellationToken cancellationToken)
    {
        Uri uri = request.Uri;
        int retries = 0;
        int redirects = 0;
        bool renewed = false;
        while (true)
        {
            if (!IsSameOrigin(uri, BaseUri))
            {
                throw ApiErrors.ForeignHost(Profile, request, BaseUri, Scrubber.Scrub(uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)));
            }

            // A target a redirect named came from the service.
            string shown = redirects == 0 ? uri.AbsoluteUri : Scrubber.Scrub(WithoutUserInfo(uri));

            HttpStatusCode? status = null;
            string? reason = null;
            RateLimitHeaders limits = default;
            RateLimitPacer pacer = request.Quota ?? Pacer;
            using (request.Quota is { } quota ? await quota.WaitTurnAsync(log, cancellationToken).ConfigureAwait(false) : null)
            using (await Pacer.WaitTurnAsync(log, cancellationToken).ConfigureAwait(false))
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (var message = new HttpRequestMessage(request.Method, uri) { Content = request.Content?.Invoke() })
            {
                message.Headers.Accept.ParseAdd("application/json");
                int stamp = request.Authenticator is { } authenticator
                    ? await authenticator.AuthorizeAsync(message, log, cancellationToken).ConfigureAwait(false)
                    : 0;
                if (log.DebugEnabled)
                {
                    log.Debug(Scrubber.Scrub(HeaderRedaction.Format($"{message.Method} {shown} request headers:", _http.DefaultRequestHeaders, message.Headers, message.Content?.Headers)));
                }

                attempt.CancelAfter(Timeout);
                var watch = Stopwatch.StartNew();
                try
                {
                    using HttpResponseMessage response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);

                    // Closing the response is what reliably stops a body read on every platform.
                    using var abortRead = attempt.Token.Register(response.Dispose);
                    status = response.StatusCode;
                    reason = Scrubber.Scrub(response.ReasonPhrase);
                    limits = RateLimitHeaders.Read(response, Clock.UtcNow);
                    pacer.Observe(limits);
                    LogAnswer(log, message.Method, shown, response, reason, watch);

                    if (response.IsSuccessStatusCode)
                    {
                        return await ReadBodyAsync(request, response, readBody, attempt.Token).ConfigureAwait(false);
                    }

                    if (IsRedirect(response) && response.Headers.Location is { } location && redirects < MaxRedirects && request.Method == HttpMethod.Get)
                    {
                        uri = new Uri(uri, location);
                        redirects++;
                        continue;
                    }

                    if (status == HttpStatusCode.Unauthorized && request.Authenticator is { } auth && !renewed)
                    {
                        renewed = true;
                        if (await auth.RenewAsync(stamp, log, cancellationToken).ConfigureAwait(false))
                        {
                            continue;
                        }
                    }

                    if (!(request.Retryable && RetryPolicy.IsRetryable(response.StatusCode) && retries < Retry.MaxRetries))
                    {
                        string? serviceText = IsRedirect(response) && response.Headers.Location is { } elsewhere
                            ? "to " + Scrubber.Scrub(WithoutUserInfo(new Uri(uri, elsewhere)))
                            : await ReadServiceTextAsync(response, attempt.Token).ConfigureAwait(false);
                        throw ApiErrors.FromStatus(Profile, request, response.StatusCode, reason, serviceText, retries);
                    }
                }
                catch (Exception) when (cancellationToken.IsCancellationRequested)
                {
                    // Stopped by the user: whatever the aborted read threw, end quietly.
                    throw new OperationCanceledException(cancellationToken);
                }
                catch (Exception e) when (attempt.IsCancellationRequested && e is not CustomerToolsException)
                {
                    LogFailure(log, message.Method, shown, $"no answer within {Timeout.TotalSeconds:0.###} s", watch);
                    throw ApiErrors.TimedOut(Profile, request, Timeout, e);
                }
                catch (Exception e) when (IsNetworkFault(e))
                {
                    string problem = Scrubber.Scrub(e.Message);
                    LogFailure(log, message.Method, shown, problem, watch);
                    if (!(request.Retryable && retries < Retry.MaxRetries))
                    {
                        throw ApiErrors.NetworkFailure(Profile, request, problem, e, retries);
                    }
                }
            }

            retries++;
            DateTimeOffset now = Clock.UtcNow;
            (TimeSpan wait, string waitSource) = Retry.GetWait(retries, status, limits, now);
            if (status == (HttpStatusCode)429)
            {
                pacer.PauseUntil(now + wait);
            }

            if (log.VerboseEnabled)
            {
                string why = status is { } s ? $"{(int)s} {reason}".TrimEnd() : "a network fault";
                log.Verbose(string.Format(CultureInfo.InvariantCulture, "Retry {0} of {1} for {2} {3} after {4}: waiting {5:0.0} s ({6}).", retries, Retry.MaxRetries, request.Method, shown, why, wait.TotalSeconds, waitSource));
            }

            await Clock.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();

    internal static bool IsSameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool IsRedirect(HttpResponseMessage response) => (int)response.StatusCode is >= 300 and < 400;

    private static string WithoutUserInfo(Uri uri) =>
        uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped);

    // Faults worth a retry: the connection failed or broke off, not a body we could not understand.
    private static bool IsNetworkFault(Exception e) =>
        e is HttpRequestException || (e is IOException && e is not BodyTooLargeException);

    private async Task<T> ReadBodyAsync<T>(ApiRequest request, HttpResponseMessage response, Func<Stream, CancellationToken, Task<T>> readBody, CancellationToken cancellationToken)
    {
        var headers = response.Content.Headers;
        if (headers.ContentType?.MediaType is { } mediaType && mediaType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0)
        {
            // A login page or a proxy's notice: what it says helps the user more than its type.
            string? text = await ReadServiceTextAsync(response, cancellationToken).ConfigureAwait(false);
            throw ApiErrors.InvalidResponse(Profile, request, $"a body of type {Scrubber.Scrub(mediaType)}{(text is null ? string.Empty : ": " + text)}");
        }

        if (headers.ContentLength > MaxBodyBytes)
        {
            throw ApiErrors.InvalidResponse(Profile, request, new BodyTooLargeException(MaxBodyBytes).Message);
        }

        try
        {
            using var body = new LimitedReadStream(await ResponseBody.OpenAsync(response, cancellationToken).ConfigureAwait(false), MaxBodyBytes);
            return await readBody(body, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw ApiErrors.InvalidResponse(Profile, request, Scrubber.Scrub(e.Message), e);
        }
        catch (BodyTooLargeException e)
        {
            throw ApiErrors.InvalidResponse(Profile, request, e.Message, e);
        }
    }

    private async Task<string?> ReadServiceTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var (body, truncated) = await ResponseBody.ReadStartAsync(response, ServiceText.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
            return ServiceText.From(body, truncated, response.Content.Headers.ContentType?.MediaType, Profile, Scrubber);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or InvalidOperationException)
        {
            // An unreadable error body still leaves the status code to report.
            return null;
        }
    }

    private void LogAnswer(IRequestLog log, HttpMethod method, string shown, HttpResponseMessage response, string? reason, Stopwatch watch)
    {
        if (log.VerboseEnabled)
        {
            log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} {3} ({4} ms)", method, shown, (int)response.StatusCode, reason, watch.ElapsedMilliseconds));
        }

        if (log.DebugEnabled)
        {
            log.Debug(Scrubber.Scrub(HeaderRedaction.Format($"{method} {shown} response headers:", response.Headers, response.Content.Headers)));
        }
    }

    private static void LogFailure(IRequestLog log, HttpMethod method, string shown, string what, Stopwatch watch)
    {
        if (log.VerboseEnabled)
        {
            log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} ({3} ms)", method, shown, what, watch.ElapsedMilliseconds));
        }
    }
}
