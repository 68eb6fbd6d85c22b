using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CustomerTools.Http;

namespace CustomerTools.HelpScout;

/// <summary>
/// Help Scout's OAuth2 client-credentials token for one connection (docs/api/helpscout.md §2): fetched at
/// connect, renewed shortly before it expires and once more when the service answers 401.
/// Concurrent requests that find it stale wait for one renewal. The token and the app secret
/// stay SecureStrings; the token is read from the JSON without ever becoming a string. The
/// connection's scrubber learns every token fetched here, the current one and those renewed
/// away, so that no service can echo one into a message (the app secret it learns where the
/// connection is made).
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "The semaphore never creates a wait handle, so it holds nothing to release.")]
internal sealed class HelpScoutTokenProvider : IRequestAuthenticator
{
    private const int MaxTokenBodyBytes = 64 * 1024;
    private static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(60);

    // When the service does not say how long a token lives, assume a short life and renew early.
    private static readonly TimeSpan AssumedLifetime = TimeSpan.FromMinutes(30);

    private readonly ApiHttpClient _http;
    private readonly string _clientId;
    private readonly SecureString _clientSecret;
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private Token? _token;
    private int _stamp;

    public HelpScoutTokenProvider(ApiHttpClient http, string clientId, SecureString clientSecret)
    {
        _http = http;
        _clientId = clientId;
        _clientSecret = clientSecret;
    }

    public bool CanRenew => true;

    public DateTimeOffset? ExpiresAt => Volatile.Read(ref _token)?.ExpiresAt;

    public async Task<int> AuthorizeAsync(HttpRequestMessage request, RequestContext context)
    {
        Token? token = Volatile.Read(ref _token);
        if (token is null || IsStale(token))
        {
            token = await RenewAsync(current => current is null || IsStale(current), "the access token is about to expire", context).ConfigureAwait(false);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secrets.Reveal(token.Value));
        return token.Stamp;
    }

    public Task RenewAsync(int stamp, RequestContext context) =>
        RenewAsync(current => current is null || current.Stamp == stamp, "Help Scout refused the access token (401)", context);

    /// <summary>Gets the first token: Connect-HelpScout fails here when the credentials are wrong.</summary>
    public Task FetchAsync(RequestContext context) =>
        RenewAsync(_ => true, "connecting", context);

    private bool IsStale(Token token) => _http.Clock.UtcNow >= token.RenewAt;

    private async Task<Token> RenewAsync(Func<Token?, bool> stillNeeded, string why, RequestContext context)
    {
        await _renewal.WaitAsync(context.Cancellation).ConfigureAwait(false);
        try
        {
            // Whoever waited while another request renewed finds the new token here.
            Token? current = _token;
            if (current is not null && !stillNeeded(current))
            {
                return current;
            }

            if (context.Log.VerboseEnabled)
            {
                context.Log.Verbose($"Requesting a Help Scout access token for app {_clientId} ({why}).");
            }

            var request = new ApiRequest(HttpMethod.Post, new Uri(_http.BaseUri, "v2/oauth2/token"), "access token", null)
            {
                Content = TokenForm,
                ObtainsCredential = true,
            };
            Token fresh = await _http.SendAsync(request, ReadTokenAsync, context).ConfigureAwait(false);
            _http.Scrubber.Register(fresh.Value);
            Volatile.Write(ref _token, fresh);
            return fresh;
        }
        finally
        {
            _renewal.Release();
        }
    }

    private FormUrlEncodedContent TokenForm() => new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = _clientId,
        ["client_secret"] = Secrets.Reveal(_clientSecret),
    });

    private async Task<Token> ReadTokenAsync(Stream body, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(MaxTokenBodyBytes);
        try
        {
            int length = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    throw new JsonException("the token answer is too large");
                }
            }

            return Parse(buffer, length);
        }
        finally
        {
            Array.Clear(buffer, 0, buffer.Length);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private Token Parse(byte[] buffer, int length)
    {
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(buffer, 0, length));
        SecureString? value = null;
        double? expiresIn = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("the token answer is not a JSON object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            if (name == "access_token" && reader.TokenType == JsonTokenType.String)
            {
                value = Protect(ref reader);
            }
            else if (name == "expires_in" && reader.TokenType == JsonTokenType.Number)
            {
                expiresIn = reader.GetDouble();
            }
            else if (name == "expires_in" && reader.TokenType == JsonTokenType.String
                && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
            {
                expiresIn = seconds;
            }
            else
            {
                reader.Skip();
            }
        }

        if (value is null || value.Length == 0)
        {
            throw new JsonException("the token answer has no access_token");
        }

        TimeSpan lifetime = expiresIn is > 0 ? TimeSpan.FromSeconds(expiresIn.Value) : AssumedLifetime;
        DateTimeOffset now = _http.Clock.UtcNow;

        // Renew a minute early, or halfway through a token that lives less than two minutes.
        TimeSpan margin = lifetime < RenewBefore + RenewBefore ? TimeSpan.FromTicks(lifetime.Ticks / 2) : RenewBefore;
        return new Token(value, now + lifetime, now + lifetime - margin, Interlocked.Increment(ref _stamp));
    }

    // The token's characters go straight from the UTF-8 bytes into a SecureString.
    private static SecureString Protect(ref Utf8JsonReader reader)
    {
        int max = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        char[] chars = ArrayPool<char>.Shared.Rent(max);
        try
        {
            int count = reader.CopyString(chars);
            return Secrets.Protect(new ReadOnlySpan<char>(chars, 0, count));
        }
        finally
        {
            Array.Clear(chars, 0, chars.Length);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private sealed class Token
    {
        public Token(SecureString value, DateTimeOffset expiresAt, DateTimeOffset renewAt, int stamp)
        {
            Value = value;
            ExpiresAt = expiresAt;
            RenewAt = renewAt;
            Stamp = stamp;
        }

        public SecureString Value { get; }

        public DateTimeOffset ExpiresAt { get; }

        public DateTimeOffset RenewAt { get; }

        public int Stamp { get; }
    }
}
