using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CustomerTools.ApiSimulator.HelpScout;

/// <summary>Help Scout's token endpoint and customer routes (docs/api/helpscout.md §2-§6).</summary>
internal sealed partial class HelpScoutApi
{
    private readonly HelpScoutStore _store;
    private readonly Func<DateTimeOffset> _now;
    private readonly HelpScoutOrganizationApi _organizations;

    public HelpScoutApi(HelpScoutStore store, Func<DateTimeOffset> now)
    {
        _store = store;
        _now = now;
        _organizations = new HelpScoutOrganizationApi(store, this);
    }

    public static bool Handles(string rawPath) => rawPath.StartsWith("/v2/", StringComparison.Ordinal);

    public Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        if (request.RawPath == "/v2/oauth2/token")
        {
            return TokenAsync(context, request);
        }

        _store.CountApiRequest();
        string? auth = request.Header("Authorization");
        if (auth is null || !auth.StartsWith("Bearer ", StringComparison.Ordinal) || !_store.IsValid(auth.Substring(7), _now()))
        {
            // Help Scout's 401 bodies are unconfirmed (docs/api/helpscout.md §6): send none.
            context.Response.StatusCode = 401;
            return Task.CompletedTask;
        }

        if (request.Method != "GET")
        {
            return Answers.VndError(context, 405, """{"message":"Method not allowed"}""");
        }

        if (request.RawPath == "/v2/customers")
        {
            return ListAsync(context, request);
        }

        if (HelpScoutOrganizationApi.Handles(request.RawPath))
        {
            return _organizations.HandleAsync(context, request);
        }

        string rest = request.RawPath.StartsWith("/v2/customers/", StringComparison.Ordinal) ? request.RawPath.Substring(14) : string.Empty;
        if (long.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out long id) && _store.Find(id) is { } customer)
        {
            return Answers.Json(context, 200, customer.ToJsonString(), "application/hal+json");
        }

        return NotFound(context);
    }

    public static Task NotFound(HttpContext context) =>
        Answers.VndError(context, 404, """{"logRef":"0c1f2a3b-4d5e-6f70-8192-a3b4c5d6e7f8#1","message":"Resource not found"}""");

    private async Task TokenAsync(HttpContext context, RecordedRequest request)
    {
        if (request.Method != "POST" || context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) != true)
        {
            _store.CountRefusedTokenRequest();
            await Answers.Json(context, 400, """{"error":"invalid_request","error_description":"Send the grant as a form"}""");
            return;
        }

        var form = QueryHelpers(request.Body);
        if (form.GetValueOrDefault("grant_type") != "client_credentials")
        {
            _store.CountRefusedTokenRequest();
            await Answers.Json(context, 400, """{"error":"unsupported_grant_type","error_description":"Unsupported grant type"}""");
            return;
        }

        if (form.GetValueOrDefault("client_id") != HelpScoutStore.AppId || form.GetValueOrDefault("client_secret") != HelpScoutStore.AppSecret)
        {
            _store.CountRefusedTokenRequest();
            await Answers.Json(context, 401, """{"error":"invalid_client","error_description":"Client authentication failed: unknown app id or wrong secret"}""");
            return;
        }

        string token = _store.IssueToken(_now());
        await Answers.Json(context, 200, $$"""{"token_type":"bearer","access_token":"{{token}}","expires_in":{{_store.TokenLifetimeSeconds}}}""");
    }

    private Task ListAsync(HttpContext context, RecordedRequest request)
    {
        var q = request.Query;
        var filters = new List<Func<JsonObject, long, bool>>();
        if (q.TryGetValue("modifiedSince", out string? since))
        {
            if (!ExactUtc().IsMatch(since) || !DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset sinceTime))
            {
                string rejected = JsonSerializer.Serialize(since);
                return Answers.VndError(context, 400,
                    """{"logRef":"64bb72b4-0a92-11e8-ba89-0ed5f89f718b#7","message":"Bad request","_embedded":{"errors":[{"path":"modifiedSince","message":"Malformed date","rejectedValue":"""
                    + rejected
                    + ""","_links":{"about":{"href":"https://developer.helpscout.com/mailbox-api/overview/errors#MalformedDate"}}}]},"_links":{"about":{"href":"https://developer.helpscout.com/mailbox-api/overview/errors"}}}""");
            }

            filters.Add((c, _) => c["updatedAt"] is { } u && DateTimeOffset.Parse(u.GetValue<string>(), CultureInfo.InvariantCulture) >= sinceTime);
        }

        if (q.TryGetValue("mailbox", out string? mailboxText) && long.TryParse(mailboxText, CultureInfo.InvariantCulture, out long mailbox))
        {
            filters.Add((_, m) => m == mailbox);
        }

        if (q.TryGetValue("firstName", out string? firstName))
        {
            filters.Add((c, _) => string.Equals((string?)c["firstName"], firstName, StringComparison.OrdinalIgnoreCase));
        }

        if (q.TryGetValue("lastName", out string? lastName))
        {
            filters.Add((c, _) => string.Equals((string?)c["lastName"], lastName, StringComparison.OrdinalIgnoreCase));
        }

        if (q.TryGetValue("query", out string? query))
        {
            var terms = QueryTerm().Matches(query).Select(m => (Field: m.Groups[1].Value, Text: m.Groups[2].Value)).ToArray();
            if (terms.Length == 0)
            {
                return Answers.VndError(context, 400, """{"logRef":"0c1f#2","message":"Bad request","_embedded":{"errors":[{"path":"query","message":"Invalid query syntax","rejectedValue":null}]}}""");
            }

            // Help Scout matches emails that contain the text (docs/api/helpscout.md §3), names likewise.
            filters.AddRange(terms.Select(term => (Func<JsonObject, long, bool>)((c, _) => Contains(c, term.Field, term.Text))));
        }

        var order = HelpScoutListOrder.Parse(q, out var sortError);
        if (sortError is var (path, message, rejectedValue))
        {
            return Answers.VndError(context, 400, JsonSerializer.Serialize(new
            {
                logRef = "0c1f2a3b-4d5e-6f70-8192-a3b4c5d6e7f8#9",
                message = "Bad request",
                _embedded = new { errors = new[] { new { path, message, rejectedValue } } },
            }));
        }

        int page = HelpScoutPages.Number(request);
        List<(JsonObject Json, long Mailbox)> Matches() => order.Sort(_store.All().Where(c => filters.All(f => f(c.Json, c.Mailbox))));
        var ordered = Matches();
        if (_store.ServeListPage() is { } shift && ordered.Count > 0)
        {
            _store.InsertCopies(ordered[0].Json, ordered[0].Mailbox, shift.Insert);
            ordered = Matches();
        }

        return CustomersPage(context, request, ordered.Select(c => c.Json), page);
    }

    /// <summary>A page of customers, as the customer list and an organization's customers serve them.</summary>
    internal Task CustomersPage(HttpContext context, RecordedRequest request, IEnumerable<JsonObject> matches, int page)
    {
        int total = 0;
        var items = new List<string>(HelpScoutPages.PageSize);
        foreach (JsonObject customer in matches)
        {
            if (total >= (page - 1) * HelpScoutPages.PageSize && total < page * HelpScoutPages.PageSize)
            {
                items.Add(ListItem(customer).ToJsonString());
            }

            total++;
        }

        return Answers.Json(context, 200, HelpScoutPages.Body(context, request, "customers", items, total, page), "application/hal+json");
    }

    private JsonObject ListItem(JsonObject customer)
    {
        if (!_store.ListItemsEmbedded)
        {
            customer.Remove("_embedded");
            customer.Remove("_links");
        }
        else if (customer["_embedded"] is null)
        {
            // A full list item always carries its entry lists, empty ones included (docs/api/related.md §1).
            customer["_embedded"] = new JsonObject
            {
                ["emails"] = new JsonArray(), ["phones"] = new JsonArray(), ["chats"] = new JsonArray(),
                ["social_profiles"] = new JsonArray(), ["websites"] = new JsonArray(), ["properties"] = new JsonArray(),
            };
        }

        return customer;
    }

    private static bool Contains(JsonObject customer, string field, string text) => field switch
    {
        "email" => customer["_embedded"]?["emails"] is JsonArray emails
            && emails.Any(e => ((string?)e?["value"])?.Contains(text, StringComparison.OrdinalIgnoreCase) == true),
        _ => ((string?)customer[field])?.Contains(text, StringComparison.OrdinalIgnoreCase) == true,
    };

    private static Dictionary<string, string> QueryHelpers(string form) =>
        form.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => Uri.UnescapeDataString(kv[0].Replace('+', ' ')), kv => kv.Length > 1 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : string.Empty);

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")]
    private static partial Regex ExactUtc();

    [GeneratedRegex(@"(\w+):""([^""]*)""")]
    private static partial Regex QueryTerm();
}
