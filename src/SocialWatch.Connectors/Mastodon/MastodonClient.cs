using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using SocialWatch.Connectors.Http;

namespace SocialWatch.Connectors.Mastodon;

/// <summary>A Mastodon answer, where its next (older) page starts (from the Link header), and how
/// many calls the instance still allows until when (X-RateLimit-Remaining / X-RateLimit-Reset).</summary>
internal sealed record MastodonResult<T>(T Value, string? NextMaxId, int? RateLimitRemaining = null, DateTimeOffset? RateLimitReset = null);

/// <summary>Typed HTTP client for the Mastodon REST endpoints SocialWatch reads. One per process, from IHttpClientFactory.</summary>
internal sealed class MastodonClient(HttpClient http, IOptions<MastodonOptions> options, TimeProvider time)
{
    private const string Platform = "Mastodon";

    /// <summary>GET a path; null when the server says 404 and <paramref name="notFoundIsNull"/> (a deleted status).</summary>
    public async Task<MastodonResult<T>?> GetAsync<T>(string pathAndQuery, bool needsToken, string source, JsonTypeInfo<T> type, CancellationToken ct, bool notFoundIsNull = false)
    {
        var settings = options.Value;
        if (needsToken && string.IsNullOrEmpty(settings.AccessToken))
        {
            throw new ConnectorException(ConnectorFailure.Misconfigured,
                $"Mastodon needs the council account's token for this source: set Mastodon__AccessToken (source '{source}')");
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.BaseUrl, pathAndQuery));
        if (!string.IsNullOrEmpty(settings.AccessToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
        }
        using var response = await PlatformHttp.SendAsync(http, request, Platform, source, ct);
        if (response.IsSuccess)
        {
            var remaining = int.TryParse(response.Header("X-RateLimit-Remaining"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var r) ? r : (int?)null;
            var reset = JsonValues.Date(response.Header("X-RateLimit-Reset"));
            return new MastodonResult<T>(PlatformHttp.Parse(response.Body, type, Platform, source), NextMaxId(response.Header("Link")), remaining, reset);
        }
        if (notFoundIsNull && response.Message.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        throw DescribeFailure(response, source);
    }

    private ConnectorException DescribeFailure(PlatformResponse response, string source)
    {
        var detail = ErrorDetail(response.Body);
        return response.Message.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => new ConnectorException(ConnectorFailure.RateLimited,
                $"Mastodon rate limit reached{detail} (source '{source}')", retryAfter: PlatformHttp.RetryAt(response.Message, time)),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ConnectorException(ConnectorFailure.Unauthorized,
                $"Mastodon refused the request (HTTP {response.Status}){detail}: check Mastodon__AccessToken and its scopes (source '{source}')"),
            HttpStatusCode.NotFound => new ConnectorException(ConnectorFailure.Misconfigured,
                $"Mastodon has no such account or record (HTTP 404){detail}: check the source's target (source '{source}')"),
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => new ConnectorException(ConnectorFailure.Misconfigured,
                $"Mastodon rejected the request (HTTP {response.Status}){detail} (source '{source}')"),
            _ => new ConnectorException(ConnectorFailure.Unavailable, $"Mastodon answered HTTP {response.Status}{detail} (source '{source}')"),
        };
    }

    /// <summary>The <c>error</c> text of a Mastodon error entity, if the body is one.</summary>
    private static string ErrorDetail(string body)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            return JsonValues.String(doc.RootElement, "error") is { } error ? ": " + PlatformHttp.Shorten(error) : "";
        }
        catch (System.Text.Json.JsonException)
        {
            return "";
        }
    }

    /// <summary>The max_id of the rel="next" link (RFC 8288), the documented way to the next page.</summary>
    internal static string? NextMaxId(string? link)
    {
        if (string.IsNullOrEmpty(link))
        {
            return null;
        }
        foreach (var part in link.Split(','))
        {
            var open = part.IndexOf('<', StringComparison.Ordinal);
            var close = part.IndexOf('>', StringComparison.Ordinal);
            if (open < 0 || close < open || !part[close..].Contains("rel=\"next\"", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!Uri.TryCreate(part[(open + 1)..close], UriKind.Absolute, out var uri))
            {
                return null;
            }
            foreach (var pair in uri.Query.TrimStart('?').Split('&'))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && pair[..eq] == "max_id")
                {
                    return Uri.UnescapeDataString(pair[(eq + 1)..]);
                }
            }
        }
        return null;
    }
}
