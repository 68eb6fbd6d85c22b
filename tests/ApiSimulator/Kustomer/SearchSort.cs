using System;

namespace CustomerTools.ApiSimulator.Kustomer;

/// <summary>
/// The order of search results: by one attribute, ascending or descending; customers missing the
/// value come last either way (as Elasticsearch puts them), ties by id ascending so that pages of
/// one query never overlap.
/// </summary>
internal sealed record SearchSort(string Attribute, bool Descending)
{
    public const string UpdatedAt = "customer_updated_at";
    public const string CreatedAt = "customer_created_at";
    public const string Name = "customer_name";

    /// <summary>Change order: what the store's index keeps and incremental searches ask for.</summary>
    public static SearchSort ChangeOrder { get; } = new(UpdatedAt, false);

    public static bool IsSortable(string attribute) => attribute is UpdatedAt or CreatedAt or Name;

    public int Compare(CustomerRecord a, CustomerRecord b)
    {
        int byValue = Attribute switch
        {
            Name => MissingLast(a.Name, b.Name, a.Name is null, b.Name is null, string.CompareOrdinal),
            CreatedAt => MissingLast(a.CreatedAt, b.CreatedAt),
            _ => MissingLast(a.UpdatedAt, b.UpdatedAt),
        };
        return byValue != 0 ? byValue : string.CompareOrdinal(a.Id, b.Id);
    }

    private int MissingLast(DateTimeOffset? a, DateTimeOffset? b) =>
        MissingLast(a.GetValueOrDefault(), b.GetValueOrDefault(), a is null, b is null, DateTimeOffset.Compare);

    private int MissingLast<T>(T a, T b, bool aMissing, bool bMissing, Func<T, T, int> compare)
    {
        if (aMissing || bMissing)
        {
            return aMissing == bMissing ? 0 : aMissing ? 1 : -1;
        }

        int order = compare(a, b);
        return Descending ? -order : order;
    }
}
