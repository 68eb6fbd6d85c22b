using System;

namespace CustomerTools.ApiSimulator.Kustomer;

/// <summary>
/// The order of search results: by one attribute (named without its context, customer_ or
/// company_), ascending or descending; records missing the
/// value come last either way (as Elasticsearch puts them), ties by id ascending so that pages of
/// one query never overlap.
/// </summary>
internal sealed class SearchSort
{
    public const string UpdatedAt = "updated_at";
    public const string CreatedAt = "created_at";
    public const string Name = "name";

    public SearchSort(string attribute, bool descending)
    {
        Attribute = attribute;
        Descending = descending;
    }

    /// <summary>Change order: what the store's index keeps and incremental searches ask for.</summary>
    public static SearchSort ChangeOrder { get; } = new(UpdatedAt, false);

    public string Attribute { get; }

    public bool Descending { get; }

    public bool IsChangeOrder => Attribute == UpdatedAt && !Descending;

    public static bool IsSortable(string attribute) => attribute is UpdatedAt or CreatedAt or Name;

    public int Compare(CustomerRecord a, CustomerRecord b)
    {
        int byValue = Attribute switch
        {
            Name => a.Name is null || b.Name is null ? MissingLast(a.Name is null, b.Name is null) : Directed(string.CompareOrdinal(a.Name, b.Name)),
            CreatedAt => ByTime(a.CreatedAt, b.CreatedAt),
            _ => ByTime(a.UpdatedAt, b.UpdatedAt),
        };
        return byValue != 0 ? byValue : string.CompareOrdinal(a.Id, b.Id);
    }

    private int ByTime(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null || b is null ? MissingLast(a is null, b is null) : Directed(a.Value.UtcTicks.CompareTo(b.Value.UtcTicks));

    private int Directed(int order) => Descending ? -order : order;

    private static int MissingLast(bool aMissing, bool bMissing) => aMissing == bMissing ? 0 : aMissing ? 1 : -1;
}
