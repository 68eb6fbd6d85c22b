using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using CustomerTools.ApiSimulator;

namespace CustomerTools.TestKit;

/// <summary>
/// The simulator's control API (/_sim/), typed: the one way tests and benchmarks steer it and read
/// its record, whether it runs in their process or in another. Calls are synchronous, so that a
/// PowerShell pipeline can make them too (<c>$sim.HelpScout.ExpireTokens()</c>).
/// </summary>
public sealed class SimulatorClient : IDisposable
{
    private readonly HttpClient _http;

    public SimulatorClient(Uri baseUri)
    {
        BaseUri = baseUri;
        _http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(2) };
        Kustomer = new KustomerLevers(this);
        HelpScout = new HelpScoutLevers(this);
    }

    /// <summary>Where both APIs are served (the cmdlets' -BaseUri).</summary>
    public Uri BaseUri { get; }

    public KustomerLevers Kustomer { get; }

    public HelpScoutLevers HelpScout { get; }

    /// <summary>Back to the fixtures, with no scripts, faults, quotas, page shifts, latency or recorded requests.</summary>
    public void Reset() => Post("_sim/reset");

    /// <summary>Answers matching requests ahead of the services (see <see cref="ScriptedAnswer"/>).</summary>
    public void Script(ScriptedAnswer answer) => Post("_sim/script", answer);

    /// <summary>Every API request received since the last reset or clear, in the order they arrived.</summary>
    public IReadOnlyList<RecordedRequest> Requests() => Get<RecordedRequest[]>("_sim/requests");

    /// <summary>Requests whose raw path contains <paramref name="pathContains"/>.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string pathContains) =>
        Requests().Where(r => r.RawPath.Contains(pathContains, StringComparison.Ordinal)).ToArray();

    public void ClearRequests() => Post("_sim/requests/clear");

    /// <summary>
    /// Returns once no request is being answered and none has arrived for a moment: after a client
    /// broke a pipeline off, what it had already sent is then recorded, not left to the next test.
    /// </summary>
    public void WaitUntilQuiet() => Post("_sim/wait-until-quiet");

    public InFlightCounts InFlight() => Get<InFlightCounts>("_sim/in-flight");

    /// <summary>Added before every API answer, as a slow network or service would.</summary>
    public void Latency(TimeSpan latency) => Post(Invariant($"_sim/latency?ms={(int)latency.TotalMilliseconds}"));

    public void Faults(FaultSchedule schedule) => Post("_sim/faults", schedule);

    /// <summary>After each 429 that stated a refill time: what it stated and when its retry came.</summary>
    public IReadOnlyList<ThrottleGapReply> ThrottleGaps() => Get<ThrottleGapReply[]>("_sim/throttle-gaps");

    public void Dispose() => _http.Dispose();

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    internal static string Time(DateTimeOffset time) => Uri.EscapeDataString(time.ToString("o", CultureInfo.InvariantCulture));

    internal void Post(string pathAndQuery, object? body = null) =>
        PostText(pathAndQuery, body is null ? null : JsonSerializer.Serialize(body, body.GetType(), ControlJson.Options));

    internal void PostText(string pathAndQuery, string? json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using HttpResponseMessage response = Send(request);
    }

    internal T Get<T>(string pathAndQuery) => Read<T>(HttpMethod.Get, pathAndQuery);

    /// <summary>A POST that answers with JSON.</summary>
    internal T PostFor<T>(string pathAndQuery) => Read<T>(HttpMethod.Post, pathAndQuery);

    private T Read<T>(HttpMethod method, string pathAndQuery)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        using HttpResponseMessage response = Send(request);
        using Stream body = response.Content.ReadAsStream();
        return JsonSerializer.Deserialize<T>(body, ControlJson.Options) ?? throw new InvalidOperationException($"{method} {pathAndQuery}: no answer");
    }

    private HttpResponseMessage Send(HttpRequestMessage request)
    {
        HttpResponseMessage response = _http.Send(request);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            using var reader = new StreamReader(response.Content.ReadAsStream());
            throw new SimulatorRefusedException($"{request.Method} /{request.RequestUri}: {(int)response.StatusCode} {reader.ReadToEnd()}");
        }
    }
}

/// <summary>The control API refused a request (400: it says why; 404: no such route).</summary>
public sealed class SimulatorRefusedException : Exception
{
    public SimulatorRefusedException(string message)
        : base(message)
    {
    }
}
