using System;
using System.Globalization;
using System.Management.Automation;
using CustomerTools.Kustomer;
using CustomerTools.Pipeline;

namespace CustomerTools.Commands;

/// <summary>
/// Get-KustomerCustomer: customers by id, email, external id or phone, or all of them page by
/// page. Ids bind from the pipeline by value and by property name; emails by property name, so a
/// Help Scout customer piped in is looked up by its email, never by its (Help Scout) id.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KustomerCustomer", DefaultParameterSetName = ByIdSet, SupportsPaging = true)]
[OutputType(typeof(KustomerCustomer))]
public sealed class GetKustomerCustomerCommand : KustomerSearchCmdlet<KustomerCustomer>
{
    private const string ByIdSet = "Id";
    private const string ByEmailSet = "Email";
    private const string ByExternalIdSet = "ExternalId";
    private const string ByPhoneSet = "Phone";

    /// <summary>Kustomer customer ids (24 hexadecimal characters).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
    [Alias("CustomerId")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[]? Id { get; set; }

    /// <summary>
    /// Email addresses to look up. Binds by property name (and the EmailAddress alias), which is how
    /// a Help Scout customer piped in is looked up: by its email, never its id.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByEmailSet)]
    [Alias("EmailAddress")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[]? Email { get; set; }

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

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case ByIdSet:
                foreach (string? id in Id ?? new string?[] { null })
                {
                    Start(id, context => Active.Client.GetCustomerAsync(id!, context));
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
            case SearchSet:
                Search(KustomerSearchSubjects.Customers, c => c.Id);
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
            Start(value, context => Active.Client.LookupAsync(field, value!, context));
        }
    }

    private void ListAll()
    {
        KustomerClient client = Active.Client;
        List("customers", client.ListPage, client.GetPageAsync, c => c.Id);
    }
}
