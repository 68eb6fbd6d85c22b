using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerTools.ApiSimulator;

// What the control API (/_sim/) answers: written by ControlApi, read by the tests' client
// (tests/TestKit) and, as plain JSON, by tests/TestSupport.ps1.

/// <summary>The control API's JSON, both ways: camelCase, enums by name (numbers are read too).</summary>
public static class ControlJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}

/// <summary>GET /_sim/fixtures: the keys the simulated services accept and the ids of their fixtures.</summary>
public sealed record Fixtures(KustomerFixtureIds Kustomer, HelpScoutFixtureIds HelpScout);

/// <param name="GeneratedPrefix">Generated customers' ids are this prefix and their number in 20 hex digits.</param>
/// <param name="CompanyId">The company with every field; <paramref name="CompanyExternalId"/> is its external id.</param>
/// <param name="SecondCompanyId">A sparse company whose name also contains "Northwind".</param>
/// <param name="DeletedCompanyId">A soft-deleted company: only a search with includeDeleted finds it.</param>
/// <param name="GeneratedCompanyPrefix">Generated companies' ids are this prefix and their number in 20 hex digits.</param>
public sealed record KustomerFixtureIds(
    string ValidKey, string NoRoleKey, string NoSearchRoleKey, string FullId, string SparseId, string GeneratedPrefix,
    string CompanyId, string SecondCompanyId, string DeletedCompanyId, string CompanyExternalId, string GeneratedCompanyPrefix);

/// <param name="GeneratedBase">Generated customer n has the id GeneratedBase + n.</param>
/// <param name="OrganizationId">The organization of the full customer fixture.</param>
/// <param name="EmptyOrganizationId">An organization without customers, whose updatedAt is not a time.</param>
/// <param name="GeneratedOrganizationBase">Generated organization n has the id GeneratedOrganizationBase + n.</param>
public sealed record HelpScoutFixtureIds(
    string AppId, string AppSecret, long FullId, long SparseId, long DashedId, long NearMissId, long GeneratedBase, long MainMailbox, long OtherMailbox,
    long OrganizationId, long EmptyOrganizationId, long GeneratedOrganizationBase);

/// <summary>A list of ids (the store's, or those changed since a time).</summary>
public sealed record IdList<T>(T[] Ids);

/// <summary>A quota's counts so far; all 0 when there is none.</summary>
public sealed record QuotaCounts(int Limit, int Served, int Rejected);

/// <summary>Requests being answered now, and the most at once since the last reset.</summary>
public sealed record InFlightCounts(int InFlight, int MaxInFlight);

/// <summary>Kustomer pages served per route since the last reset, and whether each page-shift lever has fired.</summary>
public sealed record KustomerShifts(int ListPagesServed, int SearchPagesServed, bool ListShiftFired, bool SearchShiftFired);

/// <summary>Help Scout list pages served since the last reset, and whether the lever has fired.</summary>
public sealed record HelpScoutShifts(int ListPagesServed, bool ListShiftFired);

/// <summary>POST /_sim/helpscout/issue-token: a token the simulated account accepts.</summary>
public sealed record IssuedToken(string Token);

/// <summary>Help Scout token requests (refused ones too) since the last reset, and every token issued.</summary>
public sealed record TokenCounts(int Requests, string[] Issued);

/// <summary>
/// After a 429 that stated a refill time: the request target, the wait it stated, the time until
/// its retry came (null if none did), and whether the retry came before the stated time.
/// </summary>
public sealed record ThrottleGapReply(string Target, double StatedMs, double? IdleMs, bool Early);
