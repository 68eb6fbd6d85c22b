using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.ApiSimulator.Kustomer;
using Microsoft.AspNetCore.Http;

namespace CustomerTools.ApiSimulator;

/// <summary>
/// The simulator's own routes under /_sim/, the only way tests and benchmarks steer it and read
/// its record: what it holds, what it received, its quotas and levers. A lever is a POST answered
/// 204; a reading is a GET answered with JSON (the records of ControlReplies.cs); a request it cannot
/// take is a 400 that says why, an unknown route a 404.
/// </summary>
internal static class ControlApi
{
    /// <summary>What a route answers when it is not one of its kind.</summary>
    public static readonly object NotFound = new();

    public static async Task HandleAsync(Simulator simulator, HttpContext context, string rawPath)
    {
        var request = new ControlRequest(context);
        string route = context.Request.Method + " " + rawPath;
        try
        {
            object? reply = rawPath.StartsWith("/_sim/kustomer/", StringComparison.Ordinal) ? await KustomerControlRoutes.AnswerAsync(simulator, request, route)
                : rawPath.StartsWith("/_sim/helpscout/", StringComparison.Ordinal) ? await HelpScoutControlRoutes.AnswerAsync(simulator, request, route)
                : await AnswerAsync(simulator, request, route);
            if (ReferenceEquals(reply, NotFound))
            {
                await request.RefuseAsync(404, $"No control route {route}.");
                return;
            }

            await request.AnswerAsync(reply);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or JsonException)
        {
            await request.RefuseAsync(400, e.Message);
        }
    }

    private static async Task<object?> AnswerAsync(Simulator simulator, ControlRequest request, string route)
    {
        switch (route)
        {
            case "POST /_sim/reset":
                // Back to the fixtures, with no scripts, faults, quotas, page shifts, latency or recorded requests.
                simulator.Reset();
                return null;
            case "GET /_sim/fixtures":
                return new Fixtures(
                    new KustomerFixtureIds(KustomerStore.ValidKey, KustomerStore.NoRoleKey, KustomerStore.NoSearchRoleKey, KustomerFixtures.FullId, KustomerFixtures.SparseId, KustomerFixtures.GeneratedPrefix,
                        KustomerCompanyFixtures.FullId, KustomerCompanyFixtures.SecondId, KustomerCompanyFixtures.DeletedId, KustomerCompanyFixtures.FullExternalId, KustomerCompanyFixtures.GeneratedPrefix),
                    new HelpScoutFixtureIds(
                        HelpScoutStore.AppId, HelpScoutStore.AppSecret, HelpScoutFixtures.FullId, HelpScoutFixtures.SparseId, HelpScoutFixtures.DashedId,
                        HelpScoutFixtures.NearMissId, HelpScoutFixtures.GeneratedBase, HelpScoutStore.MainMailbox, HelpScoutStore.OtherMailbox,
                        HelpScoutOrganizationStore.FixtureId, HelpScoutOrganizationStore.EmptyId, HelpScoutOrganizationStore.GeneratedBase));
            case "POST /_sim/script":
                // Body: a ScriptedAnswer, answering matching requests ahead of the service.
                simulator.Script(await request.ReadAsync<ScriptedAnswer>());
                return null;
            case "GET /_sim/requests":
                // Every API request received since the last reset or clear, in the order they arrived.
                return simulator.Requests;
            case "POST /_sim/requests/clear":
                simulator.ClearRequests();
                return null;
            case "GET /_sim/throttle-gaps":
                return ThrottleGap.Of(simulator.Requests)
                    .Select(g => new ThrottleGapReply(g.TooMany.RawTarget, g.Stated.TotalMilliseconds, g.Idle?.TotalMilliseconds, g.CameEarly)).ToArray();
            case "GET /_sim/in-flight":
                return new InFlightCounts(simulator.InFlight, simulator.MaxInFlight);
            case "POST /_sim/wait-until-quiet":
                await Task.Run(simulator.WaitUntilQuiet);
                return null;
            case "POST /_sim/latency":
                // ?ms=: added before every API answer.
                simulator.Latency = TimeSpan.FromMilliseconds(request.Int("ms"));
                return null;
            case "POST /_sim/faults":
                // Body: a FaultSchedule (kinds by name).
                simulator.Faults = await request.ReadAsync<FaultSchedule>();
                return null;
            default:
                return NotFound;
        }
    }

    /// <summary>A quota's counts so far, all 0 when there is none.</summary>
    public static QuotaCounts Counts(QuotaWindow? quota) => new(quota?.Limit ?? 0, quota?.Served ?? 0, quota?.Rejected ?? 0);
}
