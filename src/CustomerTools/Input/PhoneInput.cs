using System.Management.Automation;
using System.Text.RegularExpressions;

namespace CustomerTools.Input;

/// <summary>What a phone number must look like before it is looked up.</summary>
internal static class PhoneInput
{
    // E.164 (+14155550123) is what the services store; spaces, dashes, dots, brackets and an
    // extension are let through, since other formats are unconfirmed (docs/api/kustomer.md §3).
    private static readonly Regex Phone = new(@"^\+?[0-9(][0-9 ().\-]{1,30}(?:\s*(?:x|ext\.?)\s*[0-9]{1,8})?\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    public static void Check(string? phone)
    {
        string? problem = FreeText.FindProblem(phone, maxLength: 64);
        if (problem is null && !Phone.IsMatch(phone!))
        {
            problem = "use digits with an optional leading +, like +14155550123";
        }

        if (problem is not null)
        {
            throw new CustomerToolsException(ErrorIds.InvalidPhone, ErrorCategory.InvalidArgument, phone,
                $"{InputQuote.Of(phone)} is not a phone number: {problem}.");
        }
    }
}
