using System;
using System.Management.Automation;
using CustomerTools.HelpScout;
using CustomerTools.Pipeline;

namespace CustomerTools.Commands;

/// <summary>
/// Get-HelpScoutOrganization: organizations by id, those of piped customers (each once, however
/// many customers share it), or all of them page by page. -Id binds by value only, so that a piped
/// customer's own Id is never taken for an organization's.
/// </summary>
[Cmdlet(VerbsCommon.Get, "HelpScoutOrganization", DefaultParameterSetName = ByIdSet, SupportsPaging = true)]
[OutputType(typeof(HelpScoutOrganization))]
public sealed class GetHelpScoutOrganizationCommand : ServiceCmdlet<HelpScoutConnection, HelpScoutOrganization>
{
    private const string ByIdSet = "Id";
    private const string ByCustomerSet = "InputObject";
    private const string AllSet = "All";

    /// <summary>Help Scout organization ids (positive whole numbers).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ByIdSet)]
    [AllowEmptyCollection]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>Customers (from Get-HelpScoutCustomer) whose organizations to get, by their OrganizationId.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ByCustomerSet)]
    [AllowNull]
    [AllowEmptyCollection]
    public HelpScoutCustomer?[]? InputObject { get; set; }

    /// <summary>Every organization of the account, page by page.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    /// <summary>The order of -All (Help Scout's sort); without it, the service's own (latest interaction first).</summary>
    [Parameter(ParameterSetName = AllSet)]
    [ValidateSet("Name", "CustomerCount", "ConversationCount", "LastInteractionAt")]
    public string? SortBy { get; set; }

    /// <summary>With -SortBy: largest, latest or last in the alphabet first.</summary>
    [Parameter(ParameterSetName = AllSet)]
    public SwitchParameter Descending { get; set; }

    /// <summary>Also the organization's CustomerCount and ConversationCount.</summary>
    [Parameter]
    public SwitchParameter IncludeCounts { get; set; }

    private protected override string ConnectCommandName => "Connect-HelpScout";

    protected override void ProcessRecord()
    {
        HelpScoutClient client = Active.Client;
        bool counts = IncludeCounts;
        switch (ParameterSetName)
        {
            case ByIdSet:
                foreach (long id in Id)
                {
                    StartOnce(id, context => client.GetOrganizationAsync(id, counts, context));
                }

                break;
            case ByCustomerSet:
                foreach (HelpScoutCustomer? customer in InputObject ?? Array.Empty<HelpScoutCustomer?>())
                {
                    if (customer?.OrganizationId is not { } organization)
                    {
                        PassOver(customer, "organization");
                        continue;
                    }

                    StartOnce(organization, context => client.GetOrganizationAsync(organization, counts, context));
                }

                break;
            default:
                ListAll(client, counts);
                break;
        }

        WriteFinished();
    }

    private void ListAll(HelpScoutClient client, bool counts)
    {
        // Help Scout's sort is "field,direction", its fields camelCase (docs/api/related.md §1).
        string? sort = SortBy is { } by ? char.ToLowerInvariant(by[0]) + by.Substring(1) + (Descending ? ",desc" : ",asc") : null;
        if (sort is null && Descending)
        {
            Say("-Descending orders only with -SortBy; the organizations come in Help Scout's own order (latest interaction first).");
        }

        int firstPage = Budget.SkipWholePages(HelpScoutPaths.PageSize) + 1;
        var pages = new LinkedPages<HelpScoutOrganization>(client.OrganizationsPage(firstPage, sort, counts), (page, context) => client.GetOrganizationsPageAsync(page, sort, counts, context));
        Listing.Run("Listing Help Scout organizations", pages, o => Seen.Add(o.Id), Add, "organizations");
    }
}
