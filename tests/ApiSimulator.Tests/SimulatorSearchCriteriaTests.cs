using System;
using System.Linq;
using System.Threading.Tasks;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.TestKit;
using Xunit;

namespace CustomerTools.ApiSimulator.Tests;

/// <summary>
/// The simulator's Kustomer search criteria (docs/api/kustomer.md §3a): every operator on every attribute,
/// nesting and negation, judged against a model of the org written out here, in store order.
/// </summary>
public sealed class SimulatorSearchCriteriaTests : SimulatorTest
{
    private const int Generated = 30;

    /// <summary>The org after Reset() and 30 generated customers, as the fixtures and the template define it.</summary>
    private static readonly Row[] Org = new[]
    {
        new Row(KustomerFixtures.FullId, "Priya Raman", "priya@northwind.example", Utc("2023-02-14T10:20:30.456Z"), Utc("2025-05-02T16:45:12.001Z"), "gold", 40, true, Utc("2026-01-31T00:00:00Z")),
        new Row(KustomerFixtures.SparseId, null, "ann@sparse.example", Utc("2025-06-01T09:00:00Z"), null, null, null, null, null),
    }.Concat(Enumerable.Range(0, Generated).Select(i => new Row(
        KustomerFixtures.GeneratedId(i),
        $"Customer {i}",
        $"customer{i}@example.test",
        Utc("2024-01-01T00:00:00Z"),
        new DateTimeOffset(2025, 1 + (i % 12), 1 + (i % 28), 12, 0, 0, 123, TimeSpan.Zero),
        i % 3 == 0 ? "gold" : "silver",
        i % 100,
        i % 5 == 0,
        null))).ToArray();

    public SimulatorSearchCriteriaTests(SimulatorFixture fixture)
        : base(fixture)
    {
        Sim.Kustomer.Generate(Generated);
    }

    [Fact]
    public Task Name_equals_is_exact() => AssertMatches("""{"customer_name":{"equals":"Customer 7"}}""", r => r.Name == "Customer 7");

    [Fact]
    public Task Name_equals_keeps_case() => AssertMatches("""{"customer_name":{"equals":"customer 7"}}""", _ => false);

    [Fact]
    public Task Name_in_takes_any_of_a_list() =>
        AssertMatches("""{"customer_name":{"in":["Customer 3","Priya Raman","Nobody"]}}""", r => r.Name is "Customer 3" or "Priya Raman");

    [Fact]
    public Task Name_contains_whole_words_in_a_row_ignoring_case() =>
        AssertMatches("""{"customer_name":{"contains":"priya RAMAN"}}""", r => r.Name == "Priya Raman");

    [Fact]
    public Task Name_contains_no_part_of_a_word_and_no_other_order() =>
        AssertMatches("""{"or":[{"customer_name":{"contains":"Pri"}},{"customer_name":{"contains":"Raman Priya"}}]}""", _ => false);

    [Fact]
    public Task Name_not_set_is_the_customer_without_a_name() => AssertMatches("""{"customer_name":{"not_set":true}}""", r => r.Name is null);

    [Fact]
    public Task Email_equals_ignores_case() =>
        AssertMatches("""{"customer_email":{"equals":"CUSTOMER12@Example.TEST"}}""", r => r.Email == "customer12@example.test");

    [Fact]
    public Task Email_in_ignores_case() =>
        AssertMatches("""{"customer_email":{"in":["Ann@Sparse.example","customer4@example.test"]}}""", r => r.Email is "ann@sparse.example" or "customer4@example.test");

    [Fact]
    public Task Email_contains_a_whole_word_of_the_address() =>
        AssertMatches("""{"customer_email":{"contains":"NORTHWIND"}}""", r => r.Email.Contains("northwind", StringComparison.Ordinal));

    [Fact]
    public Task Custom_text_equals() => AssertMatches("""{"customer_custom_tierStr":{"equals":"gold"}}""", r => r.Tier == "gold");

    [Fact]
    public Task Custom_text_not_set_false_means_set() =>
        AssertMatches("""{"customer_custom_tierStr":{"not_set":false}}""", r => r.Tier is not null);

    [Fact]
    public Task Custom_number_ranges_combine_in_one_criterion() =>
        AssertMatches("""{"customer_custom_seatsNum":{"gte":10,"lt":14}}""", r => r.Seats >= 10 && r.Seats < 14);

    [Fact]
    public Task Custom_number_gt_and_lte() =>
        AssertMatches("""{"and":[{"customer_custom_seatsNum":{"gt":25}},{"customer_custom_seatsNum":{"lte":40}}]}""", r => r.Seats > 25 && r.Seats <= 40);

    [Fact]
    public Task Custom_number_in() => AssertMatches("""{"customer_custom_seatsNum":{"in":[2,40,29.5]}}""", r => r.Seats is 2 or 40);

    [Fact]
    public Task Custom_flag_equals() => AssertMatches("""{"customer_custom_vipBool":{"equals":true}}""", r => r.Vip == true);

    [Fact]
    public Task Custom_date_gte_reads_a_bare_date_as_midnight() =>
        AssertMatches("""{"customer_custom_contractAt":{"gte":"2026-01-31"}}""", r => r.ContractAt >= Utc("2026-01-31T00:00:00Z"));

    [Fact]
    public Task Custom_date_not_set() => AssertMatches("""{"customer_custom_contractAt":{"not_set":true}}""", r => r.ContractAt is null);

    [Fact]
    public Task Updated_at_range_never_matches_a_missing_value() =>
        AssertMatches("""{"customer_updated_at":{"lt":"2099-01-01T00:00:00Z"}}""", r => r.Updated is not null);

    [Fact]
    public Task Updated_at_gte_and_gt_differ_on_the_bound() =>
        AssertMatches(
            """{"or":[{"customer_updated_at":{"gte":"2025-05-02T16:45:12.001Z"}},{"customer_updated_at":{"gt":"2025-03-04T12:00:00.123Z"}}]}""",
            r => r.Updated >= Utc("2025-05-02T16:45:12.001Z") || r.Updated > Utc("2025-03-04T12:00:00.123Z"));

    [Fact]
    public Task Updated_at_equals_takes_an_offset_as_given() =>
        AssertMatches("""{"customer_updated_at":{"equals":"2025-06-06T14:00:00.123+02:00"}}""", r => r.Updated == Utc("2025-06-06T12:00:00.123Z"));

    [Fact]
    public Task Created_at_lte_includes_the_instant_itself() =>
        AssertMatches("""{"customer_created_at":{"lte":"2024-01-01T00:00:00.000Z"}}""", r => r.Created <= Utc("2024-01-01T00:00:00Z"));

    [Fact]
    public Task Created_at_in() =>
        AssertMatches("""{"customer_created_at":{"in":["2025-06-01T09:00:00Z","2023-02-14T10:20:30.456Z"]}}""", r => r.Id is KustomerFixtures.FullId or KustomerFixtures.SparseId);

    [Fact]
    public Task A_bare_date_is_read_in_UTC_without_a_time_zone() =>
        AssertMatches("""{"customer_created_at":{"equals":"2024-01-01"}}""", r => r.Created == Utc("2024-01-01T00:00:00Z"));

    [Fact]
    public Task A_bare_date_is_read_in_the_bodys_time_zone() =>
        AssertMatches(
            """{"customer_created_at":{"lt":"2025-06-01"}}""",
            r => r.Created < Utc("2025-06-01T10:00:00Z"),
            ""","timeZone":"Pacific/Honolulu" """);

    [Fact]
    public Task The_time_zone_moves_a_bare_date_off_the_instant() =>
        AssertMatches("""{"customer_created_at":{"equals":"2024-01-01"}}""", _ => false, ""","timeZone":"Europe/Paris" """);

    [Fact]
    public Task Groups_nest_to_any_depth() =>
        AssertMatches(
            """{"customer_custom_tierStr":{"equals":"gold"}},{"or":[{"customer_custom_seatsNum":{"lt":10}},{"and":[{"customer_name":{"equals":"Customer 27"}},{"not":{"customer_custom_vipBool":{"equals":true}}}]}]}""",
            r => r.Tier == "gold" && (r.Seats < 10 || (r.Name == "Customer 27" && r.Vip != true)));

    [Fact]
    public Task Not_negates_one_criterion_including_customers_without_the_value() =>
        AssertMatches("""{"not":{"customer_custom_tierStr":{"equals":"gold"}}}""", r => r.Tier != "gold");

    [Fact]
    public Task Not_with_an_array_holds_when_none_of_its_items_do() =>
        AssertMatches("""{"not":[{"customer_custom_vipBool":{"equals":true}},{"customer_custom_tierStr":{"equals":"gold"}}]}""", r => r.Vip != true && r.Tier != "gold");

    [Fact]
    public async Task Top_level_or_and_not_combine_with_and()
    {
        var answer = await Search("""{"and":[{"customer_custom_seatsNum":{"lt":20}}],"or":[{"customer_custom_tierStr":{"equals":"gold"}},{"customer_custom_vipBool":{"equals":true}}],"not":[{"customer_name":{"equals":"Customer 0"}}],"queryContext":"customer"}""", pageSize: 500);

        Assert.Equal(Ids(r => r.Seats < 20 && (r.Tier == "gold" || r.Vip == true) && r.Name != "Customer 0"), answer.Ids);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"and":[],"or":[],"queryContext":"customer"}""")]
    [InlineData("""{"not":[]}""")]
    public async Task Empty_criteria_match_everyone_in_store_order(string body)
    {
        var answer = await Search(body, pageSize: 500);

        Assert.Equal(Ids(_ => true), answer.Ids);
        Assert.Equal(Org.Length, answer.Json.GetProperty("meta").GetProperty("total").GetInt32());
    }

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Ids(Func<Row, bool> expected) => Org.Where(expected).Select(r => r.Id).ToArray();

    private async Task AssertMatches(string criteria, Func<Row, bool> expected, string more = "")
    {
        var answer = await Search($$"""{"and":[{{criteria}}],"queryContext":"customer"{{more}}}""", pageSize: 500);

        Assert.True(answer.Status == 200, answer.Text);
        Assert.Equal(Ids(expected), answer.Ids);
    }

    private sealed record Row(
        string Id, string? Name, string Email, DateTimeOffset? Created, DateTimeOffset? Updated, string? Tier, double? Seats, bool? Vip, DateTimeOffset? ContractAt);
}
