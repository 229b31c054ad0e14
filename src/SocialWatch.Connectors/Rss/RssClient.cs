using System.Net;
using System.Net.Http.Headers;
using SocialWatch.Connectors.Http;

namespace SocialWatch.Connectors.Rss;

/// <summary>A feed document, or null when the server said it has not changed (304).</summary>
internal sealed record RssDocument(string? Body, string? MediaType, string? ETag, string? LastModified);

/// <summary>Typed HTTP client for news feeds: a conditional GET of any feed URL.</summary>
internal sealed class RssClient(HttpClient http, TimeProvider time)
{
    private const string Platform = "RSS";

    public async Task<RssDocument> GetAsync(Uri feed, string? etag, string? lastModified, string source, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, feed);
        request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1");
        if (etag is not null && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }
        if (lastModified is not null)
        {
            // Sent back as the server wrote it: servers compare the string, not the date.
            request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
        }
        using var response = await PlatformHttp.SendAsync(http, request, Platform, source, ct);
        if (response.Message.StatusCode == HttpStatusCode.NotModified)
        {
            return new RssDocument(null, null, etag, lastModified);
        }
        if (!response.IsSuccess)
        {
            throw response.Message.StatusCode switch
            {
                HttpStatusCode.TooManyRequests => new ConnectorException(ConnectorFailure.RateLimited,
                    $"the feed {feed.Host} asked us to slow down (source '{source}')", retryAfter: PlatformHttp.RetryAt(response.Message, time)),
                HttpStatusCode.NotFound or HttpStatusCode.Gone => new ConnectorException(ConnectorFailure.Misconfigured,
                    $"the feed {feed} is not there (HTTP {response.Status}): check the source's target (source '{source}')"),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ConnectorException(ConnectorFailure.Unauthorized,
                    $"the feed {feed} refused us (HTTP {response.Status}) (source '{source}')"),
                _ => new ConnectorException(ConnectorFailure.Unavailable, $"the feed {feed} answered HTTP {response.Status} (source '{source}')"),
            };
        }
        return new RssDocument(response.Body, response.Message.Content.Headers.ContentType?.MediaType,
            response.Message.Headers.ETag?.ToString(), response.Header("Last-Modified"));
    }
}
