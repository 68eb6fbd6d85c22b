using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace CustomerTools.Pipeline;

/// <summary>
/// The customer ids one command has written, so that a listing never writes a customer twice
/// when the service's pages shift under it. Kept small: a Kustomer id (24 hex characters) is held
/// as its 12 bytes, a Help Scout id as a long, so a customer costs about 24 bytes here
/// (CustomerIdSetTests measures it); any other id is kept as its string.
/// </summary>
internal sealed class CustomerIdSet
{
    private readonly HashSet<ObjectId> _objectIds = new();
    private readonly HashSet<long> _numbers = new();
    private HashSet<string>? _others;

    public int Count => _objectIds.Count + _numbers.Count + (_others?.Count ?? 0);

    /// <summary>True the first time <paramref name="id"/> is added.</summary>
    public bool Add(string id) =>
        ObjectId.TryParse(id, out ObjectId packed)
            ? _objectIds.Add(packed)
            : (_others ??= new HashSet<string>(StringComparer.Ordinal)).Add(id);

    /// <summary>True the first time <paramref name="id"/> is added.</summary>
    public bool Add(long id) => _numbers.Add(id);

    /// <summary>A 24-hex-character id in 12 bytes; packed to 4-byte alignment so it takes no more.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly struct ObjectId : IEquatable<ObjectId>
    {
        private readonly ulong _high;
        private readonly uint _low;

        private ObjectId(ulong high, uint low)
        {
            _high = high;
            _low = low;
        }

        // Lower-case and upper-case spellings are the same id, as Kustomer treats them.
        public static bool TryParse(string id, out ObjectId packed)
        {
            packed = default;
            ulong high = 0;
            uint low = 0;
            if (id.Length != 24)
            {
                return false;
            }

            for (int i = 0; i < 24; i++)
            {
                int nibble = Nibble(id[i]);
                if (nibble < 0)
                {
                    return false;
                }

                if (i < 16)
                {
                    high = (high << 4) | (uint)nibble;
                }
                else
                {
                    low = (low << 4) | (uint)nibble;
                }
            }

            packed = new ObjectId(high, low);
            return true;
        }

        private static int Nibble(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };

        public bool Equals(ObjectId other) => _high == other._high && _low == other._low;

        public override bool Equals(object? obj) => obj is ObjectId other && Equals(other);

        public override int GetHashCode() => unchecked((int)_high ^ (int)(_high >> 32) ^ (int)(_low * 2654435761u));
    }
}
