using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Connectors.Http;

namespace SocialWatch.Connectors.Bluesky;

/// <summary>
/// The signed-in session post search runs under, shared by every Bluesky client of the process:
/// createSession is limited to 30 per 5 minutes and 300 a day per account, so a session is made once
/// and refreshed (refreshSession) when its access token expires, not made again per poll.
/// </summary>
internal sealed class BlueskySessionCache
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public string? AccessJwt { get; set; }

    public string? RefreshJwt { get; set; }

    public DateTimeOffset? Expires { get; set; }
}

/// <summary>Typed HTTP client for Bluesky XRPC: public AppView reads, and PDS reads under a session.</summary>
internal sealed class BlueskyClient(HttpClient http, IOptions<BlueskyOptions> options, BlueskySessionCache session, TimeProvider time, ILogger<BlueskyClient> logger)
{
    private const string Platform = "Bluesky";

    public async Task<T> GetPublicAsync<T>(string nsid, string query, string source, JsonTypeInfo<T> type, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Xrpc(options.Value.AppViewUrl, nsid, query));
        using var response = await PlatformHttp.SendAsync(http, request, Platform, source, ct);
        return response.IsSuccess ? PlatformHttp.Parse(response.Body, type, Platform, source) : throw DescribeFailure(response, source);
    }

    /// <summary>A read that needs a signed-in account (post search), from the PDS. An access token the
    /// PDS calls expired is refreshed once and the call made again.</summary>
    public async Task<T> GetAuthenticatedAsync<T>(string nsid, string query, string source, JsonTypeInfo<T> type, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await AccessTokenAsync(source, forceRefresh: attempt > 0, ct);
            using var request = new HttpRequestMessage(HttpMethod.Get, Xrpc(options.Value.PdsUrl, nsid, query));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await PlatformHttp.SendAsync(http, request, Platform, source, ct);
            if (response.IsSuccess)
            {
                return PlatformHttp.Parse(response.Body, type, Platform, source);
            }
            if (attempt == 0 && IsExpired(response))
            {
                continue;
            }
            throw DescribeFailure(response, source);
        }
    }

    private async Task<string> AccessTokenAsync(string source, bool forceRefresh, CancellationToken ct)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Handle) || string.IsNullOrWhiteSpace(settings.AppPassword))
        {
            throw new ConnectorException(ConnectorFailure.Misconfigured,
                $"Bluesky post search needs a signed-in account: set Bluesky__Handle and Bluesky__AppPassword (source '{source}')");
        }
        await session.Gate.WaitAsync(ct);
        try
        {
            // A minute's margin: a token that expires between here and the PDS would cost a round trip.
            var fresh = session.AccessJwt is not null && (session.Expires is null || session.Expires > time.GetUtcNow().AddMinutes(1));
            if (fresh && !forceRefresh)
            {
                return session.AccessJwt!;
            }
            BlueskySession? renewed = null;
            if (session.RefreshJwt is not null)
            {
                using var refresh = new HttpRequestMessage(HttpMethod.Post, Xrpc(settings.PdsUrl, "com.atproto.server.refreshSession", ""));
                refresh.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.RefreshJwt);
                using var response = await PlatformHttp.SendAsync(http, refresh, Platform, source, ct);
                // A refresh token that is itself expired or revoked means signing in again, not failing.
                renewed = response.IsSuccess ? PlatformHttp.Parse(response.Body, BlueskyJson.Default.BlueskySession, Platform, source) : null;
            }
            if (renewed?.AccessJwt is null)
            {
                using var create = new HttpRequestMessage(HttpMethod.Post, Xrpc(settings.PdsUrl, "com.atproto.server.createSession", ""))
                {
                    Content = JsonContent.Create(new BlueskyCreateSession(settings.Handle, settings.AppPassword), BlueskyJson.Default.BlueskyCreateSession),
                };
                using var response = await PlatformHttp.SendAsync(http, create, Platform, source, ct);
                if (!response.IsSuccess)
                {
                    var failure = DescribeFailure(response, source);
                    throw failure.Failure is ConnectorFailure.Unauthorized or ConnectorFailure.Misconfigured
                        ? new ConnectorException(ConnectorFailure.Unauthorized,
                            $"Bluesky refused to sign in {settings.Handle} (HTTP {response.Status}{Detail(response.Body)}): check Bluesky__Handle and Bluesky__AppPassword (source '{source}')")
                        : failure;
                }
                renewed = PlatformHttp.Parse(response.Body, BlueskyJson.Default.BlueskySession, Platform, source);
                ConnectorLog.BlueskySignedIn(logger, settings.Handle);
            }
            else
            {
                ConnectorLog.BlueskyRefreshed(logger);
            }
            if (string.IsNullOrEmpty(renewed.AccessJwt))
            {
                throw new ConnectorException(ConnectorFailure.BadResponse, $"Bluesky signed in but sent no access token (source '{source}')");
            }
            session.AccessJwt = renewed.AccessJwt;
            session.RefreshJwt = renewed.RefreshJwt;
            session.Expires = JwtExpiry(renewed.AccessJwt);
            return renewed.AccessJwt;
        }
        finally
        {
            session.Gate.Release();
        }
    }

    /// <summary>The exp claim of a JWT, read (not verified: the PDS verifies) to refresh before it runs out.</summary>
    internal static DateTimeOffset? JwtExpiry(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }
        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            var claims = JsonSerializer.Deserialize(Encoding.UTF8.GetString(Convert.FromBase64String(payload)), BlueskyJson.Default.JwtClaims);
            return claims?.Exp is { } exp && exp is > 0 and < 253_402_300_799 ? DateTimeOffset.FromUnixTimeSeconds(exp) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    private static bool IsExpired(PlatformResponse response) =>
        response.Message.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized
        && ErrorName(response.Body) is "ExpiredToken" or "InvalidToken";

    private ConnectorException DescribeFailure(PlatformResponse response, string source)
    {
        var name = ErrorName(response.Body);
        var detail = Detail(response.Body);
        return response.Message.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => new ConnectorException(ConnectorFailure.RateLimited,
                $"Bluesky rate limit reached{detail} (source '{source}')", retryAfter: PlatformHttp.RetryAt(response.Message, time)),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ConnectorException(ConnectorFailure.Unauthorized,
                $"Bluesky refused the request (HTTP {response.Status}){detail}: post search needs Bluesky__Handle and Bluesky__AppPassword (source '{source}')"),
            HttpStatusCode.BadRequest when name is "ExpiredToken" or "InvalidToken" or "AuthMissing" => new ConnectorException(ConnectorFailure.Unauthorized,
                $"Bluesky refused the session{detail}: check Bluesky__Handle and Bluesky__AppPassword (source '{source}')"),
            HttpStatusCode.BadRequest or HttpStatusCode.NotFound => new ConnectorException(ConnectorFailure.Misconfigured,
                $"Bluesky rejected the request (HTTP {response.Status}){detail}: check the source's target (source '{source}')"),
            _ => new ConnectorException(ConnectorFailure.Unavailable, $"Bluesky answered HTTP {response.Status}{detail} (source '{source}')"),
        };
    }

    private static string? ErrorName(string body) => ReadError(body)?.Error;

    private static string Detail(string body) => ReadError(body) is { } e
        ? ": " + PlatformHttp.Shorten(string.Join(" ", new[] { e.Error, e.Message }.Where(s => !string.IsNullOrEmpty(s))))
        : "";

    private static BlueskyError? ReadError(string body)
    {
        try
        {
            return body.TrimStart().StartsWith('{') ? JsonSerializer.Deserialize(body, BlueskyJson.Default.BlueskyError) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Uri Xrpc(Uri host, string nsid, string query) =>
        new(host, "/xrpc/" + nsid + (query.Length > 0 ? "?" + query : ""));
}
