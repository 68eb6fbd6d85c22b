namespace CustomerTools.Kustomer;

/// <summary>
/// What one search looks through (Kustomer's <c>queryContext</c>, docs/api/kustomer.md §3a,
/// docs/api/related.md §2): its attributes are named after it (<c>customer_updated_at</c>,
/// <c>company_updated_at</c>), and messages name what it finds and the command that searches.
/// </summary>
internal sealed class KustomerSearchContext
{
    private KustomerSearchContext(string name, string plural, string command)
    {
        Name = name;
        Plural = plural;
        Command = command;
    }

    public static KustomerSearchContext Customers { get; } = new("customer", "customers", "Get-KustomerCustomer");

    public static KustomerSearchContext Companies { get; } = new("company", "companies", "Get-KustomerCompany");

    /// <summary>The <c>queryContext</c>: "customer", "company".</summary>
    public string Name { get; }

    /// <summary>"customers", for messages.</summary>
    public string Plural { get; }

    /// <summary>The cmdlet that searches them, named in messages about -Query.</summary>
    public string Command { get; }

    /// <summary>The attribute every search is sorted and continued by.</summary>
    public string UpdatedAtAttribute => Name + "_updated_at";

    public string CreatedAtAttribute => Name + "_created_at";
}
