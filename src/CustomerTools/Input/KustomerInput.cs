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

    public static void CheckId(string? id)
    {
        if (id is null || !ObjectId.IsMatch(id))
        {
            throw Invalid(ErrorIds.InvalidCustomerId, id,
                $"{InputQuote.Of(id)} is not a Kustomer customer id: ids are 24 hexadecimal characters, like 64b7f0c2e4a1d3b5c6a7e8f9. To find a customer by another field, use -Email, -Phone or -ExternalId.");
        }
    }

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
                if (FreeText.FindProblem(value, maxLength: 1024) is { } problem)
                {
                    throw Invalid(ErrorIds.InvalidCustomerId, value, $"{InputQuote.Of(value)} is not a usable external id: {problem}.");
                }

                break;
        }
    }

    private static CustomerToolsException Invalid(string errorId, string? value, string message) =>
        new(errorId, ErrorCategory.InvalidArgument, value, message);
}
