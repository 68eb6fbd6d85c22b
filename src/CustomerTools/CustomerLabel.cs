namespace CustomerTools;

/// <summary>How both customer types read as one line of text.</summary>
internal static class CustomerLabel
{
    public static string Of(string? name, string? email, string id)
    {
        string who = string.IsNullOrWhiteSpace(name) ? email ?? "(no name)" : name!;
        return string.IsNullOrEmpty(email) || who == email ? $"{who} ({id})" : $"{who} <{email}> ({id})";
    }
}
