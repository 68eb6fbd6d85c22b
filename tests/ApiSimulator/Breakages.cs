using System;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CustomerTools.ApiSimulator;

/// <summary>Scripted answers and injected faults: the ways an answer can go wrong on the wire.</summary>
internal static class Breakages
{
    public static async Task AnswerAsync(HttpContext context, ScriptedAnswer answer, RecordedRequest request)
    {
        if (answer.DelayMs > 0)
        {
            await Task.Delay(answer.DelayMs, context.RequestAborted);
        }

        if (answer.ThenServe)
        {
            return;
        }

        foreach (var header in answer.Headers)
        {
            context.Response.Headers[header.Key] = Echo.Fill(header.Value, request);
        }

        if (answer.ReasonPhrase is { } reason)
        {
            context.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = Echo.Fill(reason, request);
        }

        byte[] body = Encoding.UTF8.GetBytes(Echo.Fill(answer.Body ?? string.Empty, request));
        switch (answer.Breakage)
        {
            case Breakage.Reset:
                Abort(context);
                return;
            case Breakage.StallBody:
                await StallAsync(context, answer.Status, answer.ContentType, body);
                return;
            case Breakage.TruncateBody:
                await TruncateAsync(context, answer.Status, answer.ContentType, body);
                return;
            default:
                context.Response.StatusCode = answer.Status;
                if (answer.Body is not null)
                {
                    context.Response.ContentType = answer.ContentType;
                    context.Response.ContentLength = body.Length;
                    await context.Response.Body.WriteAsync(body, context.RequestAborted);
                }

                return;
        }
    }

    public static Task FaultAsync(HttpContext context, FaultKind fault, bool kustomer)
    {
        string error = kustomer ? """{"errors":[{"status":503,"title":"Service Unavailable"}]}""" : """{"message":"Service unavailable"}""";
        string valid = kustomer
            ? """{"data":{"type":"customer","id":"64b7f0c2e4a1d3b5c6a7e8f9","attributes":{"name":"x"}}}"""
            : """{"id":4150271,"firstName":"x"}""";
        switch (fault)
        {
            case FaultKind.TooManyRequestsRetryAfter:
                context.Response.Headers.RetryAfter = FaultSchedule.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return Answers.Json(context, 429, error);
            case FaultKind.TooManyRequestsBare:
                return Answers.Json(context, 429, error);
            case FaultKind.TooManyRequestsQuotaUsedUp:
                var refill = TimeSpan.FromSeconds(FaultSchedule.QuotaRefillSeconds);
                if (kustomer)
                {
                    QuotaHeaders.Kustomer(context.Response.Headers, 1000, 0, refill, resetAsUnixTime: false, DateTimeOffset.UtcNow);
                    return Answers.Json(context, 429, QuotaHeaders.KustomerTooMany);
                }

                QuotaHeaders.HelpScout(context.Response.Headers, 200, 0, refill);
                return Answers.Json(context, 429, QuotaHeaders.HelpScoutTooMany);
            case FaultKind.BadGateway:
                return Answers.Json(context, 502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");
            case FaultKind.ServiceUnavailable:
                return Answers.Json(context, 503, error);
            case FaultKind.GatewayTimeout:
                return Answers.Json(context, 504, string.Empty);
            case FaultKind.InternalServerError:
                return Answers.Json(context, 500, error);
            case FaultKind.ConnectionReset:
                Abort(context);
                return Task.CompletedTask;
            case FaultKind.TruncatedBody:
                return TruncateAsync(context, 200, "application/json", Encoding.UTF8.GetBytes(valid));
            case FaultKind.StalledBody:
                return StallAsync(context, 200, "application/json", Encoding.UTF8.GetBytes(valid));
            case FaultKind.MalformedJson:
                return Answers.Json(context, 200, valid.Substring(0, valid.Length / 2) + "}}");
            case FaultKind.HtmlErrorPage:
                return Answers.Json(context, 200, "<!DOCTYPE html><html><body>Sign in to continue</body></html>", "text/html; charset=utf-8");
            case FaultKind.WrongContentType:
                return Answers.Json(context, 200, valid, "text/plain");
            case FaultKind.EmptyBody:
                return Answers.Json(context, 200, string.Empty);
            case FaultKind.WrongFieldTypes:
                return Answers.Json(context, 200, kustomer
                    ? """{"data":{"type":"customer","id":"64b7f0c2e4a1d3b5c6a7e8f9","attributes":{"name":42,"emails":"none","createdAt":true}}}"""
                    : """{"id":"not-a-number","firstName":["x"],"_embedded":{"emails":{"value":1}}}""");
            case FaultKind.DeeplyNested:
                string deep = new string('[', 5000) + new string(']', 5000);
                return Answers.Json(context, 200, kustomer
                    ? """{"data":{"type":"customer","id":"64b7f0c2e4a1d3b5c6a7e8f9","attributes":{"custom":{"deep":""" + deep + "}}}}"
                    : """{"id":4150271,"_embedded":{"properties":[{"value":""" + deep + "}]}}");
            case FaultKind.HugeBody:
                return HugeAsync(context);
            default:
                throw new ArgumentOutOfRangeException(nameof(fault));
        }
    }

    private static void Abort(HttpContext context) => context.Features.Get<IHttpRequestLifetimeFeature>()!.Abort();

    private static async Task StallAsync(HttpContext context, int status, string contentType, byte[] body)
    {
        await SendHalfAsync(context, status, contentType, body);
        await Task.Delay(Timeout.Infinite, context.RequestAborted);
    }

    private static async Task TruncateAsync(HttpContext context, int status, string contentType, byte[] body)
    {
        await SendHalfAsync(context, status, contentType, body);
        Abort(context);
    }

    // Announces the whole body, sends half of it.
    private static async Task SendHalfAsync(HttpContext context, int status, string contentType, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    // Chunked, with no length announced: only reading it shows how big it is.
    private static async Task HugeAsync(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        byte[] chunk = Encoding.UTF8.GetBytes(new string(' ', 1024 * 1024));
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"data\":"), context.RequestAborted);
        for (int i = 0; i < 40 && !context.RequestAborted.IsCancellationRequested; i++)
        {
            await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
        }

        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("null}"), context.RequestAborted);
    }
}
