using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace CustomerTools;

/// <summary>
/// A read-only list of emails, phones, profiles… that reads well where PowerShell turns it into
/// text (Export-Csv, string expansion): its items joined by "; ", not a .NET type name.
/// </summary>
public sealed class ItemList<T> : ReadOnlyCollection<T>
{
    internal ItemList(IList<T> items)
        : base(items)
    {
    }

    internal static ItemList<T> None { get; } = new(System.Array.Empty<T>());

    public override string ToString() => string.Join("; ", this);
}
