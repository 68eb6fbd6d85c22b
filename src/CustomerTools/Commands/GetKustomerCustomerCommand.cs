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
public sealed class GetKustomerCustomerCommand : GetCustomerCmdlet<KustomerConnection, KustomerCustomer>
{
    private const string ByIdSet = "Id";
    private const string ByExternalIdSet = "ExternalId";
    private const string ByPhoneSet = "Phone";
    private const string AllSet = "All";
    private const string SearchSet = "Search";

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

    /// <summary>Only customers updated at or after this time (any time zone; sent in UTC); oldest change first.</summary>
    [Parameter(ParameterSetName = SearchSet)]
    [Alias("ModifiedSince")]
    public DateTimeOffset UpdatedSince { get; set; }

    /// <summary>Only customers created at or after this time (any time zone; sent in UTC).</summary>
    [Parameter(ParameterSetName = SearchSet)]
    public DateTimeOffset CreatedSince { get; set; }

    /// <summary>Kustomer search criteria, as a hashtable or JSON text of an object.</summary>
    [Parameter(ParameterSetName = SearchSet)]
    [AllowNull]
    public object? Query { get; set; }

    /// <summary>Customers per page request: the list serves at most 100 (the default), a search 500 (its default).</summary>
    [Parameter(ParameterSetName = AllSet)]
    [Parameter(ParameterSetName = SearchSet)]
    [ValidateRange(1, int.MaxValue)]
    public int PageSize { get; set; }

    private protected override string ConnectCommandName => "Connect-Kustomer";

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
                SearchCustomers();
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
        int pageSize = PageSizeUpTo(KustomerClient.MaxPageSize, "the list");
        int firstPage = Budget.SkipWholePages(pageSize) + 1;
        KustomerClient client = Active.Client;
        Listing.Run("Listing Kustomer customers", new LinkedPages<KustomerCustomer>(client.ListPage(firstPage, pageSize), client.GetPageAsync), c => Seen.Add(c.Id), Add);
    }

    private void SearchCustomers()
    {
        bool hasQuery = IsGiven(nameof(Query));
        DateTimeOffset? updatedSince = IsGiven(nameof(UpdatedSince)) ? UpdatedSince : null;
        DateTimeOffset? createdSince = IsGiven(nameof(CreatedSince)) ? CreatedSince : null;
        KustomerSearchQuery query;
        try
        {
            query = KustomerSearchQuery.Create(updatedSince, createdSince, hasQuery, Query);
        }
        catch (CustomerToolsException e)
        {
            WriteError(e.ToErrorRecord());
            return;
        }

        int pageSize = PageSizeUpTo(KustomerSearchClient.MaxPageSize, "a search");
        Say(string.Format(CultureInfo.InvariantCulture, "Searching Kustomer for {0}, oldest change first, {1} a page.", query.Description, pageSize));

        // Errors name what the user asked for: the criteria, else the time.
        object? target = hasQuery ? Query : (object?)updatedSince ?? createdSince;
        int firstPage = Budget.SkipWholePages(pageSize, KustomerSearchClient.MaxPages - 1) + 1;
        var search = new KustomerSearchPages(Active.Search, query, pageSize, firstPage, target);
        Listing.Run("Searching Kustomer customers", search, c => Seen.Add(c.Id), Add);
    }

    /// <summary>-PageSize, or <paramref name="most"/> when not given or larger (said on -Verbose).</summary>
    private int PageSizeUpTo(int most, string what)
    {
        if (!IsGiven(nameof(PageSize)))
        {
            return most;
        }

        if (PageSize > most)
        {
            Say(string.Format(CultureInfo.InvariantCulture, "Kustomer serves at most {0} customers a page for {1}; asking for {0} instead of {2}.", most, what, PageSize));
            return most;
        }

        return PageSize;
    }
}
