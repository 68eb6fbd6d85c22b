using System;

namespace CustomerTools.Http;

/// <summary>How far one logical request has come: where it goes now, and the retries, redirects and renewal it took.</summary>
internal sealed class SendCourse
{
    public SendCourse(Uri uri)
    {
        Uri = uri;
    }

    public Uri Uri { get; private set; }

    public int Retries { get; private set; }

    public int Redirects { get; private set; }

    public bool Renewed { get; private set; }

    public void Redirected(Uri to)
    {
        Uri = to;
        Redirects++;
    }

    public void RenewedCredential() => Renewed = true;

    public void Retried() => Retries++;
}
