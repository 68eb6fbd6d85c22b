using System;
using System.Globalization;

namespace CustomerTools.ApiSimulator.Kustomer;

/// <summary>
/// Company resources in Kustomer's documented shape (docs/api/related.md §2): one with every key
/// field, one whose employeeCount is text (an unconfirmed shape), one soft-deleted, and generated ones.
/// </summary>
public static class KustomerCompanyFixtures
{
    public const string FullId = "65a0c1d2e3f4a5b6c7d8e9f0";
    public const string SecondId = "65a0c1d2e3f4a5b6c7d8e9f1";
    public const string DeletedId = "65a0c1d2e3f4a5b6c7d8e9f2";
    public const string FullExternalId = "crm-4471";

    /// <summary>Generated companies have ids with this prefix and their number in hex.</summary>
    public const string GeneratedPrefix = "cc00";

    public const string Full = """
        {"type": "company", "id": "65a0c1d2e3f4a5b6c7d8e9f0",
          "attributes": {
            "name": "Northwind Traders", "externalId": "crm-4471", "avatarUrl": null,
            "emails": [{"type": "work", "email": "hello@northwind.example", "verified": true}],
            "phones": [{"type": "work", "phone": "+442071838700", "verified": "false"}],
            "domains": [{"domain": "northwind.example"}, {"domain": "northwind.co.uk"}],
            "urls": [{"url": "https://northwind.example", "type": "website"}],
            "tags": ["5f0c1a2b3c4d5e6f7a8b9c0d"], "employeeCount": 240, "defaultLang": "en_GB",
            "custom": {"tierStr": "gold", "seatsNum": 40},
            "createdAt": "2022-03-01T09:00:00.000Z", "updatedAt": "2025-04-02T10:11:12.345Z",
            "modifiedAt": "2025-04-02T10:11:12.345Z", "deleted": false, "rev": 7},
          "relationships": {"org": {"data": {"type": "org", "id": "5a1b2c3d4e5f6a7b8c9d0e1f"}}},
          "links": {"self": "/v1/companies/65a0c1d2e3f4a5b6c7d8e9f0"}}
        """;

    public const string Second = """
        {"type": "company", "id": "65a0c1d2e3f4a5b6c7d8e9f1",
          "attributes": {"name": "Contoso Northwind Partners", "externalId": "crm-5120", "employeeCount": "10-50",
                         "domains": null, "tags": null, "custom": null, "rev": 1,
                         "createdAt": "2023-05-05T05:05:05.000Z", "updatedAt": "2025-05-05T05:05:05.000Z"}}
        """;

    public const string Deleted = """
        {"type": "company", "id": "65a0c1d2e3f4a5b6c7d8e9f2",
          "attributes": {"name": "Fabrikam (closed)", "externalId": "crm-0001", "deleted": true, "rev": 3,
                         "createdAt": "2021-01-01T00:00:00.000Z", "updatedAt": "2025-06-01T00:00:00.000Z"}}
        """;

    public static string GeneratedId(int index) => GeneratedPrefix + index.ToString("x20", CultureInfo.InvariantCulture);

    /// <summary>Generated company <paramref name="index"/>: changed one minute after the one before, from 2025-01-01.</summary>
    public static string Generated(int index)
    {
        string updated = KustomerFixtures.Timestamp(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(index));
        string n = index.ToString(CultureInfo.InvariantCulture);
        return "{\"type\":\"company\",\"id\":\"" + GeneratedId(index) + "\",\"attributes\":{\"name\":\"Company " + n + "\",\"externalId\":\"cext-" + n
            + "\",\"createdAt\":\"2024-01-01T00:00:00.000Z\",\"updatedAt\":\"" + updated + "\",\"rev\":1}}";
    }
}
