using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Connectors.Bluesky;

/// <summary>Bluesky settings (section "Bluesky"). The app password comes from the environment or a secret file.</summary>
public sealed class BlueskyOptions
{
    public const string Section = "Bluesky";

    /// <summary>The public AppView: author feeds, profiles and actor search, without credentials.</summary>
    [Required]
    public Uri AppViewUrl { get; set; } = new("https://public.api.bsky.app");

    /// <summary>The PDS (entryway) that signs in the search account and answers post search.</summary>
    [Required]
    public Uri PdsUrl { get; set; } = new("https://bsky.social");

    /// <summary>Handle of the account post search runs as (env Bluesky__Handle).</summary>
    public string? Handle { get; set; }

    /// <summary>An app password of that account, never its main password (env Bluesky__AppPassword).</summary>
    public string? AppPassword { get; set; }

    /// <summary>Items asked for per page (1 to 100).</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 50;

    /// <summary>Pages read in one poll at most; the rest waits for the next poll (the cursor keeps the place).</summary>
    [Range(1, 1000)]
    public int MaxPagesPerPoll { get; set; } = 10;
}
