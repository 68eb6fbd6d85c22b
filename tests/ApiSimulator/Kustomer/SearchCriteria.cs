using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CustomerTools.ApiSimulator.Kustomer;

/// <summary>
/// One search criterion, <c>{"&lt;attribute&gt;": {"&lt;operator&gt;": value, …}}</c> (docs/api/kustomer.md §3a),
/// turned into a test on a <see cref="CustomerRecord"/>. Attributes are named after the query's
/// context (customer_updated_at, company_updated_at, docs/api/related.md §2); the same operators apply to both. Each attribute has a kind (date, number,
/// flag or text) that decides which operators apply and what value they take. A missing value
/// matches only <c>not_set</c>: ranges and equality never match it.
/// </summary>
internal static partial class SearchCriteria
{
    private const string CustomPrefix = "custom_";

    private static readonly string[] Operators = { "equals", "in", "contains", "gte", "gt", "lte", "lt", "not_set" };

    /// <summary>The test for <paramref name="attribute"/> with every operator in <paramref name="operators"/> (all must hold).</summary>
    public static Func<CustomerRecord, bool> Parse(string attribute, JsonElement operators, TimeZoneInfo zone, string context)
    {
        Func<string, JsonElement, Func<CustomerRecord, bool>> test = ForAttribute(attribute, Local(attribute, context), zone);
        if (operators.ValueKind != JsonValueKind.Object || !operators.EnumerateObject().Any())
        {
            throw new SearchRejected($"Search attribute '{attribute}' needs an object of operators, like {{\"equals\": …}}, not {operators.GetRawText()}");
        }

        var tests = operators.EnumerateObject().Select(op =>
            Array.IndexOf(Operators, op.Name) >= 0
                ? test(op.Name, op.Value)
                : throw new SearchRejected($"Unknown search operator '{op.Name}' on '{attribute}': use one of {string.Join(", ", Operators)}")).ToArray();
        return AllOf(tests);
    }

    /// <summary>Holds when every test does (none: always).</summary>
    public static Func<CustomerRecord, bool> AllOf(Func<CustomerRecord, bool>[] tests) => tests.Length == 1 ? tests[0] : r =>
    {
        foreach (var test in tests)
        {
            if (!test(r))
            {
                return false;
            }
        }

        return true;
    };

    /// <summary>Holds when some test does (none: never).</summary>
    public static Func<CustomerRecord, bool> AnyOf(Func<CustomerRecord, bool>[] tests) => tests.Length == 1 ? tests[0] : r =>
    {
        foreach (var test in tests)
        {
            if (test(r))
            {
                return true;
            }
        }

        return false;
    };

    /// <summary>
    /// A date value: ISO 8601 with an offset or Z is taken as given; a bare YYYY-MM-DD (or a date
    /// and time without offset) is read in the body's time zone.
    /// </summary>
    public static DateTimeOffset? ReadDate(JsonElement value, TimeZoneInfo zone)
    {
        string? text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        Match match = IsoDate().Match(text ?? string.Empty);
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups["offset"].Success)
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset exact) ? exact : null;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
        {
            return null;
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The attribute's name without its context ("customer_name" in a customer search: "name"); null when it names another context.</summary>
    public static string? Local(string attribute, string context) =>
        attribute.StartsWith(context + "_", StringComparison.Ordinal) ? attribute.Substring(context.Length + 1) : null;

    private static Func<string, JsonElement, Func<CustomerRecord, bool>> ForAttribute(string attribute, string? local, TimeZoneInfo zone)
    {
        switch (local)
        {
            case SearchSort.UpdatedAt:
                return (op, value) => Ordered(attribute, op, value, r => r.UpdatedAt, v => ReadDate(v, zone), "a date (ISO 8601 like 2025-01-31T00:00:00.000Z, or YYYY-MM-DD)", ranges: true);
            case SearchSort.CreatedAt:
                return (op, value) => Ordered(attribute, op, value, r => r.CreatedAt, v => ReadDate(v, zone), "a date (ISO 8601 like 2025-01-31T00:00:00.000Z, or YYYY-MM-DD)", ranges: true);
            case "email":
                // Addresses compare without case, as a mail system does.
                return (op, value) => Text(attribute, op, value, r => r.Emails, StringComparer.OrdinalIgnoreCase);
            case SearchSort.Name:
                return (op, value) => Text(attribute, op, value, r => One(r.Name), StringComparer.Ordinal);
        }

        string custom = local is not null && local.StartsWith(CustomPrefix, StringComparison.Ordinal) ? local.Substring(CustomPrefix.Length) : string.Empty;
        string? suffix = new[] { "Str", "Txt", "Url", "Num", "Bool", "At" }
            .FirstOrDefault(s => custom.Length > s.Length && custom.EndsWith(s, StringComparison.Ordinal));
        return suffix switch
        {
            "Num" => (op, value) => Ordered(attribute, op, value, r => r.Custom.GetValueOrDefault(custom) as double?, v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null, "a number", ranges: true),
            "At" => (op, value) => Ordered(attribute, op, value, r => r.Custom.GetValueOrDefault(custom) as DateTimeOffset?, v => ReadDate(v, zone), "a date (ISO 8601 or YYYY-MM-DD)", ranges: true),
            "Bool" => (op, value) => Ordered(attribute, op, value, r => r.Custom.GetValueOrDefault(custom) as bool?, v => v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null, "true or false", ranges: false),
            null => throw new SearchRejected($"Unknown search attribute '{attribute}'"),
            _ => (op, value) => Text(attribute, op, value, r => One(r.Custom.GetValueOrDefault(custom) as string), StringComparer.Ordinal),
        };
    }

    /// <summary>Dates, numbers and flags: equality, lists and (where <paramref name="ranges"/>) ranges.</summary>
    private static Func<CustomerRecord, bool> Ordered<T>(
        string attribute, string op, JsonElement value, Func<CustomerRecord, T?> get, Func<JsonElement, T?> read, string expected, bool ranges)
        where T : struct, IComparable<T>
    {
        T Value(JsonElement v) => read(v) ?? throw WrongValue(attribute, op, v, expected);
        switch (op)
        {
            case "equals":
                T equal = Value(value);
                return r => get(r) is T x && x.CompareTo(equal) == 0;
            case "in":
                T[] any = Many(attribute, value).Select(Value).ToArray();
                return r => get(r) is T x && any.Any(v => x.CompareTo(v) == 0);
            case "gte" when ranges:
                T from = Value(value);
                return r => get(r) is T x && x.CompareTo(from) >= 0;
            case "gt" when ranges:
                T after = Value(value);
                return r => get(r) is T x && x.CompareTo(after) > 0;
            case "lte" when ranges:
                T to = Value(value);
                return r => get(r) is T x && x.CompareTo(to) <= 0;
            case "lt" when ranges:
                T before = Value(value);
                return r => get(r) is T x && x.CompareTo(before) < 0;
            case "not_set":
                bool unset = NotSet(attribute, value);
                return r => (get(r) is null) == unset;
            default:
                throw NotApplicable(attribute, op);
        }
    }

    /// <summary>Text: equality, lists and whole-word <c>contains</c>; any of several values (emails) may match.</summary>
    private static Func<CustomerRecord, bool> Text(string attribute, string op, JsonElement value, Func<CustomerRecord, IReadOnlyList<string>> get, StringComparer comparer)
    {
        string Value(JsonElement v) => v.ValueKind == JsonValueKind.String ? v.GetString()! : throw WrongValue(attribute, op, v, "text");
        switch (op)
        {
            case "equals":
                string equal = Value(value);
                return r => get(r).Any(x => comparer.Equals(x, equal));
            case "in":
                string[] any = Many(attribute, value).Select(Value).ToArray();
                return r => get(r).Any(x => any.Contains(x, comparer));
            case "contains":
                string[] phrase = Words(Value(value));
                if (phrase.Length == 0)
                {
                    throw new SearchRejected($"'contains' on '{attribute}' needs at least one word, not {value.GetRawText()}");
                }

                return r => get(r).Any(x => HasPhrase(Words(x), phrase));
            case "not_set":
                bool unset = NotSet(attribute, value);
                return r => (get(r).Count == 0) == unset;
            default:
                throw NotApplicable(attribute, op);
        }
    }

    /// <summary>Whether <paramref name="phrase"/>'s words appear in <paramref name="words"/>, in a row, ignoring case.</summary>
    private static bool HasPhrase(string[] words, string[] phrase)
    {
        for (int start = 0; start + phrase.Length <= words.Length; start++)
        {
            int matched = 0;
            while (matched < phrase.Length && string.Equals(words[start + matched], phrase[matched], StringComparison.OrdinalIgnoreCase))
            {
                matched++;
            }

            if (matched == phrase.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words are runs of letters and digits: "ann.lee@x.example" has ann, lee, x, example.</summary>
    private static string[] Words(string text) => NonWord().Split(text).Where(w => w.Length > 0).ToArray();

    private static IReadOnlyList<string> One(string? value) => value is null ? Array.Empty<string>() : new[] { value };

    private static IEnumerable<JsonElement> Many(string attribute, JsonElement value) =>
        value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new SearchRejected($"'in' on '{attribute}' takes an array of values, not {value.GetRawText()}");

    private static bool NotSet(string attribute, JsonElement value) =>
        value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw new SearchRejected($"'not_set' on '{attribute}' takes true (or false for \"is set\"), not {value.GetRawText()}");

    private static SearchRejected WrongValue(string attribute, string op, JsonElement value, string expected) =>
        new($"'{op}' on '{attribute}' takes {expected}, not {value.GetRawText()}");

    private static SearchRejected NotApplicable(string attribute, string op) =>
        new($"Search operator '{op}' does not apply to '{attribute}'");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(?<offset>Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();
}
