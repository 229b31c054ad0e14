using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Connectors.Rss;

/// <summary>RSS/Atom news feed settings (section "Rss"). Feeds need no credentials.</summary>
public sealed class RssOptions
{
    public const string Section = "Rss";

    /// <summary>How many article ids the cursor remembers per feed (at least the feed's own length is
    /// always kept, so an article still in the feed is never taken for new).</summary>
    [Range(10, 10_000)]
    public int RememberedItems { get; set; } = 500;
}
