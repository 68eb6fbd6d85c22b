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
        int IntOr(string name, int fallback) => query.ContainsKey(name) ? Int(name) : fallback;
        ChangeTimeline Timeline() => new(
            Int("count"),
            TimeSpan.FromMilliseconds(Int("stepMs")),
            query.ContainsKey("origin") ? DateTimeOffset.Parse(query["origin"].ToString(), CultureInfo.InvariantCulture) : null,
            IntOr("tieStart", 0),
            IntOr("tieCount", 0));
        PageShift Shift() => new(Int("afterPages"), IntOr("insert", 0), IntOr("update", 0));
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
            case "POST /_sim/kustomer/timeline":
                // Generated customers on a timeline (ChangeTimeline): ?count=&stepMs=[&origin=ISO 8601][&tieStart=&tieCount=].
                simulator.Kustomer.UseTimeline(Timeline());
                break;
            case "GET /_sim/kustomer/changed-since":
                // ?since=ISO 8601: ids of the customers changed at or after it as the store holds them now, oldest change first, ties by id.
                await WriteAsync(context, new { ids = simulator.Kustomer.IdsChangedSince(DateTimeOffset.Parse(query["since"].ToString(), CultureInfo.InvariantCulture)) });
                return;
            case "POST /_sim/kustomer/list-shift":
                // ?afterPages=&insert=: once that many list pages were served, copies of the first customer go in front (PageShift).
                simulator.Kustomer.ListShift = Shift();
                break;
            case "POST /_sim/kustomer/search-shift":
                // ?afterPages=[&insert=][&update=]: once that many search pages were served, the next search shifts its results (PageShift).
                simulator.Kustomer.SearchShift = Shift();
                break;
            case "GET /_sim/kustomer/shifts":
                // Pages served per route since the last reset, and whether each lever has fired.
                await WriteAsync(context, new
                {
                    listPagesServed = simulator.Kustomer.ListPagesServed,
                    searchPagesServed = simulator.Kustomer.SearchPagesServed,
                    listShiftFired = simulator.Kustomer.ListShift?.Fired ?? false,
                    searchShiftFired = simulator.Kustomer.SearchShift?.Fired ?? false,
                });
                return;
            case "POST /_sim/kustomer/search-quota":
                // ?limit=&windowMs=[&headers=on|off]: the search quota, and whether search answers carry its x-ratelimit-* headers (default on).
                simulator.KustomerSearchQuota = new QuotaWindow(Int("limit"), TimeSpan.FromMilliseconds(Int("windowMs")));
                simulator.KustomerSearchQuotaHeaders = query["headers"].ToString() != "off";
                break;
            case "GET /_sim/kustomer/search-quota":
                // The search quota's counts so far, as for /_sim/kustomer/quota.
                await WriteAsync(context, Counts(simulator.KustomerSearchQuota));
                return;
            case "POST /_sim/helpscout/timeline":
                // Generated customers on a timeline, as for Kustomer; origin and step in whole seconds.
                simulator.HelpScout.UseTimeline(Timeline());
                break;
            case "POST /_sim/helpscout/list-shift":
                // ?afterPages=&insert=: once that many v2 list pages were served, copies of the first customer go in front.
                simulator.HelpScout.ListShift = Shift();
                break;
            case "GET /_sim/helpscout/shifts":
                // v2 list pages served since the last reset, and whether the lever has fired.
                await WriteAsync(context, new { listPagesServed = simulator.HelpScout.ListPagesServed, listShiftFired = simulator.HelpScout.ListShift?.Fired ?? false });
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
