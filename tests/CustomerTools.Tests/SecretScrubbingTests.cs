using System;
using System.Linq;
using System.Management.Automation;
using CustomerTools.ApiSimulator;
using CustomerTools.ApiSimulator.HelpScout;
using CustomerTools.ApiSimulator.Kustomer;
using CustomerTools.HelpScout;
using CustomerTools.Kustomer;
using Xunit;

using CustomerTools.TestKit;

namespace CustomerTools.Tests;

/// <summary>
/// Services and proxies that echo the request's credentials (scripted answers that repeat the
/// Authorization header or the token request's form): the module still quotes what they say,
/// with every secret as [redacted], in messages, $Error, every stream, ToString() and ErrorDetails.
/// </summary>
public sealed class SecretScrubbingTests : ModuleTest
{
    private const string Full = KustomerFixtures.FullId;
    private const string Sparse = KustomerFixtures.SparseId;
    private const string Streams = "-Verbose -Debug";

    public SecretScrubbingTests(SimulatorFixture fixture)
        : base(fixture)
    {
    }

    [Theory]
    [InlineData("{{header:Authorization}}")]
    [InlineData("{{header:Authorization|url}}")]
    [InlineData("{{header:Authorization|json}}")]
    public void A_Kustomer_400_that_echoes_the_Authorization_header_is_quoted_without_the_key(string echo)
    {
        ConnectKustomer();
        Sim.Script(new ScriptedAnswer { PathContains = Full, Status = 400, Body = """{"errors":[{"status":400,"code":"bad_request","message":"Malformed header: """ + echo + "\"}]}" });

        var result = Ps.Run($"Get-KustomerCustomer -Id {Full}, {Sparse} {Streams}");

        Assert.Equal(Sparse, Assert.Single(result.Objects<KustomerCustomer>()).Id);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("InvalidRequest,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("Malformed header: Bearer", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("[redacted]", error.Exception.Message, StringComparison.Ordinal);
        AssertNoSecret(result, KustomerStore.ValidKey);
    }

    [Fact]
    public void A_proxys_html_page_that_echoes_the_key_gives_its_words_without_the_key()
    {
        ConnectKustomer(more: "-MaxRetries 0");
        Sim.Script(new ScriptedAnswer
        {
            PathContains = Full,
            Status = 502,
            ContentType = "text/html; charset=utf-8",
            Body = "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>Upstream refused <code>{{header:Authorization|html}}</code></p><hr><center>corp-proxy</center></body></html>",
        });

        var result = Ps.Run($"Get-KustomerCustomer -Id {Full} {Streams}");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ServiceError,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("502 Bad Gateway Bad Gateway Upstream refused Bearer [redacted] corp-proxy", error.Exception.Message, StringComparison.Ordinal);
        AssertNoSecret(result, KustomerStore.ValidKey);
    }

    [Fact]
    public void A_login_page_instead_of_json_is_quoted_without_the_key()
    {
        ConnectKustomer();
        Sim.Script(new ScriptedAnswer { PathContains = Full, Status = 200, ContentType = "text/html", Body = "<!DOCTYPE html><html><body><p>Sign in to continue. Your session: {{header:Authorization}}</p></body></html>" });

        var result = Ps.Run($"Get-KustomerCustomer -Id {Full} {Streams}");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("InvalidResponse,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("a body of type text/html: Sign in to continue. Your session: Bearer [redacted]", error.Exception.Message, StringComparison.Ordinal);
        AssertNoSecret(result, KustomerStore.ValidKey);
    }

    [Fact]
    public void Echoing_headers_and_reason_phrases_reach_the_verbose_and_debug_streams_scrubbed()
    {
        ConnectKustomer(more: "-MaxRetries 1");
        Sim.Script(new ScriptedAnswer
        {
            PathContains = Full,
            Status = 503,
            Times = null,
            ReasonPhrase = "Unavailable for {{header:Authorization}}",
            Headers = { ["X-Echo-Authorization"] = "{{header:Authorization}}", ["Retry-After"] = "0" },
        });

        var result = Ps.Run($"Get-KustomerCustomer -Id {Full} {Streams}");

        Assert.StartsWith("ServiceError,", Assert.Single(result.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains(result.Verbose, v => v.Contains("-> 503 Unavailable for Bearer [redacted]", StringComparison.Ordinal));
        Assert.Contains(result.Verbose, v => v.StartsWith("Retry 1 of 1", StringComparison.Ordinal) && v.Contains("Unavailable for Bearer [redacted]", StringComparison.Ordinal));
        Assert.Contains(result.Debug, d => d.Contains("X-Echo-Authorization: Bearer [redacted]", StringComparison.Ordinal));
        Assert.Contains("503 Unavailable for Bearer [redacted]", result.Errors[0].Exception.Message, StringComparison.Ordinal);
        AssertNoSecret(result, KustomerStore.ValidKey);
    }

    [Fact]
    public void A_redirect_that_carries_the_key_is_followed_but_shown_scrubbed_and_a_foreign_one_by_host_only()
    {
        ConnectKustomer();
        Sim.Script(new ScriptedAnswer { PathContains = Full, Status = 302, Headers = { ["Location"] = $"/v1/customers/{Sparse}?access_token={{{{header:Authorization|url}}}}" } });
        Sim.Script(new ScriptedAnswer { PathContains = Sparse, Method = "GET", Status = 307, Headers = { ["Location"] = "http://proxy-user:{{header:Authorization|url}}@127.0.0.2:9/login?key={{header:Authorization|url}}" } });

        var followed = Ps.Run($"Get-KustomerCustomer -Id {Full} {Streams}");

        Assert.Contains(followed.Verbose, v => v.Contains($"v1/customers/{Sparse}?access_token=Bearer%20[redacted]", StringComparison.Ordinal));
        var error = Assert.Single(followed.Errors);
        Assert.StartsWith("InvalidResponse,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("on to http://127.0.0.2:9, away from", error.Exception.Message, StringComparison.Ordinal);
        AssertNoSecret(followed, KustomerStore.ValidKey);
    }

    [Fact]
    public void A_token_endpoint_that_echoes_the_form_fails_the_connect_without_the_secret()
    {
        Sim.Script(new ScriptedAnswer { PathContains = "/oauth2/token", Status = 400, Body = """{"error":"invalid_request","error_description":"Could not read {{body|json}}"}""" });

        var result = Ps.Run(
            $"Connect-HelpScout -ClientId '{HelpScoutStore.AppId}' -ClientSecret $secret -BaseUri '{Sim.BaseUri}' {Streams}",
            ("secret", PowerShellSession.Secure(HelpScoutStore.AppSecret)));

        Assert.NotNull(result.Fatal);
        Assert.StartsWith("AuthenticationFailed,", result.Fatal!.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("invalid_request: Could not read grant_type=client_credentials", result.Fatal.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("client_secret=[redacted]", result.Fatal.Exception.Message, StringComparison.Ordinal);
        AssertNoSecret(result, HelpScoutStore.AppSecret);
    }

    [Fact]
    public void Help_Scout_field_errors_that_echo_tokens_current_and_renewed_away_are_quoted_without_them()
    {
        ConnectHelpScout();
        string first = Assert.Single(Sim.HelpScout.Tokens().Issued);
        Sim.HelpScout.ExpireTokens();
        Assert.Single(Ps.Run($"Get-HelpScoutCustomer -Id {HelpScoutFixtures.FullId}").Objects<HelpScoutCustomer>());
        Assert.Equal(2, Sim.HelpScout.Tokens().Issued.Length);
        Sim.Script(new ScriptedAnswer
        {
            PathContains = $"/v2/customers/{HelpScoutFixtures.SparseId}",
            Status = 400,
            ContentType = "application/vnd.error+json",
            Body = """{"logRef":"1f0c#3","message":"Bad request","_embedded":{"errors":[{"path":"Authorization","message":"Token mismatch (was """ + first + """)","rejectedValue":{"header":"{{header:Authorization|json}}"}}]}}""",
        });

        var result = Ps.Run($"Get-HelpScoutCustomer -Id {HelpScoutFixtures.SparseId} {Streams}");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("InvalidRequest,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("""Authorization: Token mismatch (was [redacted]) (rejected {"header":"Bearer [redacted]"}) (logRef 1f0c#3)""", error.Exception.Message, StringComparison.Ordinal);
        AssertNoSecret(result, Sim.HelpScout.Tokens().Issued.Append(HelpScoutStore.AppSecret).ToArray());
    }

    [Fact]
    public void An_access_token_echoed_by_a_proxys_page_is_not_shown()
    {
        string token = Sim.HelpScout.IssueToken();
        Assert.Null(Ps.Run($"Connect-HelpScout -AccessToken $token -BaseUri '{Sim.BaseUri}' -MaxRetries 0", ("token", PowerShellSession.Secure(token))).Fatal);
        Sim.Script(new ScriptedAnswer { PathContains = "/v2/customers/", Status = 503, ContentType = "text/plain", Body = "upstream connect error; request headers were:\n  authorization: {{header:Authorization}}\n" });

        var result = Ps.Run($"Get-HelpScoutCustomer -Id {HelpScoutFixtures.FullId} {Streams}");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ServiceError,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("upstream connect error; request headers were: authorization: Bearer [redacted]", error.Exception.Message, StringComparison.Ordinal);
        AssertNoSecret(result, token);
    }

    private void AssertNoSecret(PsResult result, params string[] secrets)
    {
        // $Error, ToString(), ErrorDetails and every stream: what a user could see or log.
        string everything = result.AllText() + string.Join("\n", result.Errors.Append(result.Fatal).Where(e => e is not null)
            .Select(e => e!.ToString() + e.ErrorDetails?.Message + e.Exception.ToString()));
        Assert.NotEmpty(Sim.Requests());
        foreach (string secret in secrets)
        {
            Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Uri.EscapeDataString(secret), everything, StringComparison.OrdinalIgnoreCase);
        }
    }
}
