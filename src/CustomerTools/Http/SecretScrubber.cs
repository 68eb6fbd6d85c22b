using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace CustomerTools.Http;

/// <summary>
/// Takes credentials out of text that came from a service (error bodies, pages, reason phrases,
/// header values, redirect targets) before it reaches a message, a stream or a log, because a
/// service or a proxy may echo the request's own credentials. One per connection: the
/// authenticators register every secret they use (the API key, the app secret, every access token
/// the connection has held), which stay SecureStrings and are revealed only while text that could
/// hold them is scrubbed. Each secret goes whether it appears as itself or URL-, form-, JSON- or
/// HTML-encoded (or any mix of these); any <c>Bearer …</c> or <c>Basic …</c> credential goes too.
/// </summary>
internal sealed class SecretScrubber
{
    public const string Redacted = "[redacted]";

    // A secret cut off at the end of a text is redacted from this many characters on.
    private const int ShortestPartial = 4;

    // token68 (RFC 9110 §11.2), also URL-encoded or JSON-escaped; name=value is an auth-param
    // (WWW-Authenticate: Bearer realm="api", error=invalid_token), not a credential.
    private const string CredentialValue = @"[A-Za-z0-9\-._~+/%\\]";
    private static readonly Regex Credential = new(
        @"\b(?<scheme>Bearer|Basic)(?<gap>\s+|%20|\+)(?!\w+=(?:""|\w))(?<value>" + CredentialValue + "{8,}=*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex TrailingCredential = new(
        @"\b(?<scheme>Bearer|Basic)(?<gap>\s+|%20|\+)(?<value>" + CredentialValue + "*=*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private readonly object _gate = new();
    private readonly List<SecureString> _secrets = new();
    private int _shortest = int.MaxValue;

    /// <summary>Adds a secret to take out of every text from now on (a copy is kept).</summary>
    public void Register(SecureString secret)
    {
        if (secret.Length == 0)
        {
            return;
        }

        SecureString copy = secret.Copy();
        copy.MakeReadOnly();
        lock (_gate)
        {
            _secrets.Add(copy);
            _shortest = Math.Min(_shortest, copy.Length);
        }
    }

    /// <summary>The text with every secret and credential in it replaced by <see cref="Redacted"/>.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public string? Scrub(string? text) => text is null ? null : Scrub(text, truncated: false);

    /// <summary>
    /// Scrubs <paramref name="text"/>, then shortens it to <paramref name="max"/> characters.
    /// <paramref name="truncated"/> says the text was already cut before (a body read only in
    /// part); a secret or credential that a cut leaves at the end in part is redacted too.
    /// </summary>
    public string ScrubAndCut(string text, int max, bool truncated)
    {
        string scrubbed = Scrub(text, truncated);
        if (scrubbed.Length <= max)
        {
            return scrubbed;
        }

        // Never cut a marker in two; scrubbing first means no secret is left for the cut to split.
        int cut = max;
        int marker = scrubbed.IndexOf(Redacted, Math.Max(0, max - Redacted.Length + 1), StringComparison.Ordinal);
        if (marker >= 0 && marker < max)
        {
            cut = marker + Redacted.Length;
        }

        return scrubbed.Substring(0, cut).TrimEnd() + "…";
    }

    private static string CredentialRedacted(Match match)
    {
        // A word after "Basic" or "Bearer" in prose ("Basic settings") is not a credential.
        string value = match.Groups["value"].Value;
        bool tokenLike = value.Any(c => char.IsDigit(c) || char.IsUpper(c) || c is '-' or '.' or '_' or '~' or '+' or '/' or '%' or '\\' or '=');
        return tokenLike ? match.Groups["scheme"].Value + match.Groups["gap"].Value + Redacted : match.Value;
    }

    // One character of a secret as it may appear in a text: as itself, percent-encoded (its UTF-8
    // bytes), form-encoded, JSON-escaped or as an HTML character reference. Any mix of these
    // matches, in upper or lower case.
    private static string CharacterPattern(char c)
    {
        var forms = new List<string> { Regex.Escape(c.ToString()), Regex.Escape(string.Format(CultureInfo.InvariantCulture, "\\u{0:x4}", (int)c)) };
        if (!char.IsSurrogate(c))
        {
            forms.Add(string.Concat(Encoding.UTF8.GetBytes(c.ToString()).Select(b => string.Format(CultureInfo.InvariantCulture, "%{0:x2}", b))));
        }

        forms.Add(string.Format(CultureInfo.InvariantCulture, "&#0*{0};|&#x0*{0:x};", (int)c));
        switch (c)
        {
            case ' ':
                forms.Add("\\+");
                break;
            case '"' or '\\' or '/':
                forms.Add(Regex.Escape("\\" + c));
                break;
        }

        if (WebUtility.HtmlEncode(c.ToString()) is { Length: > 1 } named && named[1] != '#')
        {
            forms.Add(Regex.Escape(named));
        }

        return "(?:" + string.Join("|", forms) + ")";
    }

    // The secret in any encoding; with atLeast, instead any start of it from that many characters
    // on that ends the text (a body read only in part).
    private static string SecretPattern(string secret, int? atLeast = null)
    {
        string[] characters = secret.Select(CharacterPattern).ToArray();
        if (atLeast is not { } minimum)
        {
            return string.Concat(characters);
        }

        var tail = new StringBuilder();
        for (int i = characters.Length - 2; i >= minimum; i--)
        {
            tail.Insert(0, "(?:" + characters[i]).Append(")?");
        }

        return string.Concat(characters.Take(minimum)) + tail + "$";
    }

    private static string RedactTrailingPartial(string text, string[] secrets)
    {
        foreach (string secret in secrets.Where(s => s.Length > ShortestPartial))
        {
            Match partial = Regex.Match(text, SecretPattern(secret, ShortestPartial), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            if (partial.Success)
            {
                return text.Substring(0, partial.Index) + Redacted;
            }
        }

        Match credential = TrailingCredential.Match(text);
        return credential.Success && credential.Groups["value"].Length > 0
            ? text.Substring(0, credential.Index) + credential.Groups["scheme"].Value + credential.Groups["gap"].Value + Redacted
            : text;
    }

    private string Scrub(string text, bool truncated)
    {
        string result = Credential.Replace(text, CredentialRedacted);
        SecureString[] secrets;
        lock (_gate)
        {
            // Too short to hold any secret in any form: nothing to reveal them for.
            if (!truncated && result.Length < _shortest)
            {
                return result;
            }

            secrets = _secrets.ToArray();
        }

        if (secrets.Length == 0)
        {
            return truncated ? RedactTrailingPartial(result, Array.Empty<string>()) : result;
        }

        // Longest first, so that a secret holding a shorter one is taken out whole.
        string[] plain = secrets.Select(Secrets.Reveal).Distinct(StringComparer.Ordinal).OrderByDescending(p => p.Length).ToArray();
        string pattern = string.Join("|", plain.Select(p => SecretPattern(p)));
        result = Regex.Replace(result, pattern, Redacted, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return truncated ? RedactTrailingPartial(result, plain) : result;
    }
}
