using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace CustomerTools.ApiSimulator.HelpScout;

/// <summary>The control routes under /_sim/helpscout/: the simulated account's customers, tokens, levers and quota.</summary>
internal static class HelpScoutControlRoutes
{
    public static async Task<object?> AnswerAsync(Simulator simulator, ControlRequest request, string route)
    {
        HelpScoutStore store = simulator.HelpScout;
        switch (route)
        {
            case "POST /_sim/helpscout/generate":
                // ?count=: customers generated after the fixtures (ids HelpScoutFixtures.GeneratedId), all in the main mailbox.
                store.GeneratedCount = request.Int("count");
                return null;
            case "POST /_sim/helpscout/clear":
                // No customers at all (the lever stays).
                store.Clear();
                return null;
            case "POST /_sim/helpscout/customers":
                // Body: one customer as the API serves it; ?mailbox= the mailbox it belongs to (default the main one).
                store.Add(await request.ReadTextAsync(), request.Has("mailbox") ? long.Parse(request.Text("mailbox"), CultureInfo.InvariantCulture) : HelpScoutStore.MainMailbox);
                return null;
            case "POST /_sim/helpscout/generate-organizations":
                // ?count=: organizations generated after the fixtures (ids HelpScoutOrganizationStore.GeneratedId); generated customer n belongs to organization n mod count.
                store.Organizations.GeneratedCount = request.Int("count");
                return null;
            case "GET /_sim/helpscout/ids":
                // Every customer's id in store order (a listing's without sort); ?generated=true: the generated ones only.
                return new IdList<long>(request.Has("generated") && request.Flag("generated")
                    ? Enumerable.Range(0, store.GeneratedCount).Select(HelpScoutFixtures.GeneratedId).ToArray()
                    : store.Ids().ToArray());
            case "POST /_sim/helpscout/timeline":
                // Generated customers on a timeline, as for Kustomer; origin and step in whole seconds.
                store.UseTimeline(request.Timeline());
                return null;
            case "POST /_sim/helpscout/list-shift":
                // ?afterPages=&insert=: once that many v2 list pages were served, copies of the first customer go in front.
                store.ListShift = request.Shift();
                return null;
            case "GET /_sim/helpscout/shifts":
                return new HelpScoutShifts(store.ListPagesServed, store.ListShift?.Fired ?? false);
            case "POST /_sim/helpscout/quota":
                // The account's quota, in Help Scout's dialect (see ControlRequest.Quota).
                simulator.HelpScoutQuota = request.Quota();
                return null;
            case "GET /_sim/helpscout/quota":
                return ControlApi.Counts(simulator.HelpScoutQuota);
            case "POST /_sim/helpscout/expire-tokens":
                store.ExpireTokens();
                return null;
            case "POST /_sim/helpscout/revoke-tokens-at":
                // ?request=N: every token issued so far is revoked as API request N (from 1) arrives.
                store.RevokeTokensAtRequest = request.Int("request");
                return null;
            case "POST /_sim/helpscout/token-lifetime":
                // ?seconds=: the expires_in of tokens issued from now on.
                store.TokenLifetimeSeconds = request.Int("seconds");
                return null;
            case "POST /_sim/helpscout/list-items-embedded":
                // ?value=true: list items carry their _embedded entries.
                store.ListItemsEmbedded = request.Flag("value");
                return null;
            case "POST /_sim/helpscout/issue-token":
                // A valid token, as the token endpoint would issue it (counted as a token request), for tests that connect with -AccessToken.
                return new IssuedToken(store.IssueToken(System.DateTimeOffset.UtcNow));
            case "GET /_sim/helpscout/tokens":
                return new TokenCounts(store.TokenRequests, store.IssuedTokens.ToArray());
            default:
                return ControlApi.NotFound;
        }
    }
}
