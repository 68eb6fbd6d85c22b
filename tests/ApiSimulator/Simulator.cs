using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.ApiSimulator.Kustomer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerTools.ApiSimulator;

/// <summary>
/// Both APIs on one loopback port. Each request is recorded, then may be delayed (latency),
/// answered by a scripted answer, broken by the fault schedule, refused by a quota, and otherwise
/// served by the Kustomer (/v1) or Help Scout (/v2) routes. /_sim/ is the control API.
/// </summary>
public sealed class Simulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<ScriptedAnswer> _scripted = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private readonly KustomerApi _kustomerApi;
    private readonly HelpScoutApi _helpScoutApi;
    private int _inFlight;
    private int _maxInFlight;

    private Simulator(WebApplication app)
    {
        _app = app;
        _kustomerApi = new KustomerApi(Kustomer, new KustomerSearchApi(Kustomer, this));
        _helpScoutApi = new HelpScoutApi(HelpScout, () => DateTimeOffset.UtcNow);
        app.Run(HandleAsync);
    }

    public KustomerStore Kustomer { get; } = new();

    public HelpScoutStore HelpScout { get; } = new();

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Added before every API answer, as a slow network or service would.</summary>
    public TimeSpan Latency { get; set; }

    public FaultSchedule? Faults { get; set; }

    public QuotaWindow? KustomerQuota { get; set; }

    public QuotaWindow? HelpScoutQuota { get; set; }

    /// <summary>Kustomer's search quota for API keys (docs/api/kustomer.md §3a: 100 a minute), taken by searches on top of the org's.</summary>
    public QuotaWindow? KustomerSearchQuota { get; set; }

    /// <summary>
    /// Whether search answers carry the search quota's x-ratelimit-* headers (unconfirmed); when
    /// false they carry no rate headers at all and a search 429 only Retry-After (seconds).
    /// </summary>
    public bool KustomerSearchQuotaHeaders { get; set; } = true;

    /// <summary>Requests being answered right now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The most requests answered at once since the last Reset.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public static async Task<Simulator> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, port);
            options.Limits.MaxRequestLineSize = 64 * 1024;
        });
        var simulator = new Simulator(builder.Build());
        await simulator._app.StartAsync();
        string address = simulator._app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        simulator.BaseUri = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return simulator;
    }

    /// <summary>Requests whose raw path contains <paramref name="pathContains"/>.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string pathContains) =>
        Requests.Where(r => r.RawPath.Contains(pathContains, StringComparison.Ordinal)).ToArray();

    public void ClearRequests() => _requests.Clear();

    /// <summary>
    /// Waits until no request is being answered and none has arrived for a moment: after a client
    /// broke a pipeline off, what it had already sent is then recorded, not left to the next test.
    /// </summary>
    public void WaitUntilQuiet()
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(5);
        int seen = -1;
        while (DateTimeOffset.UtcNow < deadline && (InFlight > 0 || seen != _requests.Count))
        {
            seen = _requests.Count;
            Thread.Sleep(250);
        }
    }

    public void Script(ScriptedAnswer answer)
    {
        lock (_scripted)
        {
            _scripted.Add(answer);
        }
    }

    /// <summary>Back to the fixtures, with no scripts, faults, quotas, page shifts, latency or recorded requests.</summary>
    public void Reset()
    {
        lock (_scripted)
        {
            _scripted.Clear();
        }

        _requests.Clear();
        _attempts.Clear();
        Interlocked.Exchange(ref _maxInFlight, 0);
        Kustomer.Reset();
        HelpScout.Reset();
        Latency = TimeSpan.Zero;
        Faults = null;
        KustomerQuota = null;
        HelpScoutQuota = null;
        KustomerSearchQuota = null;
        KustomerSearchQuotaHeaders = true;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        string rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        int queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        string rawPath = queryStart < 0 ? rawTarget : rawTarget.Substring(0, queryStart);
        if (rawPath.StartsWith("/_sim/", StringComparison.Ordinal))
        {
            await ControlApi.HandleAsync(this, context, rawPath);
            return;
        }

        var request = await RecordAsync(context, rawTarget, rawPath);
        int inFlight = Interlocked.Increment(ref _inFlight);
        for (int peak = _maxInFlight; inFlight > peak; peak = _maxInFlight)
        {
            Interlocked.CompareExchange(ref _maxInFlight, inFlight, peak);
        }

        try
        {
            if (Latency > TimeSpan.Zero)
            {
                await Task.Delay(Latency, context.RequestAborted);
            }

            if (TakeScripted(request) is { } scripted)
            {
                await Breakages.AnswerAsync(context, scripted, request);
                if (!scripted.ThenServe)
                {
                    return;
                }

                context.Response.Clear();
            }

            int attempt = _attempts.AddOrUpdate(rawTarget, 0, (_, n) => n + 1);
            if (Faults?.FaultFor(rawTarget, attempt) is { } fault)
            {
                await Breakages.FaultAsync(context, fault, KustomerApi.Handles(rawPath));
                return;
            }

            if (!await PassesQuotaAsync(context, rawPath))
            {
                return;
            }

            if (KustomerApi.Handles(rawPath))
            {
                await _kustomerApi.HandleAsync(context, request);
            }
            else if (HelpScoutApi.Handles(rawPath))
            {
                await _helpScoutApi.HandleAsync(context, request);
            }
            else
            {
                await Answers.Json(context, 404, """{"message":"No such route in the simulator"}""");
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client hung up; recorded below.
        }
        finally
        {
            request.Aborted = context.RequestAborted.IsCancellationRequested;
            request.Status = request.Aborted ? 0 : context.Response.StatusCode;
            request.ResponseHeaders = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            request.AnsweredAt = DateTimeOffset.UtcNow;
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<RecordedRequest> RecordAsync(HttpContext context, string rawTarget, string rawPath)
    {
        string body = string.Empty;
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(context.Request.Body);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var request = new RecordedRequest
        {
            Method = context.Request.Method,
            RawTarget = rawTarget,
            RawPath = rawPath,
            Query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            Headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = body,
            ReceivedAt = DateTimeOffset.UtcNow,
        };
        _requests.Enqueue(request);
        return request;
    }

    private ScriptedAnswer? TakeScripted(RecordedRequest request)
    {
        lock (_scripted)
        {
            var answer = _scripted.FirstOrDefault(a =>
                (a.Method is null || string.Equals(a.Method, request.Method, StringComparison.OrdinalIgnoreCase))
                && request.RawPath.Contains(a.PathContains, StringComparison.Ordinal));
            if (answer?.Times is { } times)
            {
                if (times <= 1)
                {
                    _scripted.Remove(answer);
                }

                answer.Times = times - 1;
            }

            return answer;
        }
    }

    private async Task<bool> PassesQuotaAsync(HttpContext context, string rawPath)
    {
        bool kustomer = KustomerApi.Handles(rawPath);
        QuotaWindow? quota = kustomer ? KustomerQuota : HelpScoutQuota;
        if (quota is null)
        {
            return true;
        }

        DateTimeOffset now = DateTimeOffset.UtcNow;
        bool allowed = quota.TryTake(now, out int remaining, out TimeSpan untilReset);
        if (kustomer)
        {
            QuotaHeaders.Kustomer(context.Response.Headers, quota.Limit, remaining, untilReset, quota.ResetAsUnixTime, now);
        }
        else
        {
            QuotaHeaders.HelpScout(context.Response.Headers, quota.Limit, remaining, allowed ? null : untilReset);
        }

        if (!allowed)
        {
            await Answers.Json(context, 429, kustomer ? QuotaHeaders.KustomerTooMany : QuotaHeaders.HelpScoutTooMany);
        }

        return allowed;
    }
}
