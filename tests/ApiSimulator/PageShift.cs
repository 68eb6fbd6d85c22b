namespace CustomerTools.ApiSimulator;

/// <summary>
/// A lever that moves records between pages while a client pages through a listing, once: when
/// <see cref="AfterPages"/> pages of its route have been served, before the next one is answered,
/// <see cref="Insert"/> copies of the record now first in that request's order are put in front
/// under new ids that sort before every other id (page N's last records move onto page N+1), and
/// (Kustomer search only) the <see cref="Update"/> matching records earliest in change order get a
/// change time later than every other customer's (they leave the front for the end).
/// </summary>
public sealed class PageShift
{
    public PageShift(int afterPages, int insert, int update = 0)
    {
        AfterPages = afterPages;
        Insert = insert;
        Update = update;
    }

    public int AfterPages { get; }

    public int Insert { get; }

    public int Update { get; }

    /// <summary>Whether it has shifted the pages yet.</summary>
    public bool Fired { get; private set; }

    /// <summary>True once, on the first request after <see cref="AfterPages"/> pages were served.</summary>
    internal bool TakeTurn(int pagesServed)
    {
        if (Fired || pagesServed < AfterPages)
        {
            return false;
        }

        Fired = true;
        return true;
    }
}
