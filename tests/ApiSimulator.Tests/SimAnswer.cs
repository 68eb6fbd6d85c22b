using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace CustomerTools.ApiSimulator.Tests;

/// <summary>One answer of the simulator, read.</summary>
internal sealed record SimAnswer(int Status, string Text, JsonElement Json, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Kustomer: the ids in <c>data</c>, in order.</summary>
    public string[] Ids => Json.GetProperty("data").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray();

    /// <summary>Help Scout: the ids in <c>_embedded.customers</c>, in order (none when it is absent).</summary>
    public long[] HelpScoutIds => Json.TryGetProperty("_embedded", out JsonElement embedded)
        ? embedded.GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToArray()
        : Array.Empty<long>();

    /// <summary>Kustomer's error text: the first error's detail.</summary>
    public string Detail => Json.GetProperty("errors")[0].GetProperty("detail").GetString()!;

    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    /// <summary>Kustomer: <c>attributes.updatedAt</c> of each item, by id.</summary>
    public Dictionary<string, string?> UpdatedAtById() => Json.GetProperty("data").EnumerateArray()
        .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("attributes").GetProperty("updatedAt").GetString());
}
