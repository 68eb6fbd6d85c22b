using Xunit;

namespace CustomerTools.Tests;

/// <summary>
/// Tests that give each request a short -TimeoutSec or time real waits: they run on their own,
/// after the parallel ones, so a busy two-core machine can't turn a slow answer into a timeout.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ShortTimeoutGroup
{
    public const string Name = "Serial: short timeouts";
}
