using System;
using System.Management.Automation;
using CustomerTools.Kustomer;
using CustomerTools.Pipeline;

namespace CustomerTools.Commands;

/// <summary>
/// Get-KustomerCompany: companies by id, those of piped customers (each once, however many
/// customers share it), by external id, by name, all of them, or searched as customers are. -Id
/// binds by value only, so that a piped customer's own Id is never taken for a company's.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KustomerCompany", DefaultParameterSetName = ByIdSet, SupportsPaging = true)]
[OutputType(typeof(KustomerCompany))]
public sealed class GetKustomerCompanyCommand : KustomerSearchCmdlet<KustomerCompany>
{
    private const string ByIdSet = "Id";
    private const string ByCustomerSet = "InputObject";
    private const string ByExternalIdSet = "ExternalId";
    private const string ByNameSet = "Name";

    /// <summary>Kustomer company ids (24 hexadecimal characters).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[]? Id { get; set; }

    /// <summary>Customers (from Get-KustomerCustomer) whose companies to get, by their CompanyId.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByCustomerSet)]
    [AllowNull]
    [AllowEmptyCollection]
    public KustomerCustomer?[]? InputObject { get; set; }

    /// <summary>Ids the companies have in another system (your CRM, billing…).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByExternalIdSet)]
    [AllowEmptyCollection]
    public string?[]? ExternalId { get; set; }

    /// <summary>Companies whose name matches, by Kustomer's own matching (the list's filter).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByNameSet)]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>Every company of the org, page by page.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    protected override void ProcessRecord()
    {
        KustomerClient client = Active.Client;
        switch (ParameterSetName)
        {
            case ByIdSet:
                foreach (string? id in Id ?? new string?[] { null })
                {
                    StartOnce(id ?? string.Empty, context => client.GetCompanyAsync(id!, context));
                }

                break;
            case ByCustomerSet:
                foreach (KustomerCustomer? customer in InputObject ?? Array.Empty<KustomerCustomer?>())
                {
                    if (customer?.CompanyId is not { } company)
                    {
                        PassOver(customer, "company");
                        continue;
                    }

                    StartOnce(company, context => client.GetCompanyAsync(company, context));
                }

                break;
            case ByExternalIdSet:
                foreach (string? externalId in ExternalId ?? new string?[] { null })
                {
                    Start(externalId, context => client.FindCompanyAsync(externalId!, context));
                }

                break;
            case ByNameSet:
                // The name goes alone: with externalId beside it, Kustomer ignores both (docs/api/related.md §2).
                string name = Name!;
                List("companies", (page, size) => client.CompanyListPage(page, size, name), (page, context) => client.GetCompanyPageAsync(page, name, context), c => c.Id);
                break;
            case SearchSet:
                Search(KustomerSearchSubjects.Companies, c => c.Id);
                break;
            default:
                List("companies", (page, size) => client.CompanyListPage(page, size, null), (page, context) => client.GetCompanyPageAsync(page, "company list", context), c => c.Id);
                break;
        }

        WriteFinished();
    }
}
