using System.Globalization;
using System.Net;
using SocialWatch.Connectors.Resilience;

namespace SocialWatch.Connectors.Tests;

public sealed class RateLimitHeadersTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static TimeSpan? Wait(HttpStatusCode status, string header, string value)
    {
        using var response = new HttpResponseMessage(status);
        response.Headers.TryAddWithoutValidation(header, value);
        return RateLimitHeaders.RequestedWait(response, Now);
    }

    [Fact]
    public void Each_platforms_reset_header_is_read_on_a_429()
    {
        Assert.Equal(TimeSpan.FromMinutes(15), Wait(HttpStatusCode.TooManyRequests, "x-rate-limit-reset", Now.AddMinutes(15).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(TimeSpan.FromMinutes(5), Wait(HttpStatusCode.TooManyRequests, "X-RateLimit-Reset", "2026-11-25T12:05:00.000000Z"));
        Assert.Equal(TimeSpan.FromSeconds(30), Wait(HttpStatusCode.TooManyRequests, "RateLimit-Reset", "30"));
        Assert.Equal(TimeSpan.FromSeconds(90), Wait(HttpStatusCode.TooManyRequests, "Retry-After", "90"));
        Assert.Equal(TimeSpan.Zero, Wait(HttpStatusCode.TooManyRequests, "X-RateLimit-Reset", "2026-11-25T11:00:00Z"));
    }

    [Fact]
    public void A_window_reset_on_a_503_is_not_a_wait_but_retry_after_is()
    {
        Assert.Null(Wait(HttpStatusCode.ServiceUnavailable, "x-rate-limit-reset", Now.AddMinutes(15).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(TimeSpan.FromSeconds(5), Wait(HttpStatusCode.ServiceUnavailable, "Retry-After", "5"));
    }

    [Fact]
    public void Garbage_is_no_wait() => Assert.Null(Wait(HttpStatusCode.TooManyRequests, "X-RateLimit-Reset", "soon"));
}
