using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CustomerTools.ApiSimulator;

/// <summary>One request to the control API: its query parameters read as the levers take them, and its body.</summary>
internal sealed class ControlRequest
{
    private readonly HttpContext _context;

    public ControlRequest(HttpContext context)
    {
        _context = context;
    }

    public bool Has(string name) => _context.Request.Query.ContainsKey(name);

    public string Text(string name) => Has(name)
        ? _context.Request.Query[name].ToString()
        : throw new ArgumentException($"The query parameter '{name}' is missing.");

    public int Int(string name) => int.Parse(Text(name), CultureInfo.InvariantCulture);

    public int IntOr(string name, int fallback) => Has(name) ? Int(name) : fallback;

    public bool Flag(string name) => bool.Parse(Text(name));

    public DateTimeOffset Time(string name) => DateTimeOffset.Parse(Text(name), CultureInfo.InvariantCulture);

    /// <summary>?count=&amp;stepMs=[&amp;origin=ISO 8601][&amp;tieStart=&amp;tieCount=]: see <see cref="ChangeTimeline"/>.</summary>
    public ChangeTimeline Timeline() => new(
        Int("count"), TimeSpan.FromMilliseconds(Int("stepMs")), Has("origin") ? Time("origin") : null, IntOr("tieStart", 0), IntOr("tieCount", 0));

    /// <summary>?afterPages=[&amp;insert=][&amp;update=]: see <see cref="PageShift"/>.</summary>
    public PageShift Shift() => new(Int("afterPages"), IntOr("insert", 0), IntOr("update", 0));

    /// <summary>
    /// ?limit=&amp;windowMs=, optional &amp;reset=unix (Kustomer's x-ratelimit-reset as a Unix time) and
    /// &amp;spent=N (requests others already made in a window that opens now).
    /// </summary>
    public QuotaWindow Quota()
    {
        var quota = new QuotaWindow(Int("limit"), TimeSpan.FromMilliseconds(Int("windowMs")))
        {
            ResetAsUnixTime = Has("reset") && Text("reset") == "unix",
        };
        if (IntOr("spent", 0) > 0)
        {
            quota.Spend(Int("spent"), DateTimeOffset.UtcNow);
        }

        return quota;
    }

    public async Task<T> ReadAsync<T>() =>
        await JsonSerializer.DeserializeAsync<T>(_context.Request.Body, ControlJson.Options, _context.RequestAborted)
        ?? throw new ArgumentException("The request body is missing.");

    public async Task<string> ReadTextAsync()
    {
        using var reader = new StreamReader(_context.Request.Body);
        return await reader.ReadToEndAsync(_context.RequestAborted);
    }

    /// <summary>200 with <paramref name="value"/> as JSON, or 204 when it is null.</summary>
    public async Task AnswerAsync(object? value)
    {
        if (value is null)
        {
            _context.Response.StatusCode = 204;
            return;
        }

        _context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(_context.Response.Body, value, value.GetType(), ControlJson.Options, _context.RequestAborted);
    }

    public Task RefuseAsync(int status, string message) =>
        Answers.Json(_context, status, JsonSerializer.Serialize(new { message }, ControlJson.Options));
}
