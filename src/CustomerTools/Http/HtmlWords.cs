using System.Net;
using System.Text.RegularExpressions;

namespace CustomerTools.Http;

/// <summary>
/// The words of a page a proxy, gateway or login screen sent instead of the API's JSON: what a
/// user reads in a browser, for an error message.
/// </summary>
internal static class HtmlWords
{
    private static readonly Regex Hidden = new(@"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // Tags that break a line in a browser become a space; others (b, span, a…) join their text.
    private static readonly Regex Block = new(@"</?(?:p|div|br|li|ul|ol|tr|td|th|table|h[1-6]|title|body|html|head|header|footer|section|article|main|nav|pre|hr|center|blockquote|dl|dt|dd)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex Tag = new("<[^>]*>", RegexOptions.CultureInvariant);
    private static readonly Regex Space = new(@"\s+", RegexOptions.CultureInvariant);

    /// <summary>Tags and scripts stripped, entities decoded, whitespace collapsed.</summary>
    public static string FromHtml(string html) =>
        Collapse(WebUtility.HtmlDecode(Tag.Replace(Block.Replace(Hidden.Replace(html, " "), " "), string.Empty)));

    public static string Collapse(string text) => Space.Replace(text, " ").Trim();
}
