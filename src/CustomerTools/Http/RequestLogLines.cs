using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;

namespace CustomerTools.Http;

/// <summary>
/// The lines one request leaves on the verbose and debug streams: each answer and its time, each
/// failure, each retry and its wait, and (on -Debug) the headers both ways, credentials redacted
/// and whatever the service sent scrubbed.
/// </summary>
internal sealed class RequestLogLines
{
    private readonly SecretScrubber _scrubber;

    public RequestLogLines(SecretScrubber scrubber)
    {
        _scrubber = scrubber;
    }

    public void RequestHeaders(IRequestLog log, HttpRequestMessage message, string shown, HttpRequestHeaders defaults)
    {
        if (log.DebugEnabled)
        {
            log.Debug(_scrubber.Scrub(HeaderRedaction.Format($"{message.Method} {shown} request headers:", defaults, message.Headers, message.Content?.Headers)));
        }
    }

    public void Answer(IRequestLog log, HttpMethod method, string shown, HttpResponseMessage response, string? reason, Stopwatch watch)
    {
        if (log.VerboseEnabled)
        {
            log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} {3} ({4} ms)", method, shown, (int)response.StatusCode, reason, watch.ElapsedMilliseconds));
        }

        if (log.DebugEnabled)
        {
            log.Debug(_scrubber.Scrub(HeaderRedaction.Format($"{method} {shown} response headers:", response.Headers, response.Content.Headers)));
        }
    }

    public static void Failure(IRequestLog log, HttpMethod method, string shown, string what, Stopwatch watch)
    {
        if (log.VerboseEnabled)
        {
            log.Verbose(string.Format(CultureInfo.InvariantCulture, "{0} {1} -> {2} ({3} ms)", method, shown, what, watch.ElapsedMilliseconds));
        }
    }

    public static void Retry(IRequestLog log, int retry, int maxRetries, HttpMethod method, string shown, string why, SendStep step)
    {
        if (log.VerboseEnabled)
        {
            log.Verbose(string.Format(CultureInfo.InvariantCulture, "Retry {0} of {1} for {2} {3} after {4}: waiting {5:0.0} s ({6}).", retry, maxRetries, method, shown, why, step.Wait.TotalSeconds, step.WaitSource));
        }
    }
}
