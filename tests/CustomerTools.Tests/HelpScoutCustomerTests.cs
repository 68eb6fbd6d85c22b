using System;
using System.Linq;
using System.Management.Automation;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.HelpScout;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>Get-HelpScoutCustomer -Id end to end: hal+json mapping, binding, vnd.error errors.</summary>
public sealed class HelpScoutCustomerTests : ModuleTest
{
    public HelpScoutCustomerTests(SimulatorFixture fixture)
        : base(fixture)
    {
        ConnectHelpScout();
    }

    [Fact]
    public void Full_fixture_maps_every_contract_property()
    {
        var c = Assert.Single(Ps.Run($"Get-HelpScoutCustomer -Id {HelpScoutFixtures.FullId}").Objects<HelpScoutCustomer>());

        Assert.Equal(4150271, c.Id);
        Assert.Equal(("Lena", "Okonkwo", "Lena Okonkwo"), (c.FirstName, c.LastName, c.Name));
        Assert.Equal("lena@tidewater.example", c.Email);
        Assert.Equal(new[] { (9001L, "lena@tidewater.example", "work"), (9002L, "lena.o@mail.example", "home") }, c.Emails.Select(e => (e.Id!.Value, e.Value!, e.Type!)).ToArray());
        Assert.Equal((9101L, "+2348012345678", "mobile"), Entry(Assert.Single(c.Phones)));
        Assert.Equal((9201L, "lena.okonkwo", "skype"), Entry(Assert.Single(c.Chats)));
        Assert.Equal((9301L, "https://linkedin.com/in/lenao", "linkedin"), Entry(Assert.Single(c.SocialProfiles)));
        var website = Assert.Single(c.Websites);
        Assert.Equal((9401L, "https://tidewater.example", (string?)null), (website.Id!.Value, website.Value, website.Type));
        Assert.Equal(2, c.Properties.Count);
        var plan = c.Properties[0];
        Assert.Equal(("plan", "Plan", "dropdown", "4412", "Pro (annual)", "api"), (plan.Slug, plan.Name, plan.Type, plan.Value, plan.Text, plan.Source));
        var seats = c.Properties[1];
        Assert.Equal(("seats", "Seats", "number", (string?)null, (string?)null, (string?)null), (seats.Slug, seats.Name, seats.Type, seats.Value, seats.Text, seats.Source));
        Assert.Equal(("Lagos", (string?)null, "101241", "NG"), (c.Address!.City, c.Address.State, c.Address.PostalCode, c.Address.Country));
        Assert.Equal(new[] { "12 Marina Rd", "Floor 3" }, c.Address.Lines.ToArray());
        Assert.Equal("female", c.Gender);
        Assert.Equal("Head of Support", c.JobTitle);
        Assert.Equal("Lagos, Nigeria", c.Location);
        Assert.Equal("Tidewater Labs", c.Organization);
        Assert.Equal(88231, c.OrganizationId);
        Assert.Equal("gravatar", c.PhotoType);
        Assert.Equal("https://gravatar.example/a/91c2.png", c.PhotoUrl);
        Assert.Equal("35-40", c.Age);
        Assert.Equal("Prefers email.", c.Background);
        Assert.False(c.Draft);
        Assert.Equal(new DateTimeOffset(2021, 6, 1, 9, 30, 0, TimeSpan.Zero), c.CreatedAt);
        Assert.Equal(new DateTimeOffset(2025, 2, 11, 17, 4, 58, TimeSpan.Zero), c.UpdatedAt);
    }

    [Fact]
    public void A_sparse_record_without_embedded_gives_empty_collections_and_nulls()
    {
        var c = Assert.Single(Ps.Run($"Get-HelpScoutCustomer -Id {HelpScoutFixtures.SparseId}").Objects<HelpScoutCustomer>());

        Assert.Equal(("Sam", (string?)null, "Sam"), (c.FirstName, c.LastName, c.Name));
        Assert.Null(c.Email);
        Assert.Empty(c.Emails);
        Assert.Empty(c.Phones);
        Assert.Empty(c.Chats);
        Assert.Empty(c.SocialProfiles);
        Assert.Empty(c.Websites);
        Assert.Empty(c.Properties);
        Assert.Null(c.Address);
        Assert.Null(c.OrganizationId);
        Assert.Null(c.Age);
        Assert.True(c.Draft);
        Assert.Null(c.UpdatedAt);
    }

    [Fact]
    public void The_dashed_social_profiles_spelling_numeric_age_and_string_flags_are_read()
    {
        var c = Assert.Single(Ps.Run($"Get-HelpScoutCustomer -Id {HelpScoutFixtures.DashedId}").Objects<HelpScoutCustomer>());

        Assert.Equal((9311L, "https://x.com/analima", "twitter"), Entry(Assert.Single(c.SocialProfiles)));
        Assert.Equal("52", c.Age);
        Assert.Equal("Male", c.Gender);
        Assert.False(c.Draft);
        Assert.Empty(c.Phones);
    }

    [Fact]
    public void Ids_bind_by_value_by_property_name_and_alias_and_keep_their_order()
    {
        var result = Ps.Run($$"""
            {{HelpScoutFixtures.FullId}}, '{{HelpScoutFixtures.SparseId}}' | Get-HelpScoutCustomer
            [pscustomobject]@{ Id = {{HelpScoutFixtures.DashedId}} }, [pscustomobject]@{ CustomerId = {{HelpScoutFixtures.FullId}} } | Get-HelpScoutCustomer
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(new[] { HelpScoutFixtures.FullId, HelpScoutFixtures.SparseId, HelpScoutFixtures.DashedId, HelpScoutFixtures.FullId }, result.Objects<HelpScoutCustomer>().Select(c => c.Id).ToArray());
    }

    [Fact]
    public void A_404_in_the_middle_is_one_CustomerNotFound_and_the_rest_comes_out()
    {
        var result = Ps.Run($"{HelpScoutFixtures.FullId}, 777, {HelpScoutFixtures.SparseId} | Get-HelpScoutCustomer");

        Assert.Equal(new[] { HelpScoutFixtures.FullId, HelpScoutFixtures.SparseId }, result.Objects<HelpScoutCustomer>().Select(c => c.Id).ToArray());
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("CustomerNotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(777L, error.TargetObject);
        Assert.Contains("Resource not found", error.Exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Ids_that_cannot_exist_are_InvalidCustomerId_without_a_request(long badId)
    {
        Sim.ClearRequests();
        var result = Ps.Run($"{HelpScoutFixtures.FullId}, {badId} | Get-HelpScoutCustomer");

        Assert.Single(result.Objects<HelpScoutCustomer>());
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("InvalidCustomerId,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(badId, error.TargetObject);
        Assert.Single(Sim.RequestsTo("/v2/customers/"));
    }

    [Fact]
    public void A_400_vnd_error_reaches_the_user_with_its_field_errors()
    {
        Sim.Script(new ScriptedAnswer
        {
            PathContains = $"/v2/customers/{HelpScoutFixtures.FullId}",
            Status = 400,
            ContentType = "application/vnd.error+json",
            Body = """
                {"logRef": "64bb72b4-0a92-11e8-ba89-0ed5f89f718b#7", "message": "Bad request",
                 "_embedded": {"errors": [{"path": "modifiedSince", "message": "Malformed date", "rejectedValue": "2025-13-01",
                   "_links": {"about": {"href": "https://developer.helpscout.com/errors#MalformedDate"}}}]}}
                """,
        });

        var result = Ps.Run($"{HelpScoutFixtures.FullId}, {HelpScoutFixtures.SparseId} | Get-HelpScoutCustomer");

        Assert.Single(result.Objects<HelpScoutCustomer>());
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("InvalidRequest,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("Bad request; modifiedSince: Malformed date (rejected '2025-13-01')", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("logRef 64bb72b4-0a92-11e8-ba89-0ed5f89f718b#7", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_403_stops_with_AccessDenied()
    {
        Sim.Script(new ScriptedAnswer { PathContains = "/v2/customers/", Status = 403, ContentType = "application/vnd.error+json", Body = """{"message":"API access is disabled for this account"}""" });

        var result = Ps.Run($"{HelpScoutFixtures.FullId}, {HelpScoutFixtures.SparseId} | Get-HelpScoutCustomer");

        Assert.StartsWith("AccessDenied,", result.Fatal!.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("API access is disabled", result.Fatal.Exception.Message, StringComparison.Ordinal);
    }

    private static (long, string?, string?) Entry(HelpScoutEntry entry) => (entry.Id!.Value, entry.Value, entry.Type);
}
