using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CustomerTools.Http;

/// <summary>Reading an answer's body on both frameworks.</summary>
internal static class ResponseBody
{
    public static Task<Stream> OpenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
#if NET
        return response.Content.ReadAsStreamAsync(cancellationToken);
#else
        // Cancellation reaches the read through the response's disposal (see ApiHttpClient.SendAsync).
        return response.Content.ReadAsStreamAsync();
#endif
    }

    /// <summary>The first <paramref name="max"/> bytes, and whether the body goes on beyond them.</summary>
    public static async Task<(byte[] Bytes, bool Truncated)> ReadStartAsync(HttpResponseMessage response, int max, CancellationToken cancellationToken)
    {
        using Stream stream = await OpenAsync(response, cancellationToken).ConfigureAwait(false);
        var buffer = new byte[max + 1];
        int length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        bool truncated = length > max;
        Array.Resize(ref buffer, Math.Min(length, max));
        return (buffer, truncated);
    }
}
