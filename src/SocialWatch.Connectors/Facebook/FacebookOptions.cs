using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Connectors.Facebook;

/// <summary>Facebook Graph API settings (section "Facebook"). Tokens come from the environment or a secret file.</summary>
public sealed class FacebookOptions
{
    public const string Section = "Facebook";

    /// <summary>Versioned Graph API base. Meta retires a version two years after the next one ships,
    /// so the version is pinned here and moved on deliberately.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://graph.facebook.com/v25.0");

    /// <summary>Page access token of the council's Page (pages_read_engagement, pages_read_user_content,
    /// pages_show_list), env Facebook__PageAccessToken. Reads the Page's posts, comments and tags.</summary>
    public string? PageAccessToken { get; set; }

    /// <summary>Token for Page search (an app token, app_id|app_secret, of an app with Page Public
    /// Metadata Access), env Facebook__SearchAccessToken. Falls back to the Page token.</summary>
    public string? SearchAccessToken { get; set; }

    /// <summary>Posts asked for per page (the feed edges give 100 at most).</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 25;

    /// <summary>Comments read with each new post, and per re-check of a recent post.</summary>
    [Range(0, 100)]
    public int CommentsPerPost { get; set; } = 50;

    /// <summary>How many of the Page's most recent posts are looked at again on every poll for new
    /// comments and deletions. 0 turns this off.</summary>
    [Range(0, 50)]
    public int RecheckRecentPosts { get; set; } = 10;

    /// <summary>Pages read in one poll at most; the rest waits for the next poll (the cursor keeps the place).</summary>
    [Range(1, 1000)]
    public int MaxPagesPerPoll { get; set; } = 10;

    /// <summary>Usage (percent of the app's or the Page's limit, from X-App-Usage and
    /// X-Business-Use-Case-Usage) at which polling stops before Meta throttles: calls made while
    /// throttled still count, so going on would only lengthen the block.</summary>
    [Range(1, 100)]
    public int UsageThresholdPercent { get; set; } = 90;

    /// <summary>How long to leave Facebook alone after a throttle when Meta gives no time to regain access.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RateLimitBackoff { get; set; } = TimeSpan.FromMinutes(15);
}
