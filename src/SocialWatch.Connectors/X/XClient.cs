using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using SocialWatch.Connectors.Resilience;

namespace SocialWatch.Connectors.X;

/// <summary>Typed HTTP client for the X API v2 endpoints SocialWatch reads. One per process, from IHttpClientFactory.</summary>
internal sealed class XClient(HttpClient http, IOptions<XOptions> options, TimeProvider time)
{
    // Field selection: by default X returns only id and text; these are what ingestion and rules use.
    internal const string TweetFields = "created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,edit_history_tweet_ids,entities,note_tweet";
    internal const string UserFields = "created_at,description,name,username,profile_image_url,verified,public_metrics";
    internal const string Expansions = "author_id";

    public Task<XPage> GetPageAsync(string pathAndQuery, bool ownedRead, string source, CancellationToken ct) =>
        SendAsync(pathAndQuery, ownedRead, source, XJson.Default.XPage, ct);

    public Task<XSingleUser> GetUserByUsernameAsync(string username, string source, CancellationToken ct) =>
        SendAsync($"/2/users/by/username/{Uri.EscapeDataString(username)}?user.fields={UserFields}", false, source, XJson.Default.XSingleUser, ct);

    private async Task<T> SendAsync<T>(string pathAndQuery, bool ownedRead, string source, JsonTypeInfo<T> type, CancellationToken ct)
    {
        var settings = options.Value;
        // Owned reads prefer the council's user token (billed at a fifth); everything else prefers the
        // app token, but falls back to the user token when only that is configured, which the
        // start-up check (CredentialProblem) accepts.
        var token = ownedRead && !string.IsNullOrEmpty(settings.OwnedUserToken) ? settings.OwnedUserToken
            : !string.IsNullOrEmpty(settings.BearerToken) ? settings.BearerToken
            : settings.OwnedUserToken;
        if (string.IsNullOrEmpty(token))
        {
            throw new ConnectorException(ConnectorFailure.Misconfigured, $"X needs a token: set X__BearerToken (source '{source}')");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.BaseUrl, pathAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        HttpResponseMessage response;
        string body;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            body = await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw PlatformResilience.Describe(e, "X", source);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    return JsonSerializer.Deserialize(body, type)
                        ?? throw new ConnectorException(ConnectorFailure.BadResponse, $"X returned an empty body (source '{source}')");
                }
                catch (JsonException e)
                {
                    throw new ConnectorException(ConnectorFailure.BadResponse,
                        $"X returned malformed JSON at {e.Path ?? "the top"} (line {e.LineNumber}) (source '{source}')", e);
                }
            }
            throw DescribeFailure(response, body, source);
        }
    }

    private ConnectorException DescribeFailure(HttpResponseMessage response, string body, string source)
    {
        var status = (int)response.StatusCode;
        var detail = ProblemDetail(body);
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => new ConnectorException(ConnectorFailure.RateLimited,
                $"X rate limit or usage cap reached{detail} (source '{source}')",
                retryAfter: RateLimitHeaders.RequestedWait(response, time.GetUtcNow()) is { } wait ? time.GetUtcNow() + wait : null),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ConnectorException(ConnectorFailure.Unauthorized,
                $"X refused the token (HTTP {status}){detail}: check X__BearerToken and the app's access level (source '{source}')"),
            HttpStatusCode.BadRequest or HttpStatusCode.NotFound => new ConnectorException(ConnectorFailure.Misconfigured,
                $"X rejected the request (HTTP {status}){detail}: check the source's target (source '{source}')"),
            _ => new ConnectorException(ConnectorFailure.Unavailable, $"X answered HTTP {status}{detail} (source '{source}')"),
        };
    }

    /// <summary>The human part of an X error body (problem format or the older errors array), if any.</summary>
    private static string ProblemDetail(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "";
            }
            if (root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String)
            {
                return ": " + Shorten(d.GetString());
            }
            if (root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String)
            {
                return ": " + Shorten(t.GetString());
            }
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
                && errors[0].TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
            {
                return ": " + Shorten(m.GetString());
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page from a proxy, say): the status code says enough.
        }
        return "";
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 200 ? text : text[..200] + "…";
}
