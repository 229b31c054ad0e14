using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Connectors.X;

/// <summary>X API v2 settings (section "X"). Tokens come from the environment or a secret file.</summary>
public sealed class XOptions
{
    public const string Section = "X";

    [Required]
    public Uri BaseUrl { get; set; } = new("https://api.x.com");

    /// <summary>App-only bearer token (env X__BearerToken or secret file X__BearerToken).</summary>
    public string? BearerToken { get; set; }

    /// <summary>Optional OAuth 2.0 user token of the council's own account that owns the app. When set,
    /// the council's own timeline and mentions are read with it: "owned reads" are billed at a fifth of
    /// the price of other reads, and user search needs user context.</summary>
    public string? OwnedUserToken { get; set; }

    /// <summary>Posts asked for per page (5 to 100; search needs at least 10).</summary>
    [Range(10, 100)]
    public int PageSize { get; set; } = 100;

    /// <summary>Pages read in one poll at most; the rest waits for the next poll (the cursor keeps the place).</summary>
    [Range(1, 1000)]
    public int MaxPagesPerPoll { get; set; } = 10;
}
