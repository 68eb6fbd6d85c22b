namespace CustomerTools;

/// <summary>
/// The error ids of INTERFACE.md. Users' scripts match on them, so they never change.
/// </summary>
internal static class ErrorIds
{
    public const string NotConnected = "NotConnected";
    public const string InvalidCustomerId = "InvalidCustomerId";
    public const string InvalidEmail = "InvalidEmail";
    public const string InvalidPhone = "InvalidPhone";
    public const string CustomerNotFound = "CustomerNotFound";
    public const string OrganizationNotFound = "OrganizationNotFound";
    public const string CompanyNotFound = "CompanyNotFound";
    public const string InvalidOrganizationId = "InvalidOrganizationId";
    public const string InvalidCompanyId = "InvalidCompanyId";
    public const string AuthenticationFailed = "AuthenticationFailed";
    public const string AccessDenied = "AccessDenied";
    public const string RateLimited = "RateLimited";
    public const string ServiceError = "ServiceError";
    public const string RequestTimedOut = "RequestTimedOut";
    public const string InvalidResponse = "InvalidResponse";
    public const string InvalidQuery = "InvalidQuery";

    // Ours, in the same spirit: the service refused the request itself (400 and other 4xx),
    // e.g. a Help Scout query or date it could not parse.
    public const string InvalidRequest = "InvalidRequest";

    /// <summary>A write whose answer was lost and that is not safe to send again.</summary>
    public const string WriteOutcomeUnknown = "WriteOutcomeUnknown";

    // Ours: Get-HelpScoutCustomer was asked for a listing with neither a filter nor -All.
    public const string FilterOrAllRequired = "FilterOrAllRequired";

    // Ours: more Kustomer customers share one update time than one search can page through, so
    // some of them were left out of a search (named in the message); the rest still comes.
    public const string SearchLimitExceeded = "SearchLimitExceeded";

    // Ours: a failure that is none of the above (a bug); reported for its input, the rest goes on.
    public const string UnexpectedError = "UnexpectedError";

    // Ours: Connect-* was given something it can't connect with.
    public const string InvalidBaseUri = "InvalidBaseUri";
    public const string MissingCredential = "MissingCredential";

    /// <summary>Connection-level problems stop the pipeline; everything else concerns one input.</summary>
    public static bool IsTerminating(string errorId) =>
        errorId is NotConnected or AuthenticationFailed or AccessDenied or InvalidBaseUri or MissingCredential or FilterOrAllRequired;
}
