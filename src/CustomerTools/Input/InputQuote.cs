namespace CustomerTools.Input;

/// <summary>Shows a user's input inside a message: quoted, control characters replaced, cut short if huge.</summary>
internal static class InputQuote
{
    private const int Shown = 80;

    public static string Of(string? value)
    {
        if (value is null)
        {
            return "(null)";
        }

        string printable = value.Length > Shown ? value.Substring(0, Shown) + "…" : value;
        var chars = printable.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return "'" + new string(chars) + "'";
    }
}
