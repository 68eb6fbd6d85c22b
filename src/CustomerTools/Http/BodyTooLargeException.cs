using System;
using System.IO;

namespace CustomerTools.Http;

/// <summary>A response body larger than the HTTP layer accepts.</summary>
internal sealed class BodyTooLargeException : IOException
{
    public BodyTooLargeException(long limit)
        : base($"the body is larger than {limit / (1024 * 1024)} MiB")
    {
    }
}
