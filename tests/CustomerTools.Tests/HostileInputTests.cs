using System;
using System.Linq;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.ApiSimulator.Kustomer;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>
/// Inputs built to break a request (path separators, dot segments, encoded slashes, query and
/// fragment marks, CR/LF, NUL, huge or unusual text) never change its path, query or headers:
/// what the simulator received shows it. (What the user sees of the Kustomer ones, the refusal and
/// the lookup that arrives intact: Get-KustomerCustomer.Tests.ps1.)
/// </summary>
public sealed class HostileInputTests : ModuleTest
{
    public static readonly TheoryData<string> Nasty = new()
    {
        "a/b/../../v1/orgs",
        "..",
        "%2F..%2Fadmin",
        "x?pageSize=1000&page=2",
        "x#fragment",
        "x&query=y",
        "Ann\r\nX-Injected: yes",
        "nul\0byte",
        "Zoë 😀 \u202Eevil\u202C ﷽ e\u0301",
        new string('z', 3000),
    };

    public HostileInputTests(SimulatorFixture fixture)
        : base(fixture)
    {
        ConnectKustomer();
        ConnectHelpScout();
        Sim.ClearRequests();
    }

    [Theory]
    [MemberData(nameof(Nasty))]
    public void Help_Scout_filters_arrive_as_one_query_value_each(string nasty)
    {
        var result = Ps.Run("Get-HelpScoutCustomer -Query $v -FirstName $v -LastName $v", ("v", nasty));

        Assert.Null(result.Fatal);
        var request = Assert.Single(Sim.Requests());
        Assert.Equal("/v2/customers", request.RawPath);
        Assert.Equal(new[] { "firstName", "lastName", "page", "query" }, request.Query.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
        Assert.Equal((nasty, nasty, nasty, "1"), (request.Query["query"], request.Query["firstName"], request.Query["lastName"], request.Query["page"]));
        Assert.DoesNotContain(request.Headers.Keys, k => k.StartsWith("X-Injected", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("lena\"@tidewater.example")]
    [InlineData("lena\\@tidewater.example")]
    [InlineData("lena@tidewater.example\") OR (email:\"")]
    public void A_Help_Scout_email_that_would_break_out_of_its_search_term_is_refused(string nasty)
    {
        var result = Ps.Run("Get-HelpScoutCustomer -Email $v", ("v", nasty));

        Assert.StartsWith("InvalidEmail,", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(Sim.Requests());
    }

    [Fact]
    public void Half_a_surrogate_pair_is_refused_not_sent()
    {
        var result = Ps.Run("Get-KustomerCustomer -Email $v; Get-KustomerCustomer -ExternalId $v", ("v", "ann\uD83D@example.com"));

        Assert.Equal(2, result.Errors.Count);
        Assert.Empty(Sim.Requests());
    }

    [Fact]
    public void Every_request_carries_the_same_small_set_of_headers()
    {
        Ps.Run($"Get-KustomerCustomer -Id {KustomerFixtures.FullId}; Get-HelpScoutCustomer -Id {HelpScoutFixtures.FullId}; Get-KustomerCustomer -Email \"a@b.example`r`nX-Injected: 1\"");

        Assert.Equal(2, Sim.Requests().Count);
        Assert.All(Sim.Requests(), r => Assert.Equal(
            new[] { "Accept", "Accept-Encoding", "Authorization", "Host", "User-Agent" },
            r.Headers.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray()));
    }
}
