using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Connectors.Mastodon;

/// <summary>Mastodon settings (section "Mastodon"). One instance per worker; the token comes from the
/// environment or a secret file.</summary>
public sealed class MastodonOptions
{
    public const string Section = "Mastodon";

    /// <summary>The instance the council's account lives on (any Mastodon server).</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://mastodon.social");

    /// <summary>User token of the council's own account (scopes read:statuses read:notifications
    /// read:search read:accounts). Needed for mentions, status search and account search; account
    /// timelines are public and work without it (env Mastodon__AccessToken).</summary>
    public string? AccessToken { get; set; }

    /// <summary>Statuses asked for per page (the API allows 40 at most; notifications 80).</summary>
    [Range(1, 40)]
    public int PageSize { get; set; } = 40;

    /// <summary>Pages read in one poll at most; the rest waits for the next poll (the cursor keeps the place).</summary>
    [Range(1, 1000)]
    public int MaxPagesPerPoll { get; set; } = 10;

    /// <summary>A poll stops paging (after storing the page in hand) when X-RateLimit-Remaining falls
    /// to this, and the source waits for X-RateLimit-Reset: the instance's limits are shared by every
    /// client of the account (default 300 calls per 5 minutes).</summary>
    [Range(0, 300)]
    public int MinRateLimitRemaining { get; set; } = 5;

    /// <summary>How many of an account's most recent statuses are looked at again on every poll, to
    /// record edits (<c>edited_at</c>) and deletions (404). 0 turns this off.</summary>
    [Range(0, 40)]
    public int RecheckRecent { get; set; } = 10;
}
