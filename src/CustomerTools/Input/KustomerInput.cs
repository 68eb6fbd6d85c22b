using System.Management.Automation;
using System.Text.RegularExpressions;
using CustomerTools.Kustomer;

namespace CustomerTools.Input;

/// <summary>
/// What a Kustomer id, email, phone or external id must look like before it may go into a path.
/// Failing input is an error record for that input alone, and no request is sent for it.
/// </summary>
internal static class KustomerInput
{
    private static readonly Regex ObjectId = new(@"^[0-9a-fA-F]{24}\z", RegexOptions.CultureInvariant);

    public static void CheckId(string? id) =>
        CheckObjectId(id, ErrorIds.InvalidCustomerId, "customer", "To find a customer by another field, use -Email, -Phone or -ExternalId.");

    public static void CheckCompanyId(string? id) =>
        CheckObjectId(id, ErrorIds.InvalidCompanyId, "company", "To find a company by another field, use -ExternalId or -Name.");

    public static void CheckCompanyExternalId(string? value) => CheckExternalId(value, ErrorIds.InvalidCompanyId);

    public static void Check(KustomerLookup field, string? value)
    {
        switch (field)
        {
            case KustomerLookup.Email:
                EmailInput.Check(value);
                break;
            case KustomerLookup.Phone:
                PhoneInput.Check(value);
                break;
            default:
                CheckExternalId(value, ErrorIds.InvalidCustomerId);
                break;
        }
    }

    private static void CheckObjectId(string? id, string errorId, string noun, string otherWays)
    {
        if (id is null || !ObjectId.IsMatch(id))
        {
            throw Invalid(errorId, id,
                $"{InputQuote.Of(id)} is not a Kustomer {noun} id: ids are 24 hexadecimal characters, like 64b7f0c2e4a1d3b5c6a7e8f9. {otherWays}");
        }
    }

    private static void CheckExternalId(string? value, string errorId)
    {
        if (FreeText.FindProblem(value, maxLength: 1024) is { } problem)
        {
            throw Invalid(errorId, value, $"{InputQuote.Of(value)} is not a usable external id: {problem}.");
        }
    }

    private static CustomerToolsException Invalid(string errorId, string? value, string message) =>
        new(errorId, ErrorCategory.InvalidArgument, value, message);
}
