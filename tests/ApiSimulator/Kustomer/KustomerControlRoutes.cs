using System.Linq;
using System.Threading.Tasks;

namespace CustomerTools.ApiSimulator.Kustomer;

/// <summary>The control routes under /_sim/kustomer/: the simulated org's customers, levers and quotas.</summary>
internal static class KustomerControlRoutes
{
    public static async Task<object?> AnswerAsync(Simulator simulator, ControlRequest request, string route)
    {
        KustomerStore store = simulator.Kustomer;
        switch (route)
        {
            case "POST /_sim/kustomer/generate":
                // ?count=: customers generated after the fixtures (ids KustomerFixtures.GeneratedId), with the template's timestamps.
                store.GeneratedCount = request.Int("count");
                return null;
            case "POST /_sim/kustomer/clear":
                // No customers at all (the levers stay).
                store.Clear();
                return null;
            case "POST /_sim/kustomer/customers":
                // Body: one customer resource as the API serves it (type, id, attributes), replacing one with its id.
                store.Add(await request.ReadTextAsync());
                return null;
            case "POST /_sim/kustomer/companies":
                // Body: one company resource as the API serves it (type, id, attributes), replacing one with its id.
                store.Companies.Add(await request.ReadTextAsync());
                return null;
            case "POST /_sim/kustomer/generate-companies":
                // ?count=: companies generated after the fixtures (ids KustomerCompanyFixtures.GeneratedId), one minute of change apart.
                store.Companies.Generate(request.Int("count"));
                return null;
            case "GET /_sim/kustomer/ids":
                // Every customer's id in list order; ?generated=true: the generated ones only, in index order.
                return new IdList<string>(request.Has("generated") && request.Flag("generated")
                    ? Enumerable.Range(0, store.GeneratedCount).Select(KustomerFixtures.GeneratedId).ToArray()
                    : store.Ids().ToArray());
            case "POST /_sim/kustomer/link-past-last-page":
                // ?value=true: the last page links a next page too, which comes back empty.
                store.LinkPastLastPage = request.Flag("value");
                return null;
            case "POST /_sim/kustomer/timeline":
                // Generated customers on a ChangeTimeline (see ControlRequest.Timeline).
                store.UseTimeline(request.Timeline());
                return null;
            case "GET /_sim/kustomer/changed-since":
                // ?since=ISO 8601: ids of the customers changed at or after it as the store holds them now, oldest change first, ties by id.
                return new IdList<string>(store.IdsChangedSince(request.Time("since")).ToArray());
            case "POST /_sim/kustomer/list-shift":
                // ?afterPages=&insert=: once that many list pages were served, copies of the first customer go in front (PageShift).
                store.ListShift = request.Shift();
                return null;
            case "POST /_sim/kustomer/search-shift":
                // ?afterPages=[&insert=][&update=]: once that many search pages were served, the next search shifts its results (PageShift).
                store.SearchShift = request.Shift();
                return null;
            case "GET /_sim/kustomer/shifts":
                return new KustomerShifts(store.ListPagesServed, store.SearchPagesServed, store.ListShift?.Fired ?? false, store.SearchShift?.Fired ?? false);
            case "POST /_sim/kustomer/quota":
                // The org's quota, in Kustomer's dialect (see ControlRequest.Quota).
                simulator.KustomerQuota = request.Quota();
                return null;
            case "GET /_sim/kustomer/quota":
                return ControlApi.Counts(simulator.KustomerQuota);
            case "POST /_sim/kustomer/search-quota":
                // [?limit=&windowMs=][&headers=on|off]: the search quota (kept when not given), and whether search answers carry its x-ratelimit-* headers (default on).
                if (request.Has("limit"))
                {
                    simulator.KustomerSearchQuota = new QuotaWindow(request.Int("limit"), System.TimeSpan.FromMilliseconds(request.Int("windowMs")));
                }

                simulator.KustomerSearchQuotaHeaders = !request.Has("headers") || request.Text("headers") != "off";
                return null;
            case "GET /_sim/kustomer/search-quota":
                return ControlApi.Counts(simulator.KustomerSearchQuota);
            default:
                return ControlApi.NotFound;
        }
    }
}
