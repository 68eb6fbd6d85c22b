namespace CustomerTools.Kustomer;

/// <summary>The fields Kustomer can find a customer by, besides its id (docs/api/kustomer.md §3).</summary>
internal enum KustomerLookup
{
    Email,
    ExternalId,
    Phone,
}
