using System;
using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerTools.Kustomer;
using Xunit;

namespace CustomerTools.Tests;

/// <summary>What a search sends: -UpdatedSince, -CreatedSince and -Query as Kustomer's own query language, or InvalidQuery.</summary>
public sealed class KustomerSearchQueryTests
{
    private static readonly DateTimeOffset May1 = new(2025, 5, 1, 8, 30, 0, 250, TimeSpan.FromHours(2));

    [Fact]
    public void Dates_are_sent_in_UTC_with_milliseconds_combined_by_and_sorted_by_update_time()
    {
        var query = KustomerSearchQuery.Create(May1, May1.AddDays(-30), hasQuery: false, query: null);

        JsonNode body = Body(query, query.UpdatedSince, inclusive: true);

        Assert.Equal(
            """{"and":[{"customer_updated_at":{"gte":"2025-05-01T06:30:00.250Z"}},{"customer_created_at":{"gte":"2025-04-01T06:30:00.250Z"}}],"sort":[{"customer_updated_at":"asc"}],"queryContext":"customer"}""",
            body.ToJsonString());
    }

    [Fact]
    public void A_company_search_names_its_attributes_and_context_after_companies_and_can_include_deleted_ones()
    {
        var query = KustomerSearchQuery.Create(May1, May1.AddDays(-30), hasQuery: false, query: null, includeDeleted: true, context: KustomerSearchContext.Companies);

        JsonNode body = Body(query, query.UpdatedSince, inclusive: true);

        Assert.Equal(
            """{"and":[{"company_updated_at":{"gte":"2025-05-01T06:30:00.250Z"}},{"company_created_at":{"gte":"2025-04-01T06:30:00.250Z"}}],"sort":[{"company_updated_at":"asc"}],"queryContext":"company","includeDeleted":true}""",
            body.ToJsonString());
    }

    [Fact]
    public void IncludeDeleted_alone_searches_everyone()
    {
        var query = KustomerSearchQuery.Create(null, null, hasQuery: false, query: null, includeDeleted: true);

        Assert.Equal("""{"sort":[{"customer_updated_at":"asc"}],"queryContext":"customer","includeDeleted":true}""", Body(query, null, inclusive: true).ToJsonString());
        Assert.Equal("customers of the org, deleted ones too", query.Description);
    }

    [Fact]
    public void A_continuation_replaces_the_update_bound_and_can_exclude_it()
    {
        var query = KustomerSearchQuery.Create(May1, null, hasQuery: false, query: null);

        JsonNode body = Body(query, May1.AddHours(1), inclusive: false);

        Assert.Equal("""[{"customer_updated_at":{"gt":"2025-05-01T07:30:00.250Z"}}]""", body["and"]!.ToJsonString());
    }

    [Fact]
    public void A_hashtable_criterion_is_sent_as_written_after_the_dates()
    {
        var criteria = new Hashtable { ["customer_custom_tierStr"] = new Hashtable { ["equals"] = "gold" } };
        var query = KustomerSearchQuery.Create(May1, null, hasQuery: true, query: criteria);

        JsonNode body = Body(query, query.UpdatedSince, inclusive: true);

        Assert.Equal(
            """[{"customer_updated_at":{"gte":"2025-05-01T06:30:00.250Z"}},{"customer_custom_tierStr":{"equals":"gold"}}]""",
            body["and"]!.ToJsonString());
    }

    [Fact]
    public void Or_and_not_groups_nest_inside_the_and_and_an_and_is_merged_into_it()
    {
        var criteria = new OrderedDictionary
        {
            ["and"] = new object[] { new Hashtable { ["customer_name"] = new Hashtable { ["contains"] = "ann" } } },
            ["or"] = new object[]
            {
                new Hashtable { ["customer_custom_seatsNum"] = new Hashtable { ["gte"] = 50 } },
                new Hashtable { ["customer_custom_vipBool"] = new Hashtable { ["equals"] = true } },
            },
            ["not"] = new Hashtable { ["customer_email"] = new Hashtable { ["contains"] = "test" } },
        };
        var query = KustomerSearchQuery.Create(null, null, hasQuery: true, query: new PSObject(criteria));

        JsonNode body = Body(query, null, inclusive: true);

        Assert.Equal(
            """[{"customer_name":{"contains":"ann"}},{"or":[{"customer_custom_seatsNum":{"gte":50}},{"customer_custom_vipBool":{"equals":true}}]},{"not":{"customer_email":{"contains":"test"}}}]""",
            body["and"]!.ToJsonString());
    }

    [Fact]
    public void JSON_text_and_a_pscustomobject_say_the_same_as_a_hashtable()
    {
        var custom = new PSObject();
        custom.Properties.Add(new PSNoteProperty("customer_email", new Hashtable { ["in"] = new[] { "a@x.example", "b@x.example" } }));

        string fromText = Body(KustomerSearchQuery.Create(null, null, true, """{"customer_email": {"in": ["a@x.example", "b@x.example"]}, "timeZone": "Europe/London"}"""), null, true).ToJsonString();
        string fromObject = Body(KustomerSearchQuery.Create(null, null, true, custom), null, true).ToJsonString();

        Assert.Equal("""{"and":[{"customer_email":{"in":["a@x.example","b@x.example"]}}],"sort":[{"customer_updated_at":"asc"}],"queryContext":"customer","timeZone":"Europe/London"}""", fromText);
        Assert.Equal(fromText.Replace(",\"timeZone\":\"Europe/London\"", string.Empty, StringComparison.Ordinal), fromObject);
    }

    [Fact]
    public void Dates_inside_the_query_are_sent_in_UTC_and_a_local_time_is_read_as_local()
    {
        var local = new DateTime(2025, 1, 2, 3, 4, 5, 6, DateTimeKind.Unspecified);
        var criteria = new Hashtable { ["customer_custom_renewalAt"] = new Hashtable { ["lt"] = local, ["gte"] = May1 } };

        JsonNode body = Body(KustomerSearchQuery.Create(null, null, true, criteria), null, true);

        JsonNode range = body["and"]![0]!["customer_custom_renewalAt"]!;
        Assert.Equal(new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Local)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture), (string?)range["lt"]);
        Assert.Equal("2025-05-01T06:30:00.250Z", (string?)range["gte"]);
    }

    [Fact]
    public void No_criteria_at_all_sends_no_and()
    {
        JsonNode body = Body(KustomerSearchQuery.Create(null, null, true, new Hashtable()), null, true);

        Assert.Null(body["and"]);
        Assert.Equal("customer", (string?)body["queryContext"]);
    }

    [Theory]
    [InlineData("number", "is a Int32, neither a hashtable nor JSON text")]
    [InlineData("null", "is empty")]
    [InlineData("array-json", "is JSON text of an array, not of an object")]
    [InlineData("not-json", "is neither a hashtable nor JSON text")]
    [InlineData("sort", "has 'sort'")]
    [InlineData("context", "has a queryContext other than 'customer'")]
    [InlineData("plain", "gives 'customer_email' a plain value")]
    [InlineData("or-object", "has 'or' that is not an array")]
    [InlineData("nan", "NaN is not a number JSON can hold")]
    [InlineData("scriptblock", "a value of type System.Management.Automation.ScriptBlock can't be sent as JSON")]
    public void A_query_that_cannot_be_criteria_is_InvalidQuery_with_the_query_as_target(string kind, string expected)
    {
        object? query = kind switch
        {
            "number" => 42,
            "null" => null,
            "array-json" => """[{"customer_email":{"equals":"a@x.example"}}]""",
            "not-json" => "customer_email = a@x.example",
            "sort" => new Hashtable { ["sort"] = new object[] { new Hashtable { ["customer_name"] = "asc" } } },
            "context" => """{"queryContext": "conversation"}""",
            "plain" => new Hashtable { ["customer_email"] = "a@x.example" },
            "or-object" => new Hashtable { ["or"] = new Hashtable { ["customer_name"] = new Hashtable { ["equals"] = "x" } } },
            "nan" => new Hashtable { ["customer_custom_scoreNum"] = new Hashtable { ["gte"] = double.NaN } },
            _ => new Hashtable { ["customer_name"] = new Hashtable { ["equals"] = ScriptBlock.Create("1") } },
        };

        var error = Assert.Throws<CustomerToolsException>(() => KustomerSearchQuery.Create(null, null, true, query));

        Assert.Equal("InvalidQuery", error.ErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.Category);
        Assert.Same(query, error.Target);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("customer_custom_tierStr = @{ equals = 'gold' }", error.Message, StringComparison.Ordinal);
    }

    private static JsonNode Body(KustomerSearchQuery query, DateTimeOffset? from, bool inclusive) =>
        JsonNode.Parse(Encoding.UTF8.GetString(query.Body(from, inclusive)))!;
}
