using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;

namespace CustomerTools.Kustomer;

/// <summary>Turns a company resource as read from the wire into the output type.</summary>
internal static class KustomerCompanyMapper
{
    public static KustomerCompany ToCompany(KustomerResource resource)
    {
        if (string.IsNullOrEmpty(resource.Id))
        {
            throw new JsonException("a company resource has no id");
        }

        KustomerAttributes a = resource.Attributes ?? new KustomerAttributes();
        return new KustomerCompany
        {
            Id = resource.Id!,
            Name = a.Name,
            ExternalId = a.ExternalId,
            Emails = KustomerCustomerMapper.Emails(a),
            Phones = KustomerCustomerMapper.Phones(a),
            Domains = a.Domains?.Select(d => d?.Domain).OfType<string>().ToArray() ?? Array.Empty<string>(),
            Urls = a.Urls?.Select(u => u?.Url).OfType<string>().ToArray() ?? Array.Empty<string>(),
            Tags = KustomerCustomerMapper.Tags(a),
            Custom = a.Custom ?? new PSObject(),
            EmployeeCount = int.TryParse(a.EmployeeCount, NumberStyles.None, CultureInfo.InvariantCulture, out int count) ? count : null,
            DefaultLang = a.DefaultLang,
            CreatedAt = a.CreatedAt,
            UpdatedAt = a.UpdatedAt,
            ModifiedAt = a.ModifiedAt,
            Deleted = a.Deleted,
            Rev = a.Rev,
        };
    }
}
