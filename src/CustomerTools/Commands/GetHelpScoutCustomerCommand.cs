using System;
using System.Management.Automation;
using CustomerTools.HelpScout;
using CustomerTools.Input;
using CustomerTools.Pipeline;

namespace CustomerTools.Commands;

/// <summary>
/// Get-HelpScoutCustomer: customers by id, by exact email, or listed with Help Scout's filters.
/// Ids bind from the pipeline by value and by property name; emails by property name, so a
/// Kustomer customer piped in is looked up by its email, never by its (Kustomer) id.
/// </summary>
[Cmdlet(VerbsCommon.Get, "HelpScoutCustomer", DefaultParameterSetName = ByIdSet, SupportsPaging = true)]
[OutputType(typeof(HelpScoutCustomer))]
public sealed class GetHelpScoutCustomerCommand : ServiceCmdlet<HelpScoutConnection, HelpScoutCustomer>
{
    private const string ByIdSet = "Id";
    private const string ByEmailSet = "Email";
    private const string ListSet = "List";
    private const string OrganizationSet = "Organization";

    /// <summary>Help Scout customer ids (positive whole numbers).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByIdSet)]
    [Alias("CustomerId")]
    [AllowEmptyCollection]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>
    /// Email addresses to look up. Binds by property name (and the EmailAddress alias), which is how
    /// a Kustomer customer piped in is looked up: by its email, never its id.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByEmailSet)]
    [Alias("EmailAddress")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[]? Email { get; set; }

    /// <summary>A Help Scout search, e.g. (firstName:"Ann" AND lastName:"Lee").</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? Query { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? FirstName { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? LastName { get; set; }

    /// <summary>Only customers of this mailbox (its id).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(1, long.MaxValue)]
    public long Mailbox { get; set; }

    /// <summary>Only customers changed since this time (any time zone; sent in UTC); oldest change first.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [Alias("UpdatedSince")]
    [UtcTimeTransformation]
    public DateTime ModifiedSince { get; set; }

    /// <summary>Every customer, page by page; needed when no filter is given.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public SwitchParameter All { get; set; }

    /// <summary>The customers of this organization (its id, a customer's OrganizationId), page by page.</summary>
    [Parameter(Mandatory = true, ParameterSetName = OrganizationSet)]
    public long OrganizationId { get; set; }

    private protected override string ConnectCommandName => "Connect-HelpScout";

    protected override void ProcessRecord()
    {
        HelpScoutClient client = Active.Client;
        switch (ParameterSetName)
        {
            case ByIdSet:
                foreach (long id in Id)
                {
                    Start(id, context => client.GetCustomerAsync(id, context));
                }

                break;
            case ByEmailSet:
                foreach (string? email in Email ?? new string?[] { null })
                {
                    Start(email, context => client.FindByEmailAsync(email!, context));
                }

                break;
            case OrganizationSet:
                ListMembers(client);
                break;
            default:
                ListCustomers(client);
                break;
        }

        WriteFinished();
    }

    private void ListCustomers(HelpScoutClient client)
    {
        var filter = new HelpScoutFilter
        {
            Query = Query,
            FirstName = FirstName,
            LastName = LastName,
            Mailbox = IsGiven(nameof(Mailbox)) ? Mailbox : null,
            ModifiedSince = IsGiven(nameof(ModifiedSince)) ? ModifiedSince : null,
        };
        if (filter.IsEmpty && !All)
        {
            ThrowTerminatingError(new CustomerToolsException(ErrorIds.FilterOrAllRequired, ErrorCategory.InvalidArgument, null,
                "Give -All to list every Help Scout customer, or narrow the list with -Query, -FirstName, -LastName, -Mailbox or -ModifiedSince.").ToErrorRecord());
        }

        if (filter.ModifiedSince is { } since)
        {
            Say($"Customers modified since {HelpScoutPaths.Utc(since)} (UTC).");
        }

        int firstPage = Budget.SkipWholePages(HelpScoutPaths.PageSize) + 1;
        object target = Query ?? "customer list";
        var pages = new LinkedPages<HelpScoutListItem>(client.ListPage(filter, firstPage), (page, context) => client.GetPageAsync(page, filter, target, context));
        Listing.Run("Listing Help Scout customers", pages, item => Seen.Add(item.Id), item => AddOrFetch(client, item));
    }

    private void ListMembers(HelpScoutClient client)
    {
        try
        {
            HelpScoutInput.CheckOrganizationId(OrganizationId);
        }
        catch (CustomerToolsException e)
        {
            WriteError(e.ToErrorRecord());
            return;
        }

        long organization = OrganizationId;
        int firstPage = Budget.SkipWholePages(HelpScoutPaths.PageSize) + 1;
        var pages = new LinkedPages<HelpScoutListItem>(client.MembersPage(organization, firstPage), (page, context) => client.GetMembersPageAsync(page, organization, context));
        Listing.Run("Listing the customers of a Help Scout organization", pages, item => Seen.Add(item.Id), item => AddOrFetch(client, item));
    }

    /// <summary>A list item that is a whole customer is written; one that is only an id is fetched.</summary>
    private void AddOrFetch(HelpScoutClient client, HelpScoutListItem item)
    {
        if (item.Customer is { } customer)
        {
            Add(customer);
        }
        else
        {
            Start(item.Id, context => client.GetCustomerAsync(item.Id, context));
        }
    }
}
