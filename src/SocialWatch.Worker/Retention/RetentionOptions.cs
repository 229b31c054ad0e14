using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Worker.Retention;

/// <summary>Section "Retention": how long data is kept (UK GDPR data minimisation; see docs/privacy.md).</summary>
internal sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Posts, and accounts with no posts left, that were never flagged are deleted after this many days.</summary>
    [Range(1, 3650)]
    public int UnflaggedDays { get; set; } = 30;

    /// <summary>Flags the clerk closed (actioned or dismissed) are deleted this many days after review.</summary>
    [Range(1, 36500)]
    public int ResolvedFlagDays { get; set; } = 730;

    /// <summary>When the purge runs (Quartz cron, seconds first, UTC). Default: 03:30 every night.</summary>
    [Required]
    public string Cron { get; set; } = "0 30 3 * * ?";
}
