using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CustomerTools.ApiSimulator;

/// <summary>
/// The simulator's own routes under /_sim/, for tests that run it as a separate process (Pester):
/// the same levers the in-process API offers.
/// </summary>
internal static class ControlApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task HandleAsync(Simulator simulator, HttpContext context, string rawPath)
    {
        var query = context.Request.Query;
        int Int(string name) => int.Parse(query[name].ToString(), CultureInfo.InvariantCulture);
        switch (context.Request.Method + " " + rawPath)
        {
            case "POST /_sim/reset":
                simulator.Reset();
                break;
            case "POST /_sim/script":
                simulator.Script((await ReadAsync<ScriptedAnswer>(context))!);
                break;
            case "GET /_sim/requests":
                await WriteAsync(context, simulator.Requests);
                return;
            case "POST /_sim/requests/clear":
                simulator.ClearRequests();
                break;
            case "GET /_sim/throttle-gaps":
                // After each 429 that stated a refill time: the wait it stated, the time until its
                // retry came (null if none did), and whether the retry came before the stated time.
                await WriteAsync(context, ThrottleGap.Of(simulator.Requests).Select(g => new
                {
                    target = g.TooMany.RawTarget,
                    statedMs = g.Stated.TotalMilliseconds,
                    idleMs = g.Idle?.TotalMilliseconds,
                    early = g.CameEarly,
                }));
                return;
            case "GET /_sim/in-flight":
                // Requests being answered now, and the most at once since the last reset.
                await WriteAsync(context, new { inFlight = simulator.InFlight, maxInFlight = simulator.MaxInFlight });
                return;
            case "POST /_sim/wait-until-quiet":
                await Task.Run(simulator.WaitUntilQuiet, context.RequestAborted);
                break;
            case "POST /_sim/latency":
                simulator.Latency = TimeSpan.FromMilliseconds(Int("ms"));
                break;
            case "POST /_sim/faults":
                simulator.Faults = await ReadAsync<FaultSchedule>(context);
                break;
            case "POST /_sim/kustomer/generate":
                simulator.Kustomer.GeneratedCount = Int("count");
                break;
            case "POST /_sim/kustomer/link-past-last-page":
                simulator.Kustomer.LinkPastLastPage = bool.Parse(query["value"].ToString());
                break;
            case "POST /_sim/kustomer/customers":
                // Body: one customer resource as the API serves it (type, id, attributes).
                simulator.Kustomer.Add(await ReadTextAsync(context));
                break;
            case "POST /_sim/kustomer/clear":
                simulator.Kustomer.Clear();
                break;
            case "POST /_sim/kustomer/quota":
                // ?limit=&windowMs=, optional &reset=unix (x-ratelimit-reset as a Unix time) and
                // &spent=N (requests others already made in a window that opens now).
                simulator.KustomerQuota = Quota(query);
                break;
            case "GET /_sim/kustomer/quota":
                await WriteAsync(context, Counts(simulator.KustomerQuota));
                return;
            case "POST /_sim/helpscout/quota":
                // ?limit=&windowMs=, optional &spent=N, as for Kustomer.
                simulator.HelpScoutQuota = Quota(query);
                break;
            case "GET /_sim/helpscout/quota":
                await WriteAsync(context, Counts(simulator.HelpScoutQuota));
                return;
            case "POST /_sim/helpscout/generate":
                simulator.HelpScout.GeneratedCount = Int("count");
                break;
            case "POST /_sim/helpscout/customers":
                // Body: one customer as the API serves it; ?mailbox= the mailbox it belongs to (default the main one).
                simulator.HelpScout.Add(
                    await ReadTextAsync(context),
                    query.ContainsKey("mailbox") ? long.Parse(query["mailbox"].ToString(), CultureInfo.InvariantCulture) : HelpScout.HelpScoutStore.MainMailbox);
                break;
            case "POST /_sim/helpscout/expire-tokens":
                simulator.HelpScout.ExpireTokens();
                break;
            case "POST /_sim/helpscout/revoke-tokens-at":
                simulator.HelpScout.RevokeTokensAtRequest = Int("request");
                break;
            case "POST /_sim/helpscout/token-lifetime":
                simulator.HelpScout.TokenLifetimeSeconds = Int("seconds");
                break;
            case "POST /_sim/helpscout/list-items-embedded":
                simulator.HelpScout.ListItemsEmbedded = bool.Parse(query["value"].ToString());
                break;
            case "GET /_sim/helpscout/token-requests":
                await WriteAsync(context, new { count = simulator.HelpScout.TokenRequests });
                return;
            default:
                context.Response.StatusCode = 404;
                return;
        }

        context.Response.StatusCode = 204;
    }

    private static QuotaWindow Quota(IQueryCollection query)
    {
        int Int(string name) => int.Parse(query[name].ToString(), CultureInfo.InvariantCulture);
        var quota = new QuotaWindow(Int("limit"), TimeSpan.FromMilliseconds(Int("windowMs")))
        {
            ResetAsUnixTime = query["reset"].ToString() == "unix",
        };
        if (query.ContainsKey("spent") && Int("spent") > 0)
        {
            quota.Spend(Int("spent"), DateTimeOffset.UtcNow);
        }

        return quota;
    }

    // The quota's counts so far: limit, served and rejected (with 429); all 0 when there is none.
    private static object Counts(QuotaWindow? quota) => new
    {
        limit = quota?.Limit ?? 0,
        served = quota?.Served ?? 0,
        rejected = quota?.Rejected ?? 0,
    };

    private static async Task<T?> ReadAsync<T>(HttpContext context) =>
        await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Json, context.RequestAborted);

    private static async Task<string> ReadTextAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        return await reader.ReadToEndAsync(context.RequestAborted);
    }

    private static async Task WriteAsync<T>(HttpContext context, T value)
    {
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, Json, context.RequestAborted);
    }
}
