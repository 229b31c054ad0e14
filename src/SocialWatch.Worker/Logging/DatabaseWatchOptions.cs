using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Worker.Logging;

/// <summary>Section "DatabaseWatch": how the worker notices that PostgreSQL went away and came back.</summary>
internal sealed class DatabaseWatchOptions
{
    public const string Section = "DatabaseWatch";

    /// <summary>How often the database is checked (a fresh connection and SELECT 1).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a reminder is logged while the database stays unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RemindEvery { get; set; } = TimeSpan.FromMinutes(1);
}
