using System;

namespace CustomerTools.Http;

/// <summary>How patient a connection is, and whose clock it reads: fixed when it is made.</summary>
internal sealed class ConnectionOptions
{
    public ConnectionOptions(TimeSpan timeout, int maxRetries, IClock? clock = null)
    {
        Timeout = timeout;
        MaxRetries = maxRetries;
        Clock = clock ?? SystemClock.Instance;
    }

    /// <summary>How long one attempt may take, headers and body.</summary>
    public TimeSpan Timeout { get; }

    public int MaxRetries { get; }

    /// <summary>Waits, pacing, retry times and token lifetimes all read it; tests give a fake one.</summary>
    public IClock Clock { get; }
}
