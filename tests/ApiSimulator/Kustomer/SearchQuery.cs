using System;
using System.Linq;
using System.Text.Json;

namespace CustomerTools.ApiSimulator.Kustomer;

/// <summary>
/// A search body (docs/api/kustomer.md §3a, docs/api/related.md §2, §5): <c>{"and":[…],"or":[…],"not":{…}|[…],"sort":[{attr:"asc"|"desc"}],
/// "queryContext":"customer"|"company","timeZone":"…","includeDeleted":true}</c>. Deleted records
/// match only with includeDeleted (docs/api/related.md §6). The top-level groups all hold (an empty body
/// matches everyone); <c>and</c>/<c>or</c> hold criteria or nested groups to any depth; <c>not</c>
/// negates one criterion or group, or (an array) holds when none of its items does. Anything
/// outside the supported subset is refused with Kustomer's 400 and a text saying what.
/// </summary>
internal sealed class SearchQuery
{
    public const string CustomerContext = "customer";
    public const string CompanyContext = "company";

    private static readonly string[] TopLevelKeys = { "and", "or", "not", "sort", "queryContext", "timeZone", "includeDeleted" };

    private SearchQuery(string context, Func<CustomerRecord, bool> matches, SearchSort? sort, DateTimeOffset? updatedFrom, bool updatedFromExclusive)
    {
        Context = context;
        Matches = matches;
        Sort = sort;
        UpdatedFrom = updatedFrom;
        UpdatedFromExclusive = updatedFromExclusive;
    }

    /// <summary>"customer" or "company": what the search looks through.</summary>
    public string Context { get; }

    public Func<CustomerRecord, bool> Matches { get; }

    /// <summary>The order asked for; null for the store's own order.</summary>
    public SearchSort? Sort { get; }

    /// <summary>
    /// A lower bound on <c>customer_updated_at</c> that the top-level <c>and</c> imposes (its
    /// tightest <c>gte</c>/<c>gt</c>), so a search in change order can start there in the index.
    /// </summary>
    public DateTimeOffset? UpdatedFrom { get; }

    /// <summary>True when the bound is <c>gt</c> (the bound itself does not match).</summary>
    public bool UpdatedFromExclusive { get; }

    public static SearchQuery Parse(string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new SearchRejected("The search body is not valid JSON: " + e.Message);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new SearchRejected($"The search body must be a JSON object, not {root.ValueKind}");
            }

            foreach (JsonProperty unknown in root.EnumerateObject().Where(p => Array.IndexOf(TopLevelKeys, p.Name) < 0))
            {
                throw new SearchRejected($"Unknown key '{unknown.Name}' in the search body: put criteria in \"and\", \"or\" or \"not\"");
            }

            string name = CustomerContext;
            if (root.TryGetProperty("queryContext", out JsonElement context))
            {
                name = context.ValueKind == JsonValueKind.String && context.GetString() is CustomerContext or CompanyContext
                    ? context.GetString()!
                    : throw new SearchRejected($"Unsupported queryContext {context.GetRawText()}: this search takes \"customer\" or \"company\"");
            }

            bool includeDeleted = root.TryGetProperty("includeDeleted", out JsonElement deleted) && (deleted.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? deleted.GetBoolean()
                : throw new SearchRejected($"includeDeleted must be true or false, not {deleted.GetRawText()}"));
            var parser = new Parser(Zone(root), name);
            var tests = new[] { "and", "or", "not" }
                .Where(key => root.TryGetProperty(key, out _))
                .Select(key => parser.Group(key, root.GetProperty(key)))
                .Append<Func<CustomerRecord, bool>>(r => includeDeleted || !r.Deleted)
                .ToArray();
            (DateTimeOffset? from, bool exclusive) = root.TryGetProperty("and", out JsonElement and) ? parser.UpdatedFrom(and) : (null, false);
            return new SearchQuery(name, SearchCriteria.AllOf(tests), ReadSort(root, name), from, exclusive);
        }
    }

    private static TimeZoneInfo Zone(JsonElement root)
    {
        if (!root.TryGetProperty("timeZone", out JsonElement zone))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zone.ValueKind == JsonValueKind.String ? zone.GetString()! : string.Empty);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw new SearchRejected($"Unknown timeZone {zone.GetRawText()}: use an IANA name such as \"America/New_York\"");
        }
    }

    private static SearchSort? ReadSort(JsonElement root, string context)
    {
        if (!root.TryGetProperty("sort", out JsonElement sort))
        {
            return null;
        }

        if (sort.ValueKind != JsonValueKind.Array)
        {
            throw new SearchRejected($"sort must be an array like [{{\"customer_updated_at\":\"asc\"}}], not {sort.GetRawText()}");
        }

        JsonProperty[] keys = sort.EnumerateArray().SelectMany(item => item.ValueKind == JsonValueKind.Object
            ? item.EnumerateObject()
            : throw new SearchRejected($"A sort item must be an object like {{\"customer_updated_at\":\"asc\"}}, not {item.GetRawText()}")).ToArray();
        if (keys.Length > 1)
        {
            throw new SearchRejected($"Sort on one attribute at most; got {keys.Length}: {sort.GetRawText()}");
        }

        if (keys.Length == 0)
        {
            return null;
        }

        JsonProperty key = keys[0];
        string? local = SearchCriteria.Local(key.Name, context);
        if (local is null || !SearchSort.IsSortable(local))
        {
            throw new SearchRejected($"Cannot sort by '{key.Name}': sort by {context}_{SearchSort.UpdatedAt}, {context}_{SearchSort.CreatedAt} or {context}_{SearchSort.Name}");
        }

        string? direction = key.Value.ValueKind == JsonValueKind.String ? key.Value.GetString() : null;
        return direction is "asc" or "desc"
            ? new SearchSort(local, direction == "desc")
            : throw new SearchRejected($"Sort direction must be \"asc\" or \"desc\", not {key.Value.GetRawText()}");
    }

    /// <summary>Reads criteria and groups with the body's time zone (bare dates are read in it).</summary>
    private sealed class Parser
    {
        private readonly TimeZoneInfo _zone;
        private readonly string _context;

        public Parser(TimeZoneInfo zone, string context)
        {
            _zone = zone;
            _context = context;
        }

        public Func<CustomerRecord, bool> Group(string key, JsonElement value)
        {
            if (key == "not")
            {
                // An array under "not": none of its items may hold.
                var negated = value.ValueKind == JsonValueKind.Array ? SearchCriteria.AnyOf(Items(value)) : Item(value);
                return r => !negated(r);
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                throw new SearchRejected($"\"{key}\" must be an array of criteria, not {value.GetRawText()}");
            }

            // An empty "or" restricts nothing, like an empty "and".
            var items = Items(value);
            return key == "and" || items.Length == 0 ? SearchCriteria.AllOf(items) : SearchCriteria.AnyOf(items);
        }

        /// <summary>The tightest <c>&lt;context&gt;_updated_at</c> gte/gt among the direct items of a top-level <c>and</c>.</summary>
        public (DateTimeOffset? From, bool Exclusive) UpdatedFrom(JsonElement and)
        {
            (DateTimeOffset? From, bool Exclusive) bound = (null, false);
            string updatedAt = _context + "_" + SearchSort.UpdatedAt;
            var bounds = and.EnumerateArray()
                .Where(item => item.ValueKind == JsonValueKind.Object && item.TryGetProperty(updatedAt, out JsonElement ops) && ops.ValueKind == JsonValueKind.Object)
                .SelectMany(item => item.GetProperty(updatedAt).EnumerateObject())
                .Where(op => op.Name is "gte" or "gt")
                .Select(op => (At: SearchCriteria.ReadDate(op.Value, _zone)!.Value, Exclusive: op.Name == "gt"));
            foreach (var (at, exclusive) in bounds)
            {
                if (bound.From is null || at > bound.From || (at == bound.From && exclusive))
                {
                    bound = (at, exclusive);
                }
            }

            return bound;
        }

        /// <summary>One item of a group: one or more attribute criteria or nested groups, all of which must hold.</summary>
        private Func<CustomerRecord, bool> Item(JsonElement item)
        {
            if (item.ValueKind != JsonValueKind.Object || !item.EnumerateObject().Any())
            {
                throw new SearchRejected($"A search criterion must be an object like {{\"customer_name\":{{\"equals\":\"Ann\"}}}}, not {item.GetRawText()}");
            }

            var tests = item.EnumerateObject()
                .Select(p => p.Name is "and" or "or" or "not" ? Group(p.Name, p.Value) : SearchCriteria.Parse(p.Name, p.Value, _zone, _context))
                .ToArray();
            return SearchCriteria.AllOf(tests);
        }

        private Func<CustomerRecord, bool>[] Items(JsonElement items) => items.EnumerateArray().Select(Item).ToArray();
    }
}
