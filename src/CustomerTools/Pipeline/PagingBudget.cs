using System;
using System.Management.Automation;

namespace CustomerTools.Pipeline;

/// <summary>
/// The one owner of -Skip, -First and -IncludeTotalCount (SupportsPaging): which records are
/// written, which whole pages need never be fetched, when a listing has queued enough, and the
/// total count, written once.
/// </summary>
internal sealed class PagingBudget
{
    private readonly PagingParameters? _paging;
    private readonly ulong _firstGiven;
    private ulong _skipLeft;
    private ulong _firstLeft;
    private ulong _queued;
    private bool _totalReported;

    public PagingBudget(PagingParameters? paging)
    {
        _paging = paging;
        _skipLeft = paging?.Skip ?? 0;
        _firstGiven = _firstLeft = paging?.First ?? ulong.MaxValue;
    }

    private bool Unlimited => _firstGiven == ulong.MaxValue;

    /// <summary>Whether -First is met: nothing more needs a request.</summary>
    public bool IsMet => _firstLeft == 0;

    /// <summary>
    /// For listings that can start at any page: takes the whole pages out of -Skip and returns
    /// their number, so that they are never fetched. At most <paramref name="maxPages"/>.
    /// </summary>
    public int SkipWholePages(int pageSize, int maxPages = int.MaxValue - 1)
    {
        ulong pages = Math.Min(_skipLeft / (ulong)pageSize, (ulong)maxPages);
        _skipLeft -= pages * (ulong)pageSize;
        return (int)pages;
    }

    /// <summary>For a listing, before it queues a record: true (and counted) while -Skip passes records over.</summary>
    public bool Skips()
    {
        if (_skipLeft == 0)
        {
            return false;
        }

        _skipLeft--;
        return true;
    }

    /// <summary>For a listing: whether it may queue one more record (and counts it if so).</summary>
    public bool TryQueue()
    {
        if (!Unlimited && _queued >= _firstGiven)
        {
            return false;
        }

        _queued++;
        return true;
    }

    /// <summary>Whether a listing needs more than the <paramref name="pageItems"/> records of the page in hand.</summary>
    public bool WantsMoreThan(int pageItems) =>
        Unlimited || (ulong)pageItems < _skipLeft + (_firstGiven - _queued);

    /// <summary>Just before a record is written: whether it is (counted against -Skip, then -First).</summary>
    public bool Admit()
    {
        if (_skipLeft > 0)
        {
            _skipLeft--;
            return false;
        }

        if (_firstLeft == 0)
        {
            return false;
        }

        if (!Unlimited)
        {
            _firstLeft--;
        }

        return true;
    }

    /// <summary>The -IncludeTotalCount object, once: the service's count, else "unknown"; null when not asked or written already.</summary>
    public PSObject? TakeTotalCount(long? total)
    {
        if (_totalReported || _paging is not { IncludeTotalCount.IsPresent: true } paging)
        {
            return null;
        }

        _totalReported = true;
        return total is { } known ? paging.NewTotalCount((ulong)known, 1.0) : paging.NewTotalCount(0, 0.0);
    }
}
