using System;

namespace CustomerTools.Input;

/// <summary>
/// Checks every free-text input shares before it goes near a request: the services would never
/// match such values, and refusing them early means no request is sent for them at all.
/// </summary>
internal static class FreeText
{
    /// <summary>What is wrong with <paramref name="value"/>, or null when nothing is.</summary>
    public static string? FindProblem(string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "it is empty";
        }

        if (value!.Length > maxLength)
        {
            return $"it is longer than {maxLength} characters";
        }

        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsControl(c))
            {
                return $"it contains the control character U+{(int)c:X4}";
            }

            // A lone half of a surrogate pair is not text and cannot be encoded into a URL.
            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[++i])))
            {
                return "it contains an incomplete Unicode character";
            }
        }

        return null;
    }
}
