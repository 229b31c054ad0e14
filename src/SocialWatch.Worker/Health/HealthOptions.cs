using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Worker.Health;

/// <summary>Section "Health": what `socialwatch health` counts as unhealthy.</summary>
internal sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>Where a running worker writes its scheduler instance id, so `health` (a separate
    /// process in the same container) checks that very worker's scheduler is checking in.</summary>
    [Required]
    public string InstanceFile { get; set; } = Path.Combine(Path.GetTempPath(), "socialwatch-instance");

    /// <summary>A source is unhealthy when it has not succeeded for this many of its intervals.</summary>
    [Range(1, 1000)]
    public int MissedIntervals { get; set; } = 3;

    /// <summary>An immediate alert still unsent after this long counts as stuck.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan AlertStuckAfter { get; set; } = TimeSpan.FromHours(1);
}
