using System.Globalization;
using System.Management.Automation;

namespace CustomerTools.Input;

/// <summary>What Help Scout ids and searched emails must be before a request is built from them.</summary>
internal static class HelpScoutInput
{
    private static readonly char[] QueryBreakers = { '"', '\\' };

    public static void CheckId(long id) => CheckPositive(id, ErrorIds.InvalidCustomerId, "customer", 4150271);

    public static void CheckOrganizationId(long id) => CheckPositive(id, ErrorIds.InvalidOrganizationId, "organization", 88231);

    private static void CheckPositive(long id, string errorId, string noun, long example)
    {
        if (id <= 0)
        {
            throw new CustomerToolsException(errorId, ErrorCategory.InvalidArgument, id,
                string.Format(CultureInfo.InvariantCulture, "{0} is not a Help Scout {1} id: ids are positive whole numbers, like {2}.", id, noun, example));
        }
    }

    public static void CheckSearchEmail(string? email)
    {
        EmailInput.Check(email);

        // The email goes inside a quoted search term, which a quote or backslash would end early.
        if (email!.IndexOfAny(QueryBreakers) >= 0)
        {
            throw new CustomerToolsException(ErrorIds.InvalidEmail, ErrorCategory.InvalidArgument, email,
                $"{InputQuote.Of(email)} can't be searched in Help Scout: it contains a quote or backslash.");
        }
    }
}
