using System;
using System.Globalization;
using System.Management.Automation;
using System.Net;

namespace CustomerTools.Http;

/// <summary>
/// The one mapping from what went wrong on the wire to the contract's error ids, categories and
/// messages, for both services. Messages say what happened and what to do, quoting the service.
/// </summary>
internal static class ApiErrors
{
    /// <summary>
    /// A final answer that is not a success. <paramref name="reason"/> and <paramref name="serviceText"/>
    /// come from the service: the HTTP layer passes them scrubbed.
    /// </summary>
    public static CustomerToolsException FromStatus(ServiceProfile profile, ApiRequest request, HttpStatusCode status, string? reason, string? serviceText, int retries)
    {
        string service = profile.ServiceName;
        string answer = Answer(status, reason, serviceText);
        if ((int)status == 401 || (request.ObtainsCredential && (int)status is 400 or 403))
        {
            // A refused token request concerns the connection, not any one input.
            return Error(ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError, request.ObtainsCredential ? null : request.Target,
                $"{service} refused the credentials ({answer}). {profile.AuthenticationHint}{(request.PermissionHint is { } hint ? " Credentials that work for other requests may still lack the role this one needs. " + hint : string.Empty)}");
        }

        return (int)status switch
        {
            403 => Error(ErrorIds.AccessDenied, ErrorCategory.PermissionDenied, request,
                $"{service} denied access to the {request.Subject} ({answer}). {request.PermissionHint ?? profile.AccessDeniedHint}"),
            404 => NotFound(profile, request, answer),
            429 => Error(ErrorIds.RateLimited, ErrorCategory.LimitsExceeded, request,
                $"{service} kept rate limiting the request for the {request.Subject} ({answer}{Retried(retries)}). Lower -ThrottleLimit, or run the job again later."),
            >= 500 => Error(ErrorIds.ServiceError, ErrorCategory.ConnectionError, request,
                $"{service} failed to answer for the {request.Subject} ({answer}{Retried(retries)}). Try again later; if it persists, check the service's status page."),
            >= 300 and < 400 => InvalidResponse(profile, request, $"an unexpected redirect, {answer}"),
            _ => Error(ErrorIds.InvalidRequest, ErrorCategory.InvalidArgument, request,
                $"{service} refused the request for the {request.Subject} ({answer}). Check the values given."),
        };
    }

    /// <summary>
    /// The service has nothing for the request: a 404, or an answer that found no one
    /// (<paramref name="finding"/> says which, e.g. "the search found nobody").
    /// </summary>
    public static CustomerToolsException NotFound(ServiceProfile profile, ApiRequest request, string finding) =>
        Error(request.NotFoundId, ErrorCategory.ObjectNotFound, request, $"{profile.ServiceName} has no {request.Subject} ({finding}).");

    /// <summary>
    /// A request that is not safe to repeat may have been carried out, but its answer was lost
    /// (<paramref name="what"/>: the 5xx, the timeout or the broken connection).
    /// </summary>
    public static CustomerToolsException OutcomeUnknown(ServiceProfile profile, ApiRequest request, string what, Exception? exception = null) =>
        Error(ErrorIds.WriteOutcomeUnknown, ErrorCategory.OperationStopped, request,
            $"{profile.ServiceName} may or may not have carried out the request for the {request.Subject}: its answer was lost ({what}). It was not sent again, since sending it twice could apply it twice; check the {request.Subject} before you run it again.",
            exception);

    /// <summary>The connection failed or broke off; <paramref name="problem"/> is the exception's message, scrubbed.</summary>
    public static CustomerToolsException NetworkFailure(ServiceProfile profile, ApiRequest request, string problem, Exception exception, int retries) =>
        Error(ErrorIds.ServiceError, ErrorCategory.ConnectionError, request,
            $"Could not reach {profile.ServiceName} at {request.Uri.Host} for the {request.Subject}{Retried(retries)}: {problem.TrimEnd('.')}. Check the network, the proxy and -BaseUri.",
            exception);

    public static CustomerToolsException TimedOut(ServiceProfile profile, ApiRequest request, TimeSpan timeout, Exception exception) =>
        Error(ErrorIds.RequestTimedOut, ErrorCategory.OperationTimeout, request,
            string.Format(CultureInfo.InvariantCulture, "{0} did not answer the request for the {1} within {2:0.###} s. Try again later, or allow more time with -TimeoutSec when you connect.", profile.ServiceName, request.Subject, timeout.TotalSeconds),
            exception);

    public static CustomerToolsException InvalidResponse(ServiceProfile profile, ApiRequest request, string problem, Exception? exception = null) =>
        Error(ErrorIds.InvalidResponse, ErrorCategory.InvalidResult, request,
            $"{profile.ServiceName} answered the request for the {request.Subject} with something other than the documented JSON: {problem}. If this persists, the API may have changed; please report it.",
            exception);

    /// <summary>A redirect to <paramref name="elsewhere"/> (scheme, host and port, scrubbed) was not followed.</summary>
    public static CustomerToolsException ForeignHost(ServiceProfile profile, ApiRequest request, Uri baseUri, string elsewhere) =>
        Error(ErrorIds.InvalidResponse, ErrorCategory.InvalidResult, request,
            $"{profile.ServiceName} sent the request for the {request.Subject} on to {elsewhere}, away from {baseUri.GetLeftPart(UriPartial.Authority)}. Credentials never go to another host, so it was not followed; check -BaseUri.");

    /// <summary>"404 Not Found: what the service said", as messages quote an answer.</summary>
    public static string Answer(HttpStatusCode status, string? reason, string? serviceText)
    {
        string code = ((int)status).ToString(CultureInfo.InvariantCulture);
        string head = string.IsNullOrWhiteSpace(reason) ? code : $"{code} {reason}";
        return string.IsNullOrWhiteSpace(serviceText) ? head : $"{head}: {serviceText}";
    }

    private static string Retried(int retries) => retries switch
    {
        0 => string.Empty,
        1 => ", after 1 retry",
        _ => string.Format(CultureInfo.InvariantCulture, ", after {0} retries", retries),
    };

    private static CustomerToolsException Error(string id, ErrorCategory category, ApiRequest request, string message, Exception? inner = null) =>
        Error(id, category, request.Target, message, inner);

    private static CustomerToolsException Error(string id, ErrorCategory category, object? target, string message, Exception? inner = null) =>
        new(id, category, target, message, inner);
}
