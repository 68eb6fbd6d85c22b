using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.TestKit;
using Xunit;

namespace CustomerTools.ApiSimulator.Tests;

/// <summary>What the simulator's Kustomer search refuses, and how: 400 in Kustomer's shape with a text that says what, 403 naming the role.</summary>
public sealed class SimulatorSearchRefusalTests : SimulatorTest
{
    private const string Everyone = """{"and":[],"queryContext":"customer"}""";

    public SimulatorSearchRefusalTests(SimulatorFixture fixture)
        : base(fixture)
    {
    }

    [Theory]
    [InlineData("""{"and":[{"customer_shoe_size":{"equals":1}}]}""", "Unknown search attribute 'customer_shoe_size'")]
    [InlineData("""{"and":[{"customer_custom_shoe":{"equals":1}}]}""", "Unknown search attribute 'customer_custom_shoe'")]
    [InlineData("""{"or":[{"and":[{"customer_last_message_at":{"gte":"2025-01-01"}}]}]}""", "Unknown search attribute 'customer_last_message_at'")]
    [InlineData("""{"and":[{"customer_name":{"between":["a","b"]}}]}""", "Unknown search operator 'between' on 'customer_name': use one of equals, in, contains, gte, gt, lte, lt, not_set")]
    [InlineData("""{"and":[{"customer_updated_at":{"contains":"2025"}}]}""", "Search operator 'contains' does not apply to 'customer_updated_at'")]
    [InlineData("""{"and":[{"customer_name":{"gte":"A"}}]}""", "Search operator 'gte' does not apply to 'customer_name'")]
    [InlineData("""{"and":[{"customer_custom_vipBool":{"lt":true}}]}""", "Search operator 'lt' does not apply to 'customer_custom_vipBool'")]
    [InlineData("""{"and":[{"customer_custom_seatsNum":{"gte":"ten"}}]}""", "'gte' on 'customer_custom_seatsNum' takes a number, not \"ten\"")]
    [InlineData("""{"and":[{"customer_updated_at":{"gte":1735689600}}]}""", "'gte' on 'customer_updated_at' takes a date (ISO 8601 like 2025-01-31T00:00:00.000Z, or YYYY-MM-DD), not 1735689600")]
    [InlineData("""{"and":[{"customer_updated_at":{"gte":"last week"}}]}""", "'gte' on 'customer_updated_at' takes a date (ISO 8601 like 2025-01-31T00:00:00.000Z, or YYYY-MM-DD), not \"last week\"")]
    [InlineData("""{"and":[{"customer_custom_vipBool":{"equals":"yes"}}]}""", "'equals' on 'customer_custom_vipBool' takes true or false, not \"yes\"")]
    [InlineData("""{"and":[{"customer_email":{"equals":42}}]}""", "'equals' on 'customer_email' takes text, not 42")]
    [InlineData("""{"and":[{"customer_email":{"in":"a@b.example"}}]}""", "'in' on 'customer_email' takes an array of values, not \"a@b.example\"")]
    [InlineData("""{"and":[{"customer_name":{"not_set":"yes"}}]}""", "'not_set' on 'customer_name' takes true (or false for \"is set\"), not \"yes\"")]
    [InlineData("""{"and":[{"customer_name":{"contains":" - "}}]}""", "'contains' on 'customer_name' needs at least one word, not \" - \"")]
    [InlineData("""{"and":[{"customer_name":{}}]}""", "Search attribute 'customer_name' needs an object of operators, like {\"equals\": …}, not {}")]
    [InlineData("""{"and":[{"customer_name":"Ann"}]}""", "Search attribute 'customer_name' needs an object of operators, like {\"equals\": …}, not \"Ann\"")]
    [InlineData("""{"and":{"customer_name":{"equals":"Ann"}}}""", "\"and\" must be an array of criteria, not {\"customer_name\":{\"equals\":\"Ann\"}}")]
    [InlineData("""{"and":[5]}""", "A search criterion must be an object like {\"customer_name\":{\"equals\":\"Ann\"}}, not 5")]
    [InlineData("""{"customer_name":{"equals":"Ann"}}""", "Unknown key 'customer_name' in the search body: put criteria in \"and\", \"or\" or \"not\"")]
    [InlineData("""[]""", "The search body must be a JSON object, not Array")]
    [InlineData("""{"queryContext":"conversation"}""", "Unsupported queryContext \"conversation\": this search takes \"customer\" or \"company\"")]
    [InlineData("""{"sort":[{"customer_updated_at":"asc"},{"customer_name":"asc"}]}""", "Sort on one attribute at most; got 2: [{\"customer_updated_at\":\"asc\"},{\"customer_name\":\"asc\"}]")]
    [InlineData("""{"sort":[{"customer_updated_at":"asc","customer_name":"desc"}]}""", "Sort on one attribute at most; got 2: [{\"customer_updated_at\":\"asc\",\"customer_name\":\"desc\"}]")]
    [InlineData("""{"sort":[{"customer_email":"asc"}]}""", "Cannot sort by 'customer_email': sort by customer_updated_at, customer_created_at or customer_name")]
    [InlineData("""{"sort":[{"customer_name":"up"}]}""", "Sort direction must be \"asc\" or \"desc\", not \"up\"")]
    [InlineData("""{"sort":{"customer_name":"asc"}}""", "sort must be an array like [{\"customer_updated_at\":\"asc\"}], not {\"customer_name\":\"asc\"}")]
    [InlineData("""{"timeZone":"Mars/Olympus_Mons"}""", "Unknown timeZone \"Mars/Olympus_Mons\": use an IANA name such as \"America/New_York\"")]
    public async Task A_body_outside_the_subset_is_a_400_that_says_what(string body, string detail)
    {
        var answer = await Search(body);

        AssertBadRequest(answer, detail);
    }

    [Fact]
    public async Task Malformed_JSON_is_a_400_that_says_so()
    {
        var answer = await Search("""{"and":[""");

        Assert.Equal(400, answer.Status);
        Assert.StartsWith("The search body is not valid JSON: ", answer.Detail, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_101_is_a_400_naming_the_100_page_limit_and_the_way_on()
    {
        Sim.Kustomer.Generate(200);

        var answer = await Search(Everyone, page: 101, pageSize: 1);

        AssertBadRequest(answer, "Search results are limited to 100 pages per query (page 101 was asked): narrow the query, or start a new query from the last customer_updated_at received");
        Assert.Equal(400, (await Search(Everyone, page: 150, pageSize: 1)).Status);
        Assert.Equal(200, (await Search(Everyone, page: 100, pageSize: 1)).Status);
    }

    [Theory]
    [InlineData(501)]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task A_page_size_outside_1_to_500_is_a_400(int pageSize)
    {
        var answer = await Search(Everyone, page: 1, pageSize: pageSize);

        AssertBadRequest(answer, $"pageSize must be between 1 and 500, not '{pageSize}'");
    }

    [Fact]
    public async Task Page_0_is_a_400()
    {
        AssertBadRequest(await Search(Everyone, page: 0), "page must be a whole number from 1, not '0'");
    }

    [Fact]
    public async Task Page_size_500_is_served_and_100_is_the_default()
    {
        Sim.Kustomer.Generate(600);

        var largest = await Search(Everyone, pageSize: 500);
        var unsized = await Search(Everyone);

        Assert.Equal(500, largest.Ids.Length);
        Assert.Equal(100, unsized.Ids.Length);
        Assert.Equal(100, unsized.Json.GetProperty("meta").GetProperty("pageSize").GetInt32());
        Assert.Equal("/v1/customers/search?page=2&pageSize=100", unsized.Json.GetProperty("links").GetProperty("next").GetString());
    }

    [Fact]
    public async Task A_key_without_the_search_role_gets_403_naming_it_but_reads_customers_as_the_valid_key()
    {
        Sim.Kustomer.Generate(5);

        var search = await Search(Everyone, key: KustomerStore.NoSearchRoleKey);

        Assert.Equal(403, search.Status);
        JsonElement error = search.Json.GetProperty("errors")[0];
        Assert.Equal(403, error.GetProperty("status").GetInt32());
        Assert.Equal("forbidden", error.GetProperty("code").GetString());
        Assert.Equal("This API key lacks the role org.permission.search.create, which searching customers needs: add it to the key's roles", search.Detail);
        foreach (string path in new[] { $"/v1/customers/{KustomerFixtures.FullId}", "/v1/customers?page=1&pageSize=3", "/v1/customers/email=priya%40northwind.example" })
        {
            var asValid = await GetKustomer(path);
            var asNoSearch = await GetKustomer(path, KustomerStore.NoSearchRoleKey);
            Assert.Equal(200, asNoSearch.Status);
            Assert.Equal(asValid.Text, asNoSearch.Text);
        }
    }

    [Fact]
    public async Task Other_keys_get_the_routes_usual_refusals()
    {
        Assert.Equal(401, (await Search(Everyone, key: "not-a-key")).Status);
        Assert.Equal(403, (await Search(Everyone, key: KustomerStore.NoRoleKey)).Status);
    }

    [Fact]
    public async Task The_body_sent_is_recorded_as_sent()
    {
        const string Body = """{"and":[{"customer_updated_at":{"gte":"2025-01-01T00:00:00.000Z"}}],"sort":[{"customer_updated_at":"asc"}],"queryContext":"customer"}""";

        await Search(Body, page: 1, pageSize: 10);

        var recorded = Sim.RequestsTo("/v1/customers/search").Single();
        Assert.Equal("POST", recorded.Method);
        Assert.Equal(Body, recorded.Body);
        Assert.Equal("10", recorded.Query["pageSize"]);
    }

    private static void AssertBadRequest(SimAnswer answer, string detail)
    {
        Assert.True(answer.Status == 400, answer.Text);
        JsonElement error = answer.Json.GetProperty("errors")[0];
        Assert.Equal(400, error.GetProperty("status").GetInt32());
        Assert.Equal("bad_request", error.GetProperty("code").GetString());
        Assert.Equal("Bad Request", error.GetProperty("title").GetString());
        Assert.Equal(detail, answer.Detail);
    }
}
