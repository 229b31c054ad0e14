using System.Globalization;
using System.Net;

namespace SocialWatch.Connectors.Resilience;

/// <summary>Reads when a platform will take calls again, from whichever header it uses.</summary>
public static class RateLimitHeaders
{
    /// <summary>
    /// The wait a 429 or 503 asks for: <c>Retry-After</c> (seconds or an HTTP date), X's
    /// <c>x-rate-limit-reset</c> (Unix seconds), Mastodon's <c>X-RateLimit-Reset</c> (ISO 8601) or
    /// Bluesky's <c>RateLimit-Reset</c>.
    /// Null when the response names no time.
    /// </summary>
    public static TimeSpan? RequestedWait(HttpResponseMessage response, DateTimeOffset now)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return Clamp(delta);
        }
        if (retryAfter?.Date is { } date)
        {
            return Clamp(date - now);
        }
        // X says x-rate-limit-reset; Mastodon says X-RateLimit-Reset (an ISO 8601 time); Bluesky's PDS
        // says RateLimit-Reset (Unix seconds; the IETF draft it follows allows seconds from now).
        // These describe the rate-limit window and come on every answer, so they are a wait only on a
        // 429: a 503 that happens to carry them is an outage to retry, not a window to sit out.
        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return null;
        }
        foreach (var name in (string[])["x-rate-limit-reset", "X-RateLimit-Reset", "RateLimit-Reset"])
        {
            if (!response.Headers.TryGetValues(name, out var values))
            {
                continue;
            }
            var value = values.FirstOrDefault();
            if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds < 253_402_300_799)
            {
                // A small number is a delay, a large one a Unix time (no delay is a billion seconds).
                return Clamp(seconds < 1_000_000_000 ? TimeSpan.FromSeconds(seconds) : DateTimeOffset.FromUnixTimeSeconds(seconds) - now);
            }
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var reset))
            {
                return Clamp(reset - now);
            }
        }
        return null;
    }

    /// <summary>True for the responses worth trying again: server errors, timeouts, throttling.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static TimeSpan Clamp(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
}
