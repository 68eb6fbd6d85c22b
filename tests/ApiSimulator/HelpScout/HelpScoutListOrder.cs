using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace CustomerTools.ApiSimulator.HelpScout;

/// <summary>
/// The v2 list's order (docs/api/helpscout.md §3): <c>sortField</c> score (also when absent: the store's own
/// order stands for relevance), firstName, lastName, modifiedAt (the customer's updatedAt) or
/// createdAt; <c>sortOrder</c> asc or desc (default desc). Missing values come last either way;
/// ties go by id ascending, so pages of one listing never overlap.
/// </summary>
internal sealed class HelpScoutListOrder
{
    private static readonly string[] Fields = { "score", "firstName", "lastName", "modifiedAt", "createdAt" };

    private readonly string _field;
    private readonly bool _descending;

    private HelpScoutListOrder(string field, bool descending)
    {
        _field = field;
        _descending = descending;
    }

    /// <summary>The order the query asks for, or the field error Help Scout would answer with 400.</summary>
    public static HelpScoutListOrder Parse(IReadOnlyDictionary<string, string> query, out (string Path, string Message, string Rejected)? error)
    {
        error = null;
        string field = query.GetValueOrDefault("sortField", "score");
        string order = query.GetValueOrDefault("sortOrder", "desc");
        if (Array.IndexOf(Fields, field) < 0)
        {
            error = ("sortField", "Invalid value: must be one of " + string.Join(", ", Fields), field);
        }
        else if (order is not ("asc" or "desc"))
        {
            error = ("sortOrder", "Invalid value: must be asc or desc", order);
        }

        return new HelpScoutListOrder(field, order == "desc");
    }

    public List<(JsonObject Json, long Mailbox)> Sort(IEnumerable<(JsonObject Json, long Mailbox)> customers)
    {
        var list = customers.ToList();
        if (_field == "score")
        {
            return list;
        }

        string member = _field == "modifiedAt" ? "updatedAt" : _field;
        bool dates = _field is "modifiedAt" or "createdAt";
        int direction = _descending ? -1 : 1;

        // Keys read once per customer, not once per comparison.
        var keyed = list.Select(c => (Customer: c, Id: c.Json["id"]!.GetValue<long>(), Text: (string?)c.Json[member])).ToList();
        var times = dates ? keyed.Select(k => k.Text is null ? 0 : Time(k.Text).UtcTicks).ToArray() : null;
        var positions = Enumerable.Range(0, keyed.Count).ToArray();
        Array.Sort(positions, (a, b) =>
        {
            var (x, y) = (keyed[a], keyed[b]);
            int byKey = x.Text is null || y.Text is null
                ? (x.Text is null).CompareTo(y.Text is null)
                : direction * (times is not null ? times[a].CompareTo(times[b]) : string.Compare(x.Text, y.Text, StringComparison.OrdinalIgnoreCase));
            return byKey != 0 ? byKey : x.Id.CompareTo(y.Id);
        });
        return positions.Select(p => keyed[p].Customer).ToList();
    }

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
