using System;
using System.Runtime.InteropServices;
using System.Security;

namespace CustomerTools.Http;

/// <summary>
/// Secrets stay <see cref="SecureString"/>s; this is the one place that decodes one, at the moment
/// a header or form field is built, and the one place that makes one from plain text.
/// </summary>
internal static class Secrets
{
    public static string Reveal(SecureString secret)
    {
        IntPtr plain = Marshal.SecureStringToGlobalAllocUnicode(secret);
        try
        {
            return Marshal.PtrToStringUni(plain, secret.Length);
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(plain);
        }
    }

    public static SecureString Protect(ReadOnlySpan<char> plain)
    {
        var secret = new SecureString();
        foreach (char c in plain)
        {
            secret.AppendChar(c);
        }

        secret.MakeReadOnly();
        return secret;
    }
}
