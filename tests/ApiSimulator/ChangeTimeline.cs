using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerTools.ApiSimulator;

/// <summary>
/// When each generated customer was created and last changed, spread in time so that list order
/// (by index) differs from change order: customer i changed at <c>Origin + Rank(i) × Step</c>, with
/// <c>Rank(i) = (i × Multiplier) mod Count</c>, a fixed permutation of 0..Count-1. Optionally a
/// tie group (a bulk import): every customer whose rank lies in [TieStart, TieStart + TieCount)
/// shares the time of rank TieStart. Customer i was created at <c>Origin - (Count - i) × Step</c>:
/// in index order and before any change, so a created-since bound selects other customers than a
/// changed-since one. Both stores use it; tests build their oracle from these same methods.
/// </summary>
public sealed class ChangeTimeline
{
    /// <summary>The origin when none is given: 2025-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultOrigin = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public ChangeTimeline(int count, TimeSpan step, DateTimeOffset? origin = null, int tieStart = 0, int tieCount = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(tieStart);
        ArgumentOutOfRangeException.ThrowIfNegative(tieCount);
        if (tieCount > 0 && tieStart + tieCount > count)
        {
            throw new ArgumentOutOfRangeException(nameof(tieCount), "The tie group must lie within the ranks 0..count-1.");
        }

        Count = count;
        Step = step;
        Origin = origin ?? DefaultOrigin;
        TieStart = tieStart;
        TieCount = tieCount;
        Multiplier = CoprimeNear(count, (long)Math.Round(count * 0.618));
    }

    public int Count { get; }

    public DateTimeOffset Origin { get; }

    public TimeSpan Step { get; }

    /// <summary>First rank of the tie group (meaningful when <see cref="TieCount"/> &gt; 0).</summary>
    public int TieStart { get; }

    /// <summary>How many customers share one change time; 0 for none.</summary>
    public int TieCount { get; }

    /// <summary>The factor of the rank permutation: coprime to <see cref="Count"/>, near 0.618 × Count so neighbours scatter.</summary>
    public long Multiplier { get; }

    /// <summary>The change time the tie group shares.</summary>
    public DateTimeOffset TieAt => Origin + (Step * TieStart);

    /// <summary>Position of generated customer <paramref name="index"/> in change order (before ties are merged).</summary>
    public int Rank(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return (int)(index * Multiplier % Count);
    }

    public DateTimeOffset UpdatedAt(int index)
    {
        int rank = Rank(index);
        bool tied = TieCount > 0 && rank >= TieStart && rank < TieStart + TieCount;
        return Origin + (Step * (tied ? TieStart : rank));
    }

    public DateTimeOffset CreatedAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Origin - (Step * (Count - index));
    }

    /// <summary>
    /// The generated customers changed at or after <paramref name="since"/>, oldest change first,
    /// ties by index (which is id order in both services).
    /// </summary>
    public IReadOnlyList<int> IndicesChangedSince(DateTimeOffset since) =>
        Enumerable.Range(0, Count).Where(i => UpdatedAt(i) >= since).OrderBy(UpdatedAt).ThenBy(i => i).ToArray();

    /// <summary>The generated customers created at or after <paramref name="since"/>, in index order.</summary>
    public IReadOnlyList<int> IndicesCreatedSince(DateTimeOffset since) =>
        Enumerable.Range(0, Count).Where(i => CreatedAt(i) >= since).ToArray();

    private static long CoprimeNear(int count, long start)
    {
        long candidate = Math.Max(1, start);
        while (Gcd(candidate, count) != 1)
        {
            candidate++;
        }

        return candidate;
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
