using System.Globalization;
using System.Net;

namespace SocialWatch.Connectors.Resilience;

/// <summary>Reads when a platform will take calls again, from whichever header it uses.</summary>
public static class RateLimitHeaders
{
    /// <summary>
    /// The wait a 429 or 503 asks for: <c>Retry-After</c> (seconds or an HTTP date), X's
    /// <c>x-rate-limit-reset</c> (Unix seconds) or Mastodon's <c>X-RateLimit-Reset</c> (ISO 8601).
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
        if (response.Headers.TryGetValues("x-rate-limit-reset", out var values))
        {
            var value = values.FirstOrDefault();
            if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds))
            {
                return Clamp(DateTimeOffset.FromUnixTimeSeconds(unixSeconds) - now);
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
