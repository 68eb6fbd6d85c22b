using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.Http;
using CustomerTools.Kustomer;

using CustomerTools.TestKit;
namespace CustomerTools.Benchmarks;

/// <summary>
/// One page of 100 customers, as the simulator serves GET /v1/customers, turned into output
/// objects: by the module's own code, and by what ConvertFrom-Json style code does (JsonDocument
/// to a tree of PSObjects). Nothing leaves memory: no socket, no simulator.
/// </summary>
[MemoryDiagnoser]
public class PageMappingBenchmarks
{
    public const int PageSize = 100;

    private byte[] _page = Array.Empty<byte>();
    private byte[] _pageWithoutCustom = Array.Empty<byte>();
    private KustomerClient _client = null!;
    private ApiHttpClient _http = null!;
    private Uri _pageUri = null!;

    /// <summary>Page 1 of an org of <paramref name="total"/> generated customers, in the simulator's exact wire format.</summary>
    public static byte[] PageJson(int total = 10 * PageSize)
    {
        var store = new KustomerStore();
        store.Clear();
        store.GeneratedCount = total;
        IReadOnlyList<string> items = store.Page(1, PageSize);
        int totalPages = (total + PageSize - 1) / PageSize;
        string Link(int p) => $"\"/v1/customers?page={p}&pageSize={PageSize}\"";
        string meta = $"{{\"pageSize\":{PageSize},\"page\":1,\"total\":{total},\"totalPages\":{totalPages}}}";
        string links = "{\"self\":" + Link(1) + ",\"first\":" + Link(1) + ",\"prev\":null,\"next\":" + Link(2) + ",\"last\":" + Link(totalPages) + "}";
        return Encoding.UTF8.GetBytes("{\"meta\":" + meta + ",\"data\":[" + string.Join(",", items) + "],\"links\":" + links + "}");
    }

    [GlobalSetup]
    public void Setup()
    {
        _page = PageJson();
        _pageWithoutCustom = Encoding.UTF8.GetBytes(Regex.Replace(Encoding.UTF8.GetString(_page), "\"custom\":\\{[^{}]*\\}", "\"custom\":null"));
        var baseUri = new Uri("http://127.0.0.1:9/");
        _http = new ApiHttpClient(baseUri, KustomerProfile.Profile("US"), new ConnectionOptions(TimeSpan.FromSeconds(30), 0), new InMemoryHandler(_page));
        _client = new KustomerClient(_http, new StaticBearerAuthenticator(PowerShellSession.Secure(KustomerStore.ValidKey)));
        _pageUri = _client.ListPage(1, PageSize);
        int mapped = Module_deserialize_and_map();
        int baseline = JsonDocument_to_PSObject();
        int viaClient = Module_client_reading_path();
        if (Module_same_page_without_custom_attributes() != PageSize || _pageWithoutCustom.Length >= _page.Length)
        {
            throw new InvalidOperationException("the page without custom attributes is not what it should be");
        }

        if (mapped != PageSize || baseline != PageSize || viaClient != PageSize)
        {
            throw new InvalidOperationException($"expected {PageSize} customers, got {mapped}, {baseline}, {viaClient}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    /// <summary>The baseline: every member of the JSON into PSObjects, as ConvertFrom-Json builds them.</summary>
    [Benchmark(Baseline = true)]
    public int JsonDocument_to_PSObject()
    {
        using var document = JsonDocument.Parse(_page);
        var page = (PSObject)ToPSObject(document.RootElement)!;
        return ((object?[])page.Properties["data"].Value!).Length;
    }

    /// <summary>KustomerClient's reading path without HTTP: KustomerJsonContext from a stream, then KustomerCustomerMapper.</summary>
    [Benchmark]
    public int Module_deserialize_and_map()
    {
        using var body = new MemoryStream(_page, writable: false);
        KustomerDocument document = JsonSerializer.DeserializeAsync(body, KustomerJsonContext.Default.KustomerDocument).AsTask().GetAwaiter().GetResult()!;
        KustomerCustomer[] customers = document.Data!.Select(KustomerCustomerMapper.ToCustomer).ToArray();
        return customers.Length;
    }

    /// <summary>The same through KustomerClient.GetPageAsync and the shared HTTP layer, over an in-memory handler.</summary>
    [Benchmark]
    public int Module_client_reading_path() =>
        _client.GetPageAsync(_pageUri, new RequestContext(NullLog.Instance, CancellationToken.None)).GetAwaiter().GetResult().Items.Count;

    /// <summary>
    /// For the breakdown: the module's reading path over the same page with each customer's
    /// "custom" object (three attributes, read into a PSObject) replaced by null.
    /// </summary>
    [Benchmark]
    public int Module_same_page_without_custom_attributes()
    {
        using var body = new MemoryStream(_pageWithoutCustom, writable: false);
        KustomerDocument document = JsonSerializer.DeserializeAsync(body, KustomerJsonContext.Default.KustomerDocument).AsTask().GetAwaiter().GetResult()!;
        return document.Data!.Select(KustomerCustomerMapper.ToCustomer).ToArray().Length;
    }

    // ConvertFrom-Json (PowerShell 7): objects become PSCustomObjects with note properties, arrays
    // object[], whole numbers long, other numbers double, ISO dates DateTime, the rest as is.
    private static object? ToPSObject(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var result = new PSObject();
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    result.Properties.Add(new PSNoteProperty(property.Name, ToPSObject(property.Value)));
                }

                return result;
            case JsonValueKind.Array:
                var items = new object?[element.GetArrayLength()];
                int i = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    items[i++] = ToPSObject(item);
                }

                return items;
            case JsonValueKind.String:
                return element.TryGetDateTime(out DateTime date) ? date : element.GetString();
            case JsonValueKind.Number:
                return element.TryGetInt64(out long whole) ? whole : element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    private sealed class InMemoryHandler : HttpMessageHandler
    {
        private readonly byte[] _body;

        public InMemoryHandler(byte[] body)
        {
            _body = body;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(_body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }

    private sealed class NullLog : IRequestLog
    {
        public static readonly NullLog Instance = new();

        public bool VerboseEnabled => false;

        public bool DebugEnabled => false;

        public void Verbose(string message)
        {
        }

        public void Debug(string message)
        {
        }
    }
}
