using System.Management.Automation;

namespace CustomerTools.Input;

/// <summary>What an email address must look like before either service is asked about it.</summary>
internal static class EmailInput
{
    // RFC 5321's limit for a whole address.
    private const int MaxLength = 254;

    public static void Check(string? email)
    {
        string? problem = FreeText.FindProblem(email, MaxLength);
        if (problem is null)
        {
            int at = email!.LastIndexOf('@');
            problem = at <= 0 || at == email.Length - 1 ? "it has no '@' between a name and a domain"
                : HasWhiteSpace(email) ? "it contains white space"
                : null;
        }

        if (problem is not null)
        {
            throw new CustomerToolsException(ErrorIds.InvalidEmail, ErrorCategory.InvalidArgument, email,
                $"{InputQuote.Of(email)} is not an email address: {problem}.");
        }
    }

    private static bool HasWhiteSpace(string text)
    {
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
