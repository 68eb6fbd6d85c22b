using System;

namespace CustomerTools.Http;

/// <summary>What the shared HTTP layer needs to know about one service to word its errors.</summary>
internal sealed class ServiceProfile
{
    public ServiceProfile(string serviceName, Func<byte[], string?> readErrorText, string authenticationHint, string accessDeniedHint)
    {
        ServiceName = serviceName;
        ReadErrorText = readErrorText;
        AuthenticationHint = authenticationHint;
        AccessDeniedHint = accessDeniedHint;
    }

    public string ServiceName { get; }

    /// <summary>The service's own error text from an error body, or null. May throw on garbage.</summary>
    public Func<byte[], string?> ReadErrorText { get; }

    /// <summary>What to do after a 401, e.g. which command to run again.</summary>
    public string AuthenticationHint { get; }

    /// <summary>What to do after a 403, e.g. which role the key needs.</summary>
    public string AccessDeniedHint { get; }
}
