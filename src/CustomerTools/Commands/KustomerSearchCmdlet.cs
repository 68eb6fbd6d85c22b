using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading.Tasks;
using CustomerTools.Http;
using CustomerTools.Kustomer;
using CustomerTools.Pipeline;

namespace CustomerTools.Commands;

/// <summary>
/// What Get-KustomerCustomer and Get-KustomerCompany share: the Search set (-UpdatedSince,
/// -CreatedSince, -Query, -IncludeDeleted, any of which selects it), -PageSize, and one search
/// run over <see cref="KustomerSearchPages{T}"/> and the lists, whose subject says whether it finds customers or
/// companies.
/// </summary>
public abstract class KustomerSearchCmdlet<TOutput> : ServiceCmdlet<KustomerConnection, TOutput>
{
    private protected const string AllSet = "All";
    private protected const string SearchSet = "Search";

    private protected KustomerSearchCmdlet()
    {
    }

    /// <summary>Only records updated at or after this time (any time zone; sent in UTC); oldest change first.</summary>
    [Parameter(ParameterSetName = SearchSet)]
    [Alias("ModifiedSince")]
    public DateTimeOffset UpdatedSince { get; set; }

    /// <summary>Only records created at or after this time (any time zone; sent in UTC).</summary>
    [Parameter(ParameterSetName = SearchSet)]
    public DateTimeOffset CreatedSince { get; set; }

    /// <summary>Kustomer search criteria, as a hashtable or JSON text of an object.</summary>
    [Parameter(ParameterSetName = SearchSet)]
    [AllowNull]
    public object? Query { get; set; }

    /// <summary>Deleted records too, with Deleted true (a sync's tombstones); alone, it searches everyone.</summary>
    [Parameter(ParameterSetName = SearchSet)]
    public SwitchParameter IncludeDeleted { get; set; }

    /// <summary>Records per page request: the lists serve at most 100 (the default), a search 500 (its default).</summary>
    [Parameter(ParameterSetName = AllSet)]
    [Parameter(ParameterSetName = SearchSet)]
    [ValidateRange(1, int.MaxValue)]
    public int PageSize { get; set; }

    private protected override string ConnectCommandName => "Connect-Kustomer";

    /// <summary>The Search set: one search of <paramref name="subject"/>, continued past the 100-page cap.</summary>
    private protected void Search<T>(KustomerSearchSubject<T> subject, Func<T, string> id)
        where T : TOutput
    {
        bool hasQuery = IsGiven(nameof(Query));
        DateTimeOffset? updatedSince = IsGiven(nameof(UpdatedSince)) ? UpdatedSince : null;
        DateTimeOffset? createdSince = IsGiven(nameof(CreatedSince)) ? CreatedSince : null;
        KustomerSearchQuery query;
        try
        {
            query = KustomerSearchQuery.Create(updatedSince, createdSince, hasQuery, Query, IncludeDeleted, subject.Context);
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
        var pages = new KustomerSearchPages<T>(Active.Search, subject, query, pageSize, firstPage, target);
        string plural = subject.Context.Plural;
        Listing.Run("Searching Kustomer " + plural, pages, r => Seen.Add(id(r)), r => Add(r), plural);
    }

    /// <summary>The All set (and a name filter): the list from the page -Skip reaches, <paramref name="pageAt"/>(page, size) giving a page's address.</summary>
    private protected void List<T>(string plural, Func<int, int, Uri> pageAt, Func<Uri, RequestContext, Task<ListPage<T>>> fetch, Func<T, string> id)
        where T : TOutput
    {
        int pageSize = PageSizeUpTo(KustomerClient.MaxPageSize, "the list");
        int firstPage = Budget.SkipWholePages(pageSize) + 1;
        Listing.Run("Listing Kustomer " + plural, new LinkedPages<T>(pageAt(firstPage, pageSize), fetch), r => Seen.Add(id(r)), r => Add(r), plural);
    }

    /// <summary>-PageSize, or <paramref name="most"/> when not given or larger (said on -Verbose).</summary>
    private protected int PageSizeUpTo(int most, string what)
    {
        if (!IsGiven(nameof(PageSize)))
        {
            return most;
        }

        if (PageSize > most)
        {
            Say(string.Format(CultureInfo.InvariantCulture, "Kustomer serves at most {0} a page for {1}; asking for {0} instead of {2}.", most, what, PageSize));
            return most;
        }

        return PageSize;
    }
}
