using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RestSharp;
using SocialWatch.Connectors.Http;
using SocialWatch.Connectors.Resilience;

namespace SocialWatch.Connectors.Facebook;

/// <summary>How close to its limits the app and the Page are, as the last response said.</summary>
/// <param name="Percent">The highest percentage in X-App-Usage, X-Page-Usage and X-Business-Use-Case-Usage.</param>
/// <param name="RegainAccessIn">Meta's estimate of the wait when a business use case is throttled.</param>
internal sealed record GraphUsage(double Percent, TimeSpan? RegainAccessIn);

/// <param name="CursorRefused">Meta refused the <c>after</c> cursor (error 100): the caller starts the run again.</param>
internal sealed record GraphResult(GraphList List, GraphUsage Usage, bool CursorRefused = false);

/// <summary>
/// Typed client for the Graph API, through RestSharp over the HttpClient that IHttpClientFactory
/// gives this type, so the platform resilience pipeline applies to every call. The token goes in the
/// Authorization header, not the query string, so it never shows up in a logged URL.
/// </summary>
internal sealed class FacebookClient(HttpClient http, IOptions<FacebookOptions> options, TimeProvider time)
{
    private const string Platform = "Facebook";

    /// <summary>GET an edge (a list with paging). Null when the object is gone (deleted post) and
    /// <paramref name="goneIsNull"/>.</summary>
    public async Task<GraphResult?> GetListAsync(string path, IReadOnlyDictionary<string, string> query, bool search, string source, CancellationToken ct, bool goneIsNull = false)
    {
        var settings = options.Value;
        var token = search && !string.IsNullOrWhiteSpace(settings.SearchAccessToken) ? settings.SearchAccessToken : settings.PageAccessToken;
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ConnectorException(ConnectorFailure.Misconfigured,
                $"Facebook needs a token: set Facebook__PageAccessToken{(search ? " or Facebook__SearchAccessToken" : "")} (source '{source}')");
        }

        var uri = new Uri(settings.BaseUrl.ToString().TrimEnd('/') + "/" + path.TrimStart('/'));
        using var rest = new RestClient(http, new RestClientOptions { ThrowOnAnyError = false, FollowRedirects = false }, disposeHttpClient: false);
        var request = new RestRequest(uri);
        request.AddHeader("Authorization", "Bearer " + token);
        foreach (var (key, value) in query)
        {
            request.AddQueryParameter(key, value);
        }

        RestResponse response;
        try
        {
            response = await rest.ExecuteAsync(request, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw PlatformResilience.Describe(e, Platform, source);
        }
        ct.ThrowIfCancellationRequested();
        if (response.StatusCode == 0)
        {
            // No HTTP answer at all: RestSharp keeps the transport failure (and the pipeline's timeouts
            // and open circuit) here. An HTTP error status also sets ErrorException, but has a status.
            throw PlatformResilience.Describe(response.ErrorException ?? new HttpRequestException(response.ErrorMessage ?? "no response"), Platform, source);
        }

        var usage = Usage(response);
        var body = response.Content ?? "";
        if (response.IsSuccessful)
        {
            return new GraphResult(PlatformHttp.Parse(body, FacebookJson.Default.GraphList, Platform, source), usage);
        }
        var error = ReadError(body);
        if (goneIsNull && (error?.Code == 100 && error.Subcode == 33 || response.StatusCode == HttpStatusCode.NotFound))
        {
            return null;
        }
        if (error?.Code == 100 && error.Subcode != 33 && query.ContainsKey("after"))
        {
            // Meta says not to keep cursors: an old or too-deep one is refused with 100.
            return new GraphResult(new GraphList([], null), usage, CursorRefused: true);
        }
        throw DescribeFailure(response.StatusCode, error, usage, source);
    }

    private ConnectorException DescribeFailure(HttpStatusCode status, GraphError? error, GraphUsage usage, string source)
    {
        var code = error?.Code;
        var detail = error?.Message is { } m ? ": " + PlatformHttp.Shorten(m) : "";
        var codes = code is null ? $"HTTP {(int)status}" : $"code {code}{(error?.Subcode is { } sub ? $", subcode {sub}" : "")}";
        if (code is 4 or 17 or 32 or 613 || code is >= 80000 and <= 80099 || status == HttpStatusCode.TooManyRequests)
        {
            return new ConnectorException(ConnectorFailure.RateLimited,
                $"Facebook rate limit reached ({codes}){detail} (source '{source}')", retryAfter: time.GetUtcNow() + Backoff(usage));
        }
        if (code == 190 || status == HttpStatusCode.Unauthorized)
        {
            var why = error?.Subcode switch
            {
                463 => "has expired",
                460 => "was invalidated by a password change",
                458 => "was revoked (the app was removed)",
                _ => "is invalid or expired",
            };
            return new ConnectorException(ConnectorFailure.Unauthorized,
                $"Facebook says the access token {why} ({codes}): issue a new Page token and set Facebook__PageAccessToken (source '{source}')");
        }
        if (code is 10 or 200 or 283 or (>= 200 and <= 299) || status == HttpStatusCode.Forbidden)
        {
            return new ConnectorException(ConnectorFailure.Unauthorized,
                $"Facebook refused the request for lack of permission ({codes}){detail}: the token needs pages_read_engagement and pages_read_user_content (Page search: Page Public Metadata Access) (source '{source}')");
        }
        if (code is 1 or 2 || (int)status >= 500)
        {
            return new ConnectorException(ConnectorFailure.Unavailable, $"Facebook had a temporary problem ({codes}){detail} (source '{source}')");
        }
        return new ConnectorException(ConnectorFailure.Misconfigured, $"Facebook rejected the request ({codes}){detail}: check the source's target (source '{source}')");
    }

    /// <summary>The wait before calling again: Meta's own estimate when it gives one, else the configured back-off.</summary>
    public TimeSpan Backoff(GraphUsage usage) =>
        usage.RegainAccessIn is { } regain && regain > TimeSpan.Zero ? regain : options.Value.RateLimitBackoff;

    private static GraphError? ReadError(string body)
    {
        try
        {
            return body.TrimStart().StartsWith('{') ? JsonSerializer.Deserialize(body, FacebookJson.Default.GraphErrorBody)?.Error : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Reads the usage headers. They are JSON in a header; one we cannot read counts as no usage.</summary>
    internal static GraphUsage Usage(RestResponse response)
    {
        double percent = 0;
        TimeSpan? regain = null;
        foreach (var header in response.Headers ?? [])
        {
            if (header.Value is not { Length: > 0 } value || header.Name is null)
            {
                continue;
            }
            try
            {
                if (header.Name.Equals("X-App-Usage", StringComparison.OrdinalIgnoreCase) || header.Name.Equals("X-Page-Usage", StringComparison.OrdinalIgnoreCase))
                {
                    var usage = JsonSerializer.Deserialize(value, FacebookJson.Default.GraphAppUsage);
                    percent = Math.Max(percent, Math.Max(usage?.CallCount ?? 0, Math.Max(usage?.TotalTime ?? 0, usage?.TotalCpuTime ?? 0)));
                }
                else if (header.Name.Equals("X-Business-Use-Case-Usage", StringComparison.OrdinalIgnoreCase))
                {
                    var byObject = JsonSerializer.Deserialize(value, FacebookJson.Default.DictionaryStringListGraphBucUsage);
                    foreach (var entry in byObject?.Values.SelectMany(v => v ?? []) ?? [])
                    {
                        percent = Math.Max(percent, Math.Max(entry.CallCount ?? 0, Math.Max(entry.TotalTime ?? 0, entry.TotalCpuTime ?? 0)));
                        if (entry.EstimatedMinutesToRegainAccess is > 0 and < 100_000 && (regain is null || regain < TimeSpan.FromMinutes(entry.EstimatedMinutesToRegainAccess.Value)))
                        {
                            regain = TimeSpan.FromMinutes(entry.EstimatedMinutesToRegainAccess.Value);
                        }
                    }
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
            {
                // A header we cannot read says nothing; the error codes still stop us when Meta throttles.
            }
        }
        return new GraphUsage(percent, regain);
    }
}
