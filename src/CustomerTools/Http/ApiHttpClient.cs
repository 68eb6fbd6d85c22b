using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerTools.Http;

/// <summary>
/// The HTTP layer both services share: one pooled client per connection, no automatic redirects,
/// per-attempt timeouts, pacing, body limits, and the mapping of every failure to a
/// <see cref="CustomerToolsException"/>. What to do after an attempt that did not succeed
/// (redirect, renew, retry after a wait, fail) is <see cref="SendDecision"/>'s call. Reports to
/// the verbose and debug streams through <see cref="IRequestLog"/>, with credentials redacted;
/// whatever a service says passes <see cref="Scrubber"/> before it reaches a message or a stream.
/// </summary>
internal sealed class ApiHttpClient : IDisposable
{
    /// <summary>Bodies beyond this are refused, not buffered: no customer page comes near it.</summary>
    public const long MaxBodyBytes = 32L * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly RequestLogLines _lines;

    public ApiHttpClient(Uri baseUri, ServiceProfile profile, ConnectionOptions options, HttpMessageHandler? handler = null)
    {
        BaseUri = baseUri;
        Profile = profile;
        Timeout = options.Timeout;
        Clock = options.Clock;
        Retry = new RetryPolicy(options.MaxRetries);
        Pacer = new RateLimitPacer(Clock);
        _lines = new RequestLogLines(Scrubber);
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

    public IClock Clock { get; }

    public RetryPolicy Retry { get; }

    /// <summary>The connection's own quota, kept to by every request.</summary>
    public RateLimitPacer Pacer { get; }

    /// <summary>The connection's secrets, to take out of anything a service says; whoever holds a secret registers it.</summary>
    public SecretScrubber Scrubber { get; } = new();

    /// <summary>
    /// Sends <paramref name="request"/> until it succeeds or fails for good, and reads the body of the
    /// success with <paramref name="readBody"/>. A <see cref="JsonException"/> from the reader is an
    /// InvalidResponse. The command's stop ends it quietly with an <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<T> SendAsync<T>(ApiRequest request, Func<Stream, CancellationToken, Task<T>> readBody, RequestContext context)
    {
        var course = new SendCourse(request.Uri);
        while (true)
        {
            Attempt<T> attempt = await AttemptAsync(request, course, readBody, context).ConfigureAwait(false);
            if (attempt.Succeeded)
            {
                return attempt.Value!;
            }

            await TakeStepAsync(request, course, attempt.Next, context).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();

    internal static bool IsSameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static string WithoutUserInfo(Uri uri) =>
        uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped);

    private static Uri? RedirectTarget(Uri uri, HttpResponseMessage response) =>
        (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location ? new Uri(uri, location) : null;

    // One send: success, or the next step; a final failure is thrown here, while its answer can still be read.
    private async Task<Attempt<T>> AttemptAsync<T>(ApiRequest request, SendCourse course, Func<Stream, CancellationToken, Task<T>> readBody, RequestContext context)
    {
        Uri uri = course.Uri;
        if (!IsSameOrigin(uri, BaseUri))
        {
            throw ApiErrors.ForeignHost(Profile, request, BaseUri, Scrubber.Scrub(uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)));
        }

        // A target a redirect named came from the service.
        string shown = course.Redirects == 0 ? uri.AbsoluteUri : Scrubber.Scrub(WithoutUserInfo(uri));
        CancellationToken stop = context.Cancellation;
        RateLimitPacer pacer = request.Quota ?? Pacer;
        using (request.Quota is { } quota ? await quota.WaitTurnAsync(context).ConfigureAwait(false) : null)
        using (await Pacer.WaitTurnAsync(context).ConfigureAwait(false))
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop))
        using (var message = new HttpRequestMessage(request.Method, uri) { Content = request.Content?.Invoke() })
        {
            message.Headers.Accept.ParseAdd("application/json");
            int stamp = request.Authenticator is { } authenticator ? await authenticator.AuthorizeAsync(message, context).ConfigureAwait(false) : 0;
            _lines.RequestHeaders(context.Log, message, shown, _http.DefaultRequestHeaders);
            timeout.CancelAfter(Timeout);
            var watch = Stopwatch.StartNew();
            try
            {
                using HttpResponseMessage response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);

                // Closing the response is what reliably stops a body read on every platform.
                using var abortRead = timeout.Token.Register(response.Dispose);
                string? reason = Scrubber.Scrub(response.ReasonPhrase);
                RateLimitHeaders limits = RateLimitHeaders.Read(response, Clock.UtcNow);
                pacer.Observe(limits);
                _lines.Answer(context.Log, message.Method, shown, response, reason, watch);
                if (response.IsSuccessStatusCode)
                {
                    return Attempt<T>.Success(await ReadBodyAsync(request, response, readBody, timeout.Token).ConfigureAwait(false));
                }

                Uri? location = RedirectTarget(uri, response);
                SendStep next = Decide(request, AttemptFacts.Answered(response.StatusCode, location, limits), course);
                if (next.Action is SendAction.Fail or SendAction.OutcomeUnknown)
                {
                    string? serviceText = location is not null
                        ? "to " + Scrubber.Scrub(WithoutUserInfo(location))
                        : await ReadServiceTextAsync(response, timeout.Token).ConfigureAwait(false);
                    throw next.Action == SendAction.Fail
                        ? ApiErrors.FromStatus(Profile, request, response.StatusCode, reason, serviceText, course.Retries)
                        : ApiErrors.OutcomeUnknown(Profile, request, ApiErrors.Answer(response.StatusCode, reason, serviceText));
                }

                return Attempt<T>.Then(new NextStep(next, stamp, response.StatusCode, $"{(int)response.StatusCode} {reason}".TrimEnd(), shown));
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // Stopped by the user: whatever the aborted read threw, end quietly.
                throw new OperationCanceledException(stop);
            }
            catch (Exception e) when (timeout.IsCancellationRequested && e is not CustomerToolsException)
            {
                string problem = $"no answer within {Timeout.TotalSeconds:0.###} s";
                RequestLogLines.Failure(context.Log, message.Method, shown, problem, watch);
                throw Decide(request, AttemptFacts.Failed(AttemptFault.TimedOut), course).Action == SendAction.Fail
                    ? ApiErrors.TimedOut(Profile, request, Timeout, e)
                    : ApiErrors.OutcomeUnknown(Profile, request, problem, e);
            }
            catch (Exception e) when (NetworkFaults.IsNetworkFault(e))
            {
                string problem = Scrubber.Scrub(e.Message);
                RequestLogLines.Failure(context.Log, message.Method, shown, problem, watch);
                SendStep next = Decide(request, AttemptFacts.Failed(NetworkFaults.WasSent(e) ? AttemptFault.Broken : AttemptFault.NotSent), course);
                return next.Action switch
                {
                    SendAction.Fail => throw ApiErrors.NetworkFailure(Profile, request, problem, e, course.Retries),
                    SendAction.OutcomeUnknown => throw ApiErrors.OutcomeUnknown(Profile, request, problem, e),
                    _ => Attempt<T>.Then(new NextStep(next, stamp, null, "a network fault", shown)),
                };
            }
        }
    }

    private SendStep Decide(ApiRequest request, AttemptFacts facts, SendCourse course) =>
        SendDecision.Next(request, facts, course, Retry, Clock.UtcNow);

    private async Task TakeStepAsync(ApiRequest request, SendCourse course, NextStep next, RequestContext context)
    {
        switch (next.Step.Action)
        {
            case SendAction.FollowRedirect:
                course.Redirected(next.Step.Location!);
                return;
            case SendAction.RenewCredential:
                course.RenewedCredential();
                await request.Authenticator!.RenewAsync(next.Stamp, context).ConfigureAwait(false);
                return;
            default:
                course.Retried();
                if (next.Status == (HttpStatusCode)429)
                {
                    (request.Quota ?? Pacer).PauseUntil(Clock.UtcNow + next.Step.Wait);
                }

                RequestLogLines.Retry(context.Log, course.Retries, Retry.MaxRetries, request.Method, next.Shown, next.Why, next.Step);
                await Clock.Delay(next.Step.Wait, context.Cancellation).ConfigureAwait(false);
                return;
        }
    }

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
            var (body, truncated) = await ResponseBody.ReadStartAsync(response, ErrorBodyQuote.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
            return ErrorBodyQuote.From(body, truncated, response.Content.Headers.ContentType?.MediaType, Profile, Scrubber);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or InvalidOperationException)
        {
            // An unreadable error body still leaves the status code to report.
            return null;
        }
    }
}
