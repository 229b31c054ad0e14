using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Worker.Jobs;

/// <summary>Section "Scheduler": how this worker takes part in the Quartz cluster.</summary>
internal sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Jobs this worker runs at once.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>How often each worker tells the others it is alive; a worker silent for longer than
    /// this (plus a margin) is presumed dead and its jobs are recovered by the others.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the scheduler waits before trying the database again after a failure (an
    /// outage): polling resumes at most this long after the database is back.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan DatabaseRetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a stopping worker waits for running polls and sends to finish.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
