using System;
using System.Globalization;
using System.Management.Automation;
using CustomerTools.Kustomer;

namespace CustomerTools.Commands;

/// <summary>
/// Get-KustomerCustomer: customers by id, email, external id or phone, or all of them page by
/// page. Ids bind from the pipeline by value and by property name; emails by property name, so a
/// Help Scout customer piped in is looked up by its email, never by its (Help Scout) id.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KustomerCustomer", DefaultParameterSetName = ByIdSet, SupportsPaging = true)]
[OutputType(typeof(KustomerCustomer))]
public sealed class GetKustomerCustomerCommand : CustomerCmdlet<KustomerConnection, KustomerCustomer>
{
    private const string ByIdSet = "Id";
    private const string ByExternalIdSet = "ExternalId";
    private const string ByPhoneSet = "Phone";
    private const string AllSet = "All";

    /// <summary>Kustomer customer ids (24 hexadecimal characters).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
    [Alias("CustomerId")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[]? Id { get; set; }

    /// <summary>Ids the customers have in another system (your CRM, billing…).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByExternalIdSet)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[]? ExternalId { get; set; }

    /// <summary>Phone numbers, best in E.164 form (+14155550123).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByPhoneSet)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[]? Phone { get; set; }

    /// <summary>Every customer of the org, page by page.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    /// <summary>Customers per page request; Kustomer serves at most 100.</summary>
    [Parameter(ParameterSetName = AllSet)]
    [ValidateRange(1, int.MaxValue)]
    public int PageSize { get; set; } = KustomerClient.MaxPageSize;

    private protected override string ConnectCommand => "Connect-Kustomer";

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case ByIdSet:
                foreach (string? id in Id ?? new string?[] { null })
                {
                    Fetch(id, ct => Active.Client.GetCustomerAsync(id!, Log, ct));
                }

                break;
            case ByEmailSet:
                Lookup(KustomerLookup.Email, Email);
                break;
            case ByExternalIdSet:
                Lookup(KustomerLookup.ExternalId, ExternalId);
                break;
            case ByPhoneSet:
                Lookup(KustomerLookup.Phone, Phone);
                break;
            default:
                ListAll();
                break;
        }

        WriteFinished();
    }

    private void Lookup(KustomerLookup field, string?[]? values)
    {
        foreach (string? value in values ?? new string?[] { null })
        {
            Fetch(value, ct => Active.Client.LookupAsync(field, value!, Log, ct));
        }
    }

    private void ListAll()
    {
        int pageSize = Math.Min(PageSize, KustomerClient.MaxPageSize);
        if (pageSize < PageSize)
        {
            WriteVerbose(string.Format(CultureInfo.InvariantCulture, "Kustomer serves at most {0} customers a page; asking for {0} instead of {1}.", pageSize, PageSize));
        }

        int firstPage = SkipWholePages(pageSize) + 1;
        List("Listing Kustomer customers", Active.Client.ListPage(firstPage, pageSize), (page, ct) => Active.Client.GetPageAsync(page, Log, ct), Emit);
    }
}
