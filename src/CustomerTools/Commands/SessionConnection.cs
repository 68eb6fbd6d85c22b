using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace CustomerTools.Commands;

/// <summary>
/// The connection each PowerShell session (runspace) uses by default, one per service type.
/// Read and written on the pipeline thread, where <see cref="Runspace.DefaultRunspace"/> is the
/// command's own session; never a process-wide static.
/// </summary>
internal static class SessionConnection<TConnection>
    where TConnection : ServiceConnection
{
    private static readonly ConditionalWeakTable<Runspace, Slot> Slots = new();

    public static TConnection? Current
    {
        get => Runspace.DefaultRunspace is { } runspace && Slots.TryGetValue(runspace, out Slot? slot) ? slot.Connection : null;
        set
        {
            if (Runspace.DefaultRunspace is { } runspace)
            {
                Slots.GetOrCreateValue(runspace).Connection = value;
            }
        }
    }

    /// <summary>Closes <paramref name="connection"/>, or the session's; the session forgets it.</summary>
    public static TConnection? Disconnect(TConnection? connection)
    {
        TConnection? current = Current;
        TConnection? closing = connection ?? current;
        if (closing is not null && ReferenceEquals(closing, current))
        {
            Current = null;
        }

        closing?.Close();
        return closing;
    }

    private sealed class Slot
    {
        public TConnection? Connection { get; set; }
    }
}
