using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.TestKit;
using Xunit;

namespace CustomerTools.ApiSimulator.Tests;

/// <summary>
/// A test of the simulator's own behaviour (no module): one simulator per test class, reset before
/// each test through its control client, and an HttpClient on its APIs.
/// </summary>
public abstract class SimulatorTest : IClassFixture<SimulatorFixture>, IDisposable
{
    protected SimulatorTest(SimulatorFixture fixture)
    {
        Sim = fixture.Client;
        Sim.Reset();
        Http = new HttpClient { BaseAddress = Sim.BaseUri };
    }

    internal SimulatorClient Sim { get; }

    internal HttpClient Http { get; }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>POST /v1/customers/search with <paramref name="body"/>; page and pageSize only when given.</summary>
    internal async Task<SimAnswer> Search(string body, int? page = null, int? pageSize = null, string key = KustomerStore.ValidKey)
    {
        var query = new List<string>();
        if (page is not null)
        {
            query.Add($"page={page}");
        }

        if (pageSize is not null)
        {
            query.Add($"pageSize={pageSize}");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/customers/search" + (query.Count > 0 ? "?" + string.Join("&", query) : string.Empty))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await Send(request);
    }

    /// <summary>Every page of a search in turn, following links.next, and the ids in the order served.</summary>
    internal async Task<string[]> SearchAll(string body, int pageSize)
    {
        var ids = new List<string>();
        for (int page = 1; ; page++)
        {
            var answer = await Search(body, page, pageSize);
            Assert.Equal(200, answer.Status);
            ids.AddRange(answer.Ids);
            if (answer.Json.GetProperty("links").GetProperty("next").ValueKind == JsonValueKind.Null)
            {
                return ids.ToArray();
            }
        }
    }

    internal async Task<SimAnswer> GetKustomer(string pathAndQuery, string key = KustomerStore.ValidKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await Send(request);
    }

    internal async Task<SimAnswer> GetHelpScout(string pathAndQuery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery.TrimStart('/'));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Sim.HelpScout.IssueToken());
        return await Send(request);
    }

    private async Task<SimAnswer> Send(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        JsonElement json = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return new SimAnswer((int)response.StatusCode, text, json, headers);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Http.Dispose();
        }
    }
}
