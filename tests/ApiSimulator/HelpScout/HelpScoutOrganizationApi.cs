using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CustomerTools.ApiSimulator.HelpScout;

/// <summary>
/// Help Scout's organization routes (docs/api/related.md §1): get (with includeCounts), the list
/// (50 a page, sort=field[,asc|desc], default lastInteractionAt,desc) and an organization's customers.
/// </summary>
internal sealed class HelpScoutOrganizationApi
{
    public const string Path = "/v2/organizations";

    private static readonly string[] SortFields = { "name", "customerCount", "conversationCount", "lastInteractionAt" };

    private readonly HelpScoutStore _store;
    private readonly HelpScoutApi _customers;

    public HelpScoutOrganizationApi(HelpScoutStore store, HelpScoutApi customers)
    {
        _store = store;
        _customers = customers;
    }

    public static bool Handles(string rawPath) => rawPath == Path || rawPath.StartsWith(Path + "/", StringComparison.Ordinal);

    public Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        if (request.RawPath == Path)
        {
            return ListAsync(context, request);
        }

        string[] rest = request.RawPath.Substring(Path.Length + 1).Split('/');
        if (!long.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out long id) || _store.Organizations.Find(id) is not { } organization || rest.Length > 2)
        {
            return HelpScoutApi.NotFound(context);
        }

        if (rest.Length == 2)
        {
            return rest[1] == "customers"
                ? _customers.CustomersPage(context, request, _store.All().Select(c => c.Json).Where(c => (long?)c["organizationId"] == id), HelpScoutPages.Number(request))
                : HelpScoutApi.NotFound(context);
        }

        return Answers.Json(context, 200, Served(organization, Counts(request)).ToJsonString(), "application/hal+json");
    }

    private Task ListAsync(HttpContext context, RecordedRequest request)
    {
        string[] sort = request.Query.GetValueOrDefault("sort", "lastInteractionAt,desc").Split(',');
        if (Array.IndexOf(SortFields, sort[0]) < 0 || sort.Length > 2 || (sort.Length == 2 && sort[1] is not ("asc" or "desc")))
        {
            return Answers.VndError(context, 400, JsonSerializer.Serialize(new
            {
                message = "Bad request",
                _embedded = new { errors = new[] { new { path = "sort", message = "Invalid value: sort by " + string.Join(", ", SortFields) + ", then asc or desc", rejectedValue = request.Query["sort"] } } },
            }));
        }

        var customerCounts = CustomerCounts();
        var all = _store.Organizations.All();
        Func<HelpScoutOrganizationStore.Organization, IComparable> key = sort[0] switch
        {
            "name" => o => o.Name ?? string.Empty,
            "customerCount" => o => customerCounts.GetValueOrDefault(o.Id),
            "conversationCount" => o => o.ConversationCount,
            _ => o => o.LastInteractionAt,
        };
        bool descending = sort.Length == 1 || sort[1] == "desc";
        var ordered = (descending ? all.OrderByDescending(key) : all.OrderBy(key)).ThenBy(o => o.Id).ToArray();
        int page = HelpScoutPages.Number(request);
        bool counts = Counts(request);
        var items = ordered.Skip((page - 1) * HelpScoutPages.PageSize).Take(HelpScoutPages.PageSize).Select(o => Served(o, counts).ToJsonString()).ToArray();
        return Answers.Json(context, 200, HelpScoutPages.Body(context, request, "organizations", items, ordered.Length, page), "application/hal+json");
    }

    private static bool Counts(RecordedRequest request) => request.Query.GetValueOrDefault("includeCounts") == "true";

    private Dictionary<long, int> CustomerCounts() =>
        _store.All().Select(c => (long?)c.Json["organizationId"]).OfType<long>().GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The organization as served: its fields, and the counts only when asked for.</summary>
    private JsonObject Served(HelpScoutOrganizationStore.Organization organization, bool counts)
    {
        var json = (JsonObject)organization.Json.DeepClone();
        if (counts)
        {
            json["customerCount"] = CustomerCounts().GetValueOrDefault(organization.Id);
            json["conversationCount"] = organization.ConversationCount;
        }

        return json;
    }
}
