using System;
using System.Collections;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Text.Json;

namespace CustomerTools.Json;

/// <summary>
/// Writes what a user types in PowerShell (hashtables, arrays, [pscustomobject]s, text, numbers,
/// flags, dates) as JSON, the way ConvertTo-Json would, but with dates in UTC ISO 8601 with
/// milliseconds and nothing else quietly turned into text: a value JSON can't hold is refused.
/// </summary>
internal static class PowerShellValueWriter
{
    private const int MaxDepth = 64;

    /// <summary>The UTF-8 JSON of <paramref name="value"/>.</summary>
    /// <exception cref="FormatException">A value JSON can't hold, or nesting too deep; the message says which.</exception>
    public static byte[] ToJson(object? value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value, depth: 0);
        }

        return buffer.ToArray();
    }

    /// <summary>A time as Kustomer takes it: UTC, ISO 8601, with milliseconds.</summary>
    public static string Utc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Write(Utf8JsonWriter writer, object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new FormatException($"it is nested more than {MaxDepth} levels deep");
        }

        if (value is PSObject wrapped)
        {
            if (wrapped.BaseObject is PSCustomObject)
            {
                WriteProperties(writer, wrapped, depth);
                return;
            }

            value = wrapped.BaseObject;
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string or char or Guid or Enum:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case DateTimeOffset time:
                writer.WriteStringValue(Utc(time));
                break;
            case DateTime time:
                // As PowerShell reads '2025-05-01': a time of unspecified kind is local.
                writer.WriteStringValue(Utc(new DateTimeOffset(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Local) : time)));
                break;
            case byte or sbyte or short or ushort or int or uint or long:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong large:
                writer.WriteNumberValue(large);
                break;
            case float or double:
                double number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsNaN(number) || double.IsInfinity(number))
                {
                    throw new FormatException($"{number.ToString(CultureInfo.InvariantCulture)} is not a number JSON can hold");
                }

                writer.WriteNumberValue(number);
                break;
            case decimal exact:
                writer.WriteNumberValue(exact);
                break;
            case IDictionary map:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in map)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty);
                    Write(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (object? item in items)
                {
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new FormatException($"a value of type {value.GetType().FullName} can't be sent as JSON; give text, a number, $true/$false, a date, an array or a hashtable");
        }
    }

    private static void WriteProperties(Utf8JsonWriter writer, PSObject value, int depth)
    {
        writer.WriteStartObject();
        foreach (PSPropertyInfo property in value.Properties)
        {
            writer.WritePropertyName(property.Name);
            Write(writer, property.Value, depth + 1);
        }

        writer.WriteEndObject();
    }
}
