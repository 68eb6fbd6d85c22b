using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using CustomerTools.Json;

namespace CustomerTools.Kustomer;

/// <summary>
/// What a Kustomer search asks for (docs/api/kustomer.md §3a, docs/api/related.md §5): -UpdatedSince,
/// -CreatedSince and the criteria of -Query, combined with AND, always sorted by the context's
/// update time (customer_updated_at, company_updated_at) so that a search can go on past the
/// service's 100-page limit from the last update time it reached; -IncludeDeleted adds deleted
/// records. -Query is checked here, before any request: it must be a hashtable (or object) or the
/// JSON text of an object.
/// </summary>
internal sealed class KustomerSearchQuery
{
    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 64 };

    // Each criterion's JSON, ANDed after the update-time bound.
    private readonly List<string> _criteria;
    private readonly string? _timeZone;
    private readonly bool _includeDeleted;

    private KustomerSearchQuery(KustomerSearchContext context, DateTimeOffset? updatedSince, List<string> criteria, string? timeZone, bool includeDeleted, string description)
    {
        Context = context;
        UpdatedSince = updatedSince;
        _criteria = criteria;
        _timeZone = timeZone;
        _includeDeleted = includeDeleted;
        Description = description;
    }

    public KustomerSearchContext Context { get; }

    public DateTimeOffset? UpdatedSince { get; }

    /// <summary>"customers updated since …, matching -Query", for -Verbose.</summary>
    public string Description { get; }

    /// <summary>A search of customers (unless <paramref name="context"/> says otherwise).</summary>
    /// <exception cref="CustomerToolsException">InvalidQuery: -Query is not criteria the module can send.</exception>
    public static KustomerSearchQuery Create(DateTimeOffset? updatedSince, DateTimeOffset? createdSince, bool hasQuery, object? query, bool includeDeleted = false, KustomerSearchContext? context = null)
    {
        context ??= KustomerSearchContext.Customers;
        var criteria = new List<string>();
        var said = new List<string>();
        if (updatedSince is { } updated)
        {
            said.Add("updated since " + PowerShellValueWriter.Utc(updated));
        }

        if (createdSince is { } created)
        {
            criteria.Add(Criterion(context.CreatedAtAttribute, "gte", PowerShellValueWriter.Utc(created)));
            said.Add("created since " + PowerShellValueWriter.Utc(created));
        }

        string? timeZone = null;
        if (hasQuery)
        {
            using JsonDocument document = Parse(query, context);
            timeZone = AddCriteria(document.RootElement, criteria, query, context);
            said.Add("matching -Query");
        }

        string description = context.Plural + " " + (said.Count > 0 ? string.Join(", ", said) : "of the org") + (includeDeleted ? ", deleted ones too" : string.Empty);
        return new KustomerSearchQuery(context, updatedSince, criteria, timeZone, includeDeleted, description);
    }

    /// <summary>
    /// The request body: these criteria and, when <paramref name="updatedFrom"/> is given, only
    /// customers updated at or after it (<paramref name="inclusive"/>) or strictly after it.
    /// </summary>
    public byte[] Body(DateTimeOffset? updatedFrom, bool inclusive)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            IEnumerable<string> all = updatedFrom is { } from
                ? _criteria.Prepend(Criterion(Context.UpdatedAtAttribute, inclusive ? "gte" : "gt", PowerShellValueWriter.Utc(from)))
                : _criteria;
            if (all.Any())
            {
                writer.WriteStartArray("and");
                foreach (string criterion in all)
                {
                    writer.WriteRawValue(criterion, skipInputValidation: true);
                }

                writer.WriteEndArray();
            }

            writer.WriteStartArray("sort");
            writer.WriteStartObject();
            writer.WriteString(Context.UpdatedAtAttribute, "asc");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteString("queryContext", Context.Name);
            if (_includeDeleted)
            {
                writer.WriteBoolean("includeDeleted", true);
            }

            if (_timeZone is not null)
            {
                writer.WriteString("timeZone", _timeZone);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Criterion(string attribute, string op, string value) =>
        $"{{\"{attribute}\":{{\"{op}\":{JsonSerializer.Serialize(value)}}}}}";

    private static JsonDocument Parse(object? query, KustomerSearchContext context)
    {
        object? value = query is PSObject { BaseObject: not PSCustomObject } wrapped ? wrapped.BaseObject : query;
        byte[] json;
        switch (value)
        {
            case string text:
                json = Encoding.UTF8.GetBytes(text);
                break;
            case IDictionary or PSObject:
                try
                {
                    json = PowerShellValueWriter.ToJson(value);
                }
                catch (FormatException e)
                {
                    throw Invalid(query, context, $"can't be sent: {e.Message}");
                }

                break;
            default:
                throw Invalid(query, context, value is null ? "is empty" : $"is a {value.GetType().Name}, neither a hashtable nor JSON text");
        }

        try
        {
            JsonDocument document = JsonDocument.Parse(json, Strict);
            JsonValueKind kind = document.RootElement.ValueKind;
            if (kind != JsonValueKind.Object)
            {
                document.Dispose();
                throw Invalid(query, context, $"is JSON text of {Article(kind)}, not of an object");
            }

            return document;
        }
        catch (JsonException e)
        {
            throw Invalid(query, context, $"is neither a hashtable nor JSON text ({e.Message})");
        }
    }

    /// <summary>Adds the criteria of the query's top level; returns its timeZone, if any.</summary>
    private static string? AddCriteria(JsonElement root, List<string> criteria, object? query, KustomerSearchContext context)
    {
        string? timeZone = null;
        foreach (JsonProperty member in root.EnumerateObject())
        {
            JsonElement value = member.Value;
            switch (member.Name)
            {
                case "and" when value.ValueKind == JsonValueKind.Array:
                    criteria.AddRange(value.EnumerateArray().Select(c => c.GetRawText()));
                    break;
                case "and" or "or":
                    if (value.ValueKind != JsonValueKind.Array)
                    {
                        throw Invalid(query, context, $"has '{member.Name}' that is not an array of criteria");
                    }

                    criteria.Add("{" + JsonSerializer.Serialize(member.Name) + ":" + value.GetRawText() + "}");
                    break;
                case "not":
                    criteria.Add("{\"not\":" + value.GetRawText() + "}");
                    break;
                case "sort":
                    throw Invalid(query, context, $"has 'sort': searches are always sorted by {context.UpdatedAtAttribute}, oldest change first, so that they can go on past Kustomer's 100 pages; sort the output with Sort-Object instead");
                case "queryContext":
                    if (value.ValueKind != JsonValueKind.String || value.GetString() != context.Name)
                    {
                        throw Invalid(query, context, $"has a queryContext other than '{context.Name}': {context.Command} searches {context.Plural}");
                    }

                    break;
                case "timeZone" when value.ValueKind == JsonValueKind.String:
                    timeZone = value.GetString();
                    break;
                default:
                    if (value.ValueKind != JsonValueKind.Object)
                    {
                        throw Invalid(query, context, $"gives '{member.Name}' a plain value: a criterion names an operator, as in @{{ {member.Name} = @{{ equals = … }} }}");
                    }

                    criteria.Add("{" + JsonSerializer.Serialize(member.Name) + ":" + value.GetRawText() + "}");
                    break;
            }
        }

        return timeZone;
    }

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static CustomerToolsException Invalid(object? query, KustomerSearchContext context, string problem) =>
        new(ErrorIds.InvalidQuery, ErrorCategory.InvalidArgument, query is PSObject { BaseObject: not PSCustomObject } wrapped ? wrapped.BaseObject : query,
            $"-Query {problem}. Give Kustomer search criteria as a hashtable, e.g. @{{ {context.Name}_custom_tierStr = @{{ equals = 'gold' }} }}, or as JSON text of an object; see Get-Help {context.Command} -Parameter Query.");
}
