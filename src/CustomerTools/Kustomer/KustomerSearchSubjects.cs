namespace CustomerTools.Kustomer;

/// <summary>The two things Kustomer's search finds for the module: customers and companies.</summary>
internal static class KustomerSearchSubjects
{
    public static KustomerSearchSubject<KustomerCustomer> Customers { get; } = new(KustomerSearchContext.Customers, KustomerCustomerMapper.ToCustomer, c => c.UpdatedAt);

    public static KustomerSearchSubject<KustomerCompany> Companies { get; } = new(KustomerSearchContext.Companies, KustomerCompanyMapper.ToCompany, c => c.UpdatedAt);
}
