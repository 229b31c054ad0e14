using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Connectors.Resilience;

/// <summary>How hard each platform client tries before it gives up on a call (section "Resilience").</summary>
public sealed class ResilienceOptions
{
    public const string Section = "Resilience";

    /// <summary>Retries after the first attempt for a transient failure (5xx, 408, 429, network error, timeout).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>First back-off delay; later ones grow exponentially, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest rate-limit wait honoured inside one poll. A platform that asks for a longer
    /// wait fails the poll with "rate limited until …", and the source is skipped until then.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one HTTP attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Timeout of one call with all its retries and waits.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How long a platform is left alone after repeated failures (circuit breaker).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest response body read from a platform; a larger one is refused, not buffered.</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxResponseBytes { get; set; } = 16L * 1024 * 1024;
}
