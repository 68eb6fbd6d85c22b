using System;
using System.Globalization;
using CustomerTools.Json;

namespace CustomerTools.Kustomer;

/// <summary>
/// Kustomer's custom attributes: their names end in their type (docs/api/kustomer.md §4), so a "…At" text
/// is a date and becomes a DateTimeOffset as it is read.
/// </summary>
internal sealed class KustomerCustomConverter : PlainObjectConverter
{
    protected override object? TopLevelValue(string name, object? value) =>
        name.EndsWith("At", StringComparison.Ordinal) && value is string text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date)
            ? date
            : value;
}
