using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.Kustomer;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>
/// The Search set of Get-KustomerCustomer against the simulator's search endpoint: results judged
/// against an oracle computed from the generated org (ChangeTimeline), oldest change first, each
/// customer once, never a list request and never page 101.
/// </summary>
public sealed class KustomerSearchTests : ModuleTest
{
    private const int Org = 2_000;
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);
    private readonly ChangeTimeline _timeline = new(Org, Step);

    public KustomerSearchTests(SimulatorFixture fixture)
        : base(fixture)
    {
        Sim.Kustomer.Clear();
        Sim.Kustomer.UseTimeline(_timeline);

        // Not the subject here (SearchQuotaTests): search answers report a quota too large to pace by.
        Sim.Kustomer.SearchQuota(1_000_000, TimeSpan.FromMinutes(1));
        ConnectKustomer();
    }

    private static DateTimeOffset Origin => ChangeTimeline.DefaultOrigin;

    [Fact]
    public void UpdatedSince_writes_exactly_the_changed_customers_oldest_change_first_from_one_search()
    {
        DateTimeOffset since = Origin + (Step * (Org - 300));

        var result = Ps.Run("Get-KustomerCustomer -UpdatedSince $since", ("since", since));

        Assert.True(result.Errors.Count == 0 && result.Fatal is null, result.AllText());
        KustomerCustomer[] customers = result.Objects<KustomerCustomer>();
        Assert.Equal(Sim.Kustomer.IdsChangedSince(since), customers.Select(c => c.Id).ToArray());
        Assert.Equal(300, customers.Length);
        Assert.True(customers.Zip(customers.Skip(1)).All(p => p.First.UpdatedAt <= p.Second.UpdatedAt));

        RecordedRequest search = Assert.Single(Sim.Requests());
        Assert.Equal("POST", search.Method);
        Assert.Equal("/v1/customers/search", search.RawPath);
        Assert.Equal("500", search.Query["pageSize"]);
        Assert.Equal("application/json", search.Header("Content-Type")?.Split(';')[0]);
        Assert.Equal(
            $$$"""{"and":[{"customer_updated_at":{"gte":"{{{Utc(since)}}}"}}],"sort":[{"customer_updated_at":"asc"}],"queryContext":"customer"}""",
            search.Body);
    }

    [Theory]
    [InlineData("-UpdatedSince $since")]
    [InlineData("-ModifiedSince $since")]
    [InlineData("-UpdatedSince $since.UtcDateTime")]
    [InlineData("-UpdatedSince $since.ToString('o')")]
    [InlineData("-UpdatedSince $since.ToOffset([TimeSpan]::FromHours(-5)).ToString('yyyy-MM-dd HH:mm:ss.fffzzz')")]
    [InlineData("-UpdatedSince $since.LocalDateTime")]
    [InlineData("-UpdatedSince (Get-KustomerCustomer -UpdatedSince $since -First 1).UpdatedAt")]
    public void UpdatedSince_takes_a_DateTimeOffset_a_DateTime_a_date_string_or_a_customers_UpdatedAt(string parameter)
    {
        DateTimeOffset since = Origin + (Step * (Org - 10)) + TimeSpan.FromMilliseconds(250);

        var result = Ps.Run($"Get-KustomerCustomer {parameter} -First 1 | Out-Null", ("since", since));

        Assert.True(result.Errors.Count == 0 && result.Fatal is null, result.AllText());
        var bound = JsonNode.Parse(Sim.Requests()[^1].Body)!["and"]![0]!["customer_updated_at"]!["gte"]!;
        string expected = parameter.Contains("Get-KustomerCustomer", StringComparison.Ordinal)
            ? Utc(Origin + (Step * (Org - 9)))
            : Utc(since);
        Assert.Equal(expected, (string?)bound);
    }

    [Fact]
    public void CreatedSince_and_Query_combine_with_UpdatedSince_by_and_and_still_come_oldest_change_first()
    {
        ChangeTimeline timeline = _timeline;
        DateTimeOffset updatedSince = Origin + (Step * (Org / 2));
        DateTimeOffset createdSince = timeline.CreatedAt(Org / 4);
        var expected = timeline.IndicesChangedSince(updatedSince)
            .Where(i => timeline.CreatedAt(i) >= createdSince && i % 3 == 0)
            .Select(KustomerFixtures.GeneratedId).ToArray();

        var result = Ps.Run(
            "Get-KustomerCustomer -UpdatedSince $u -CreatedSince $c -Query @{ customer_custom_tierStr = @{ equals = 'gold' } }",
            ("u", updatedSince), ("c", createdSince));

        Assert.True(result.Errors.Count == 0 && result.Fatal is null, result.AllText());
        Assert.NotEmpty(expected);
        Assert.Equal(expected, result.Objects<KustomerCustomer>().Select(c => c.Id).ToArray());
        Assert.Contains($$$"""{"customer_created_at":{"gte":"{{{Utc(createdSince)}}}"}}""", Sim.Requests()[0].Body, StringComparison.Ordinal);
        Assert.Contains("""{"customer_custom_tierStr":{"equals":"gold"}}""", Sim.Requests()[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_in_JSON_text_with_or_finds_what_the_hashtable_finds()
    {
        const string Json = """{"or":[{"customer_custom_seatsNum":{"gte":95}},{"customer_custom_vipBool":{"equals":true}}]}""";
        var fromJson = Ps.Run("Get-KustomerCustomer -Query $q", ("q", Json));
        var fromTable = Ps.Run("Get-KustomerCustomer -Query @{ or = @(@{ customer_custom_seatsNum = @{ gte = 95 } }, @{ customer_custom_vipBool = @{ equals = $true } }) }");

        Assert.True(fromJson.Errors.Count == 0 && fromJson.Fatal is null, fromJson.AllText());
        string[] ids = fromJson.Objects<KustomerCustomer>().Select(c => c.Id).ToArray();
        var timeline = _timeline;
        var expected = Enumerable.Range(0, Org).Where(i => i % 100 >= 95 || i % 5 == 0)
            .OrderBy(timeline.UpdatedAt).ThenBy(i => i).Select(KustomerFixtures.GeneratedId).ToArray();
        Assert.Equal(expected, ids);
        Assert.Equal(ids, fromTable.Objects<KustomerCustomer>().Select(c => c.Id).ToArray());
    }

    [Fact]
    public void Past_the_100_page_limit_it_starts_new_searches_and_never_asks_for_page_101()
    {
        DateTimeOffset since = Origin + (Step * (Org - 450));

        var result = Ps.Run("Get-KustomerCustomer -UpdatedSince $since -PageSize 4 -Verbose", ("since", since));

        Assert.True(result.Errors.Count == 0 && result.Fatal is null, result.AllText());
        Assert.Equal(Sim.Kustomer.IdsChangedSince(since), result.Objects<KustomerCustomer>().Select(c => c.Id).ToArray());
        Assert.All(Sim.Requests(), r => Assert.InRange(int.Parse(r.Query["page"], CultureInfo.InvariantCulture), 1, KustomerSearchClient.MaxPages));
        Assert.InRange(Sim.Requests().Count, 113, 151);
        Assert.Contains(result.Verbose, v => v.StartsWith("Continuing the search from the customers updated at or after", StringComparison.Ordinal));
    }

    [Fact]
    public void Customers_sharing_one_time_across_many_pages_come_once_each_by_page_number_within_the_limit()
    {
        // 150 customers at one instant, 2 a page: 75 pages of one query at that instant.
        Sim.Kustomer.UseTimeline(new ChangeTimeline(Org, Step, tieStart: Org - 400, tieCount: 150));
        DateTimeOffset since = Origin + (Step * (Org - 450));

        var result = Ps.Run("Get-KustomerCustomer -UpdatedSince $since -PageSize 2", ("since", since));

        Assert.True(result.Errors.Count == 0 && result.Fatal is null, result.AllText());
        Assert.Equal(Sim.Kustomer.IdsChangedSince(since), result.Objects<KustomerCustomer>().Select(c => c.Id).ToArray());
        Assert.Contains(Sim.Requests(), r => int.Parse(r.Query["page"], CultureInfo.InvariantCulture) > 50);
        Assert.All(Sim.Requests(), r => Assert.InRange(int.Parse(r.Query["page"], CultureInfo.InvariantCulture), 1, KustomerSearchClient.MaxPages));
    }

    [Fact]
    public void More_customers_at_one_time_than_100_pages_hold_give_one_error_naming_it_and_the_rest_still_comes()
    {
        // 250 customers at one instant, 2 a page: a query at that instant ends at page 100.
        var timeline = new ChangeTimeline(Org, Step, tieStart: Org - 400, tieCount: 250);
        Sim.Kustomer.UseTimeline(timeline);
        DateTimeOffset since = Origin + (Step * (Org - 450));
        string[] changed = Sim.Kustomer.IdsChangedSince(since).ToArray();
        string[] tied = timeline.IndicesChangedSince(since).Where(i => timeline.UpdatedAt(i) == timeline.TieAt).Select(KustomerFixtures.GeneratedId).ToArray();
        string[] expected = changed.Except(tied.Skip(200)).ToArray();

        var result = Ps.Run(
            "Get-KustomerCustomer -UpdatedSince $since -PageSize 2 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_ } else { $_.Id } }",
            ("since", since));

        Assert.Null(result.Fatal);
        var stream = result.Output.Select(o => o.BaseObject).ToArray();
        var error = Assert.Single(stream.OfType<ErrorRecord>());
        Assert.Equal("SearchLimitExceeded,CustomerTools.Commands.GetKustomerCustomerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
        Assert.Equal(timeline.TieAt, error.TargetObject);
        Assert.Contains(Utc(timeline.TieAt), error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("-PageSize 500", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(expected, stream.OfType<string>().ToArray());

        // The error stands where the customers were left out: after the 200th of that time.
        int at = Array.IndexOf(stream, error);
        Assert.Equal(tied[199], stream[at - 1]);
        Assert.All(Sim.Requests(), r => Assert.InRange(int.Parse(r.Query["page"], CultureInfo.InvariantCulture), 1, KustomerSearchClient.MaxPages));
    }

    [Fact]
    public void Customers_updated_while_the_search_runs_are_written_once()
    {
        DateTimeOffset since = Origin + (Step * (Org - 400));
        string[] before = Sim.Kustomer.IdsChangedSince(since).ToArray();
        Sim.Kustomer.SearchShift(afterPages: 1, insert: 0, update: 5);

        var result = Ps.Run("Get-KustomerCustomer -UpdatedSince $since -PageSize 50", ("since", since));

        Assert.True(result.Errors.Count == 0 && result.Fatal is null, result.AllText());
        Assert.True(Sim.Kustomer.Shifts().SearchShiftFired);
        string[] ids = result.Objects<KustomerCustomer>().Select(c => c.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());

        // The second search started at the last customer of page 1; the five earliest it found
        // (that one among them) moved to the end. The search met that one twice, at its old and
        // its new time, and wrote it once; the other four come at the end, where they now are.
        string[] moved = Sim.Kustomer.IdsChangedSince(since).TakeLast(5).ToArray();
        Assert.Equal(before[49], moved[0]);
        string[] later = moved.Skip(1).ToArray();
        Assert.Equal(before.Except(later).Concat(later), ids);
    }

    [Fact]
    public void A_listing_whose_pages_shift_forward_writes_no_customer_twice()
    {
        Sim.Kustomer.UseTimeline(new ChangeTimeline(250, Step));
        string[] before = Enumerable.Range(0, 250).Select(KustomerFixtures.GeneratedId).ToArray();
        Sim.Kustomer.ListShift(afterPages: 1, insert: 3);

        var result = Ps.Run("Get-KustomerCustomer -All");

        Assert.True(result.Errors.Count == 0 && result.Fatal is null, result.AllText());
        Assert.True(Sim.Kustomer.Shifts().ListShiftFired);
        string[] ids = result.Objects<KustomerCustomer>().Select(c => c.Id).ToArray();
        Assert.Equal(before, ids);
    }

    [Fact]
    public void First_Skip_and_IncludeTotalCount_ask_for_no_more_than_they_need()
    {
        DateTimeOffset since = Origin + (Step * (Org - 1_000));
        string[] changed = Sim.Kustomer.IdsChangedSince(since).ToArray();

        var first = Ps.Run("Get-KustomerCustomer -UpdatedSince $since -First 5 -IncludeTotalCount", ("since", since));
        int firstRequests = Sim.Requests().Count;
        Sim.ClearRequests();
        var skipped = Ps.Run("Get-KustomerCustomer -UpdatedSince $since -PageSize 100 -Skip 250 -First 10", ("since", since));

        Assert.Equal(1, firstRequests);
        Assert.Equal(1000UL, (ulong)first.Output[0].BaseObject);
        Assert.Equal(changed.Take(5), first.Objects<KustomerCustomer>().Select(c => c.Id));
        Assert.Equal(changed.Skip(250).Take(10), skipped.Objects<KustomerCustomer>().Select(c => c.Id));
        Assert.Equal("3", Assert.Single(Sim.Requests()).Query["page"]);
    }

    [Fact]
    public void A_search_shows_progress_and_says_what_it_asks_on_Verbose()
    {
        DateTimeOffset since = Origin + (Step * (Org - 120));

        var result = Ps.Run("Get-KustomerCustomer -UpdatedSince $since -PageSize 50 -Verbose | Out-Null", ("since", since));

        Assert.Contains(result.Verbose, v => v == $"Searching Kustomer for customers updated since {Utc(since)}, oldest change first, 50 a page.");
        Assert.Contains(result.Progress, p => p.Activity == "Searching Kustomer customers" && p.StatusDescription.StartsWith("50 of 120", StringComparison.Ordinal));
        Assert.Contains(result.Progress, p => p.RecordType == ProgressRecordType.Completed);
    }

    [Fact]
    public void A_time_in_the_future_finds_nothing_and_is_no_error()
    {
        var result = Ps.Run("Get-KustomerCustomer -UpdatedSince ([DateTimeOffset]::UtcNow.AddDays(1))");

        Assert.True(result.Errors.Count == 0 && result.Fatal is null, result.AllText());
        Assert.Empty(result.Output);
        Assert.Single(Sim.Requests());
    }

    [Fact]
    public void A_query_that_is_no_criteria_is_InvalidQuery_and_sends_nothing()
    {
        var result = Ps.Run("Get-KustomerCustomer -Query 42; 'next'");

        Assert.Null(result.Fatal);
        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidQuery,CustomerTools.Commands.GetKustomerCustomerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(42, error.TargetObject);
        Assert.Equal("next", Assert.Single(result.Output).BaseObject);
        Assert.Empty(Sim.Requests());
    }

    [Fact]
    public void Criteria_Kustomer_refuses_are_InvalidRequest_with_Kustomers_own_words()
    {
        var result = Ps.Run("$q = @{ customer_shoe_size = @{ equals = 44 } }; Get-KustomerCustomer -Query $q");

        Assert.Null(result.Fatal);
        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidRequest,CustomerTools.Commands.GetKustomerCustomerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("customer_shoe_size", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("400", error.Exception.Message, StringComparison.Ordinal);
        Assert.IsType<System.Collections.Hashtable>(error.TargetObject);
    }

    [Fact]
    public void A_key_without_the_search_role_is_AccessDenied_naming_the_role()
    {
        ConnectKustomer(KustomerStore.NoSearchRoleKey);

        var result = Ps.Run("Get-KustomerCustomer -UpdatedSince '2025-01-01'");

        Assert.NotNull(result.Fatal);
        Assert.Equal("AccessDenied,CustomerTools.Commands.GetKustomerCustomerCommand", result.Fatal!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, result.Fatal.CategoryInfo.Category);
        Assert.Contains("org.permission.search.create", result.Fatal.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(KustomerStore.NoSearchRoleKey, result.AllText(), StringComparison.Ordinal);
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
