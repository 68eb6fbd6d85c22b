using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using CustomerTools.HelpScout;
using CustomerTools.Http;
using CustomerTools.Kustomer;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>The scrubber and the service texts it cleans, without a session: every form a secret can take.</summary>
public sealed class ServiceTextScrubberTests
{
    // Characters every encoding treats differently: space, plus, slash, equals, quote, ampersand, angle brackets, a non-ASCII letter.
    private const string Secret = "Kx9 +/=\"&<>ü-key-0123456789";
    private readonly SecretScrubber _scrubber = new();

    public ServiceTextScrubberTests()
    {
        _scrubber.Register(PowerShellSession.Secure(Secret));
    }

    public static TheoryData<string> Forms() => new()
    {
        Secret,
        Uri.EscapeDataString(Secret),
        Uri.EscapeDataString(Secret).ToLowerInvariant(),
        WebUtility.UrlEncode(Secret),
        JsonEncodedText.Encode(Secret).Value,
        WebUtility.HtmlEncode(Secret),
        Secret.Replace("\"", "\\\"", StringComparison.Ordinal).Replace("ü", "\\u00fc", StringComparison.Ordinal),
        Secret.Replace(" ", "%20", StringComparison.Ordinal).Replace("ü", "&#xFC;", StringComparison.Ordinal),
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_form_of_a_registered_secret_is_redacted(string form)
    {
        string scrubbed = _scrubber.Scrub($"the service said: {form}, twice: {form}.")!;

        Assert.Equal("the service said: [redacted], twice: [redacted].", scrubbed);
    }

    [Fact]
    public void Every_secret_registered_is_redacted_not_only_the_latest()
    {
        _scrubber.Register(PowerShellSession.Secure("hs-token-renewed-away-0001"));
        _scrubber.Register(PowerShellSession.Secure("hs-token-current-0002"));

        Assert.Equal("old [redacted] new [redacted]", _scrubber.Scrub("old hs-token-renewed-away-0001 new hs-token-current-0002"));
    }

    [Theory]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x", "Authorization: Bearer [redacted]")]
    [InlineData("\"authorization\":\"bearer abc.def-0123456789\"", "\"authorization\":\"bearer [redacted]\"")]
    [InlineData("Proxy-Authorization: Basic dXNlcjpwYXNzd29yZA==", "Proxy-Authorization: Basic [redacted]")]
    [InlineData("header=Bearer%20sk_live_0123456789abcdef", "header=Bearer%20[redacted]")]
    [InlineData("Help Scout's Basic plan has no API", "Help Scout's Basic plan has no API")]
    [InlineData("Use Basic authentication or Bearer tokens", "Use Basic authentication or Bearer tokens")]
    [InlineData("WWW-Authenticate: Bearer realm=\"api\", error=\"invalid_token\"", "WWW-Authenticate: Bearer realm=\"api\", error=\"invalid_token\"")]
    public void Any_Bearer_or_Basic_credential_is_redacted_but_prose_is_left_alone(string text, string expected) =>
        Assert.Equal(expected, new SecretScrubber().Scrub(text));

    [Fact]
    public void A_secret_cut_off_at_the_end_of_a_body_read_in_part_is_redacted_too()
    {
        string cutOff = "your key is " + Secret.Substring(0, 9);

        Assert.Equal("your key is [redacted]", _scrubber.ScrubAndCut(cutOff, 500, truncated: true));
        Assert.Equal("Authorization: Bearer [redacted]", new SecretScrubber().ScrubAndCut("Authorization: Bearer eyJh", 500, truncated: true));
    }

    [Fact]
    public void Scrubbing_comes_before_the_cut_and_a_cut_never_splits_a_marker()
    {
        string text = new string('x', 490) + Secret + new string('y', 100);

        string shown = _scrubber.ScrubAndCut(text, 495, truncated: false);

        Assert.Equal(new string('x', 490) + "[redacted]…", shown);
    }

    [Fact]
    public void Html_pages_give_their_words_decoded_then_scrubbed()
    {
        // The key's first letter as an entity: decoding comes first, so it is still found.
        string page = "<!DOCTYPE html><html><head><title>Proxy error</title><style>p{color:red}</style></head>"
            + "<body><h1>403   Forbidden</h1><p>Request with <b>Authorization</b> &#75;" + WebUtility.HtmlEncode(Secret.Substring(1)) + " refused.</p>"
            + "<script>var token = 'x';</script><!-- upstream: 10.0.0.7 --></body></html>";

        string? text = ErrorBodyQuote.From(Encoding.UTF8.GetBytes(page), truncated: false, "text/html", KustomerProfile.Profile("US"), _scrubber);

        Assert.Equal("Proxy error 403 Forbidden Request with Authorization [redacted] refused.", text);
    }

    [Fact]
    public void A_page_cut_off_inside_a_secret_shows_no_part_of_it()
    {
        // Mostly markup: 64 KiB of it leaves only a few words, ending in the first half of the key.
        string page = "<div>" + string.Concat(Enumerable.Repeat("<span></span>", 6000)) + "token " + Secret;
        byte[] body = Encoding.UTF8.GetBytes(page);
        int cut = Encoding.UTF8.GetByteCount(page.Substring(0, page.Length - Secret.Length + 10));

        string? text = ErrorBodyQuote.From(body.Take(cut).ToArray(), truncated: true, "text/html", KustomerProfile.Profile("US"), _scrubber);

        Assert.Equal("token [redacted]", text);
    }

    [Fact]
    public void Json_error_bodies_are_read_in_each_services_shape_then_scrubbed()
    {
        string vndError = """{"logRef":"7#1","message":"Bad request","_embedded":{"errors":[{"path":"Authorization","message":"Malformed","rejectedValue":{"raw":"Bearer """ + JsonEncodedText.Encode(Secret).Value + "\"}}]}}";
        string oauth = """{"error":"invalid_client","error_description":"unknown secret """ + JsonEncodedText.Encode(Secret).Value + "\"}";
        string kustomer = """{"errors":[{"status":400,"message":"bad key """ + JsonEncodedText.Encode(Secret).Value + "\"}]}";

        string? fieldError = ErrorBodyQuote.From(Encoding.UTF8.GetBytes(vndError), false, "application/vnd.error+json", HelpScoutProfile.Profile, _scrubber);
        string? description = ErrorBodyQuote.From(Encoding.UTF8.GetBytes(oauth), false, "application/json", HelpScoutProfile.Profile, _scrubber);
        string? message = ErrorBodyQuote.From(Encoding.UTF8.GetBytes(kustomer), false, null, KustomerProfile.Profile("US"), _scrubber);

        Assert.Equal("""Bad request; Authorization: Malformed (rejected {"raw":"Bearer [redacted]"}) (logRef 7#1)""", fieldError);
        Assert.Equal("invalid_client: unknown secret [redacted]", description);
        Assert.Equal("bad key [redacted]", message);
    }

    [Fact]
    public void Plain_text_is_collapsed_and_capped_and_other_types_give_no_text()
    {
        string? text = ErrorBodyQuote.From(Encoding.UTF8.GetBytes("Upstream\r\n  timed out " + new string('.', 400)), false, "text/plain", KustomerProfile.Profile("US"), _scrubber);

        Assert.StartsWith("Upstream timed out ...", text, StringComparison.Ordinal);
        Assert.True(text!.Length <= 201, text);
        Assert.Null(ErrorBodyQuote.From(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, false, "image/png", KustomerProfile.Profile("US"), _scrubber));
    }
}
