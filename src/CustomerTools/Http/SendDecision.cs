using System;
using System.Net;
using System.Net.Http;

namespace CustomerTools.Http;

/// <summary>What to do after an attempt that did not succeed.</summary>
internal enum SendAction
{
    /// <summary>Send again to <see cref="SendStep.Location"/> (a same-origin redirect of a GET).</summary>
    FollowRedirect,

    /// <summary>Renew the credential (a 401), then send again at once.</summary>
    RenewCredential,

    /// <summary>Wait <see cref="SendStep.Wait"/>, then send again.</summary>
    RetryAfterWait,

    /// <summary>Give up: the answer (or the fault) is final.</summary>
    Fail,

    /// <summary>
    /// Give up without knowing the outcome: a request that is not safe to repeat may have been
    /// carried out, but its answer was lost. The caller reconciles before anything is sent again.
    /// </summary>
    OutcomeUnknown,
}

internal readonly struct SendStep
{
    public SendAction Action { get; init; }

    public Uri? Location { get; init; }

    public TimeSpan Wait { get; init; }

    /// <summary>Which header (or "backoff") the wait comes from, for -Verbose.</summary>
    public string? WaitSource { get; init; }
}

/// <summary>
/// The whole policy of sending again, as a pure function of what an attempt met: redirects (GET,
/// same origin is checked by the caller, at most 3), one credential renewal after a 401, retries
/// of 429, 502-504 and network faults up to -MaxRetries, waiting what the service asks, and the
/// line between requests that are safe to repeat and those that are not (a create, an added
/// email): those are repeated only when the service said it did not carry them out (a 429) or
/// when they never left, and otherwise end as <see cref="SendAction.OutcomeUnknown"/>.
/// </summary>
internal static class SendDecision
{
    public const int MaxRedirects = 3;

    // A connection refused at once is a wrong host or port far more often than a hiccup: one more
    // try, then the user hears of it within seconds, not after a full round of backoff.
    private const int MaxRetriesNotSent = 1;

    public static SendStep Next(ApiRequest request, AttemptFacts facts, SendCourse course, RetryPolicy retry, DateTimeOffset now)
    {
        if (facts.Status is { } status)
        {
            return AfterAnswer(request, status, facts, course, retry, now);
        }

        return facts.Fault switch
        {
            AttemptFault.NotSent => RetryOrFail(course.Retries < Math.Min(MaxRetriesNotSent, retry.MaxRetries), course, null, facts, retry, now),
            AttemptFault.Broken when !request.Idempotent => Step(SendAction.OutcomeUnknown),
            AttemptFault.Broken => RetryOrFail(course.Retries < retry.MaxRetries, course, null, facts, retry, now),
            _ => Step(request.Idempotent ? SendAction.Fail : SendAction.OutcomeUnknown),
        };
    }

    private static SendStep AfterAnswer(ApiRequest request, HttpStatusCode status, AttemptFacts facts, SendCourse course, RetryPolicy retry, DateTimeOffset now)
    {
        int code = (int)status;
        if (code is >= 300 and < 400 && facts.Location is { } location && request.Method == HttpMethod.Get && course.Redirects < MaxRedirects)
        {
            return new SendStep { Action = SendAction.FollowRedirect, Location = location };
        }

        if (code == 401 && request.Authenticator is { CanRenew: true } && !course.Renewed)
        {
            return Step(SendAction.RenewCredential);
        }

        // A 429 says the request was not carried out; a 5xx does not say so.
        bool carriedOutMaybe = code >= 500;
        if (carriedOutMaybe && !request.Idempotent)
        {
            return Step(SendAction.OutcomeUnknown);
        }

        return RetryPolicy.IsRetryable(status)
            ? RetryOrFail(course.Retries < retry.MaxRetries, course, status, facts, retry, now)
            : Step(SendAction.Fail);
    }

    private static SendStep RetryOrFail(bool retriesLeft, SendCourse course, HttpStatusCode? status, AttemptFacts facts, RetryPolicy retry, DateTimeOffset now)
    {
        if (!retriesLeft)
        {
            return Step(SendAction.Fail);
        }

        (TimeSpan wait, string source) = retry.GetWait(course.Retries + 1, status, facts.Limits, now);
        return new SendStep { Action = SendAction.RetryAfterWait, Wait = wait, WaitSource = source };
    }

    private static SendStep Step(SendAction action) => new() { Action = action };
}
