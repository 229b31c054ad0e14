using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using SocialWatch.Worker.Ingestion;
using SocialWatch.Worker.Storage;

namespace SocialWatch.Worker.Jobs;

/// <summary>
/// At start: migrates the database (if configured), copies the configured sources into the sources
/// table, and makes Quartz's stored jobs match them: one job per source with its own trigger, jobs
/// of removed sources deleted. Every worker does this at start; the writes are idempotent, and a
/// trigger whose schedule did not change is left alone so its next fire time survives restarts.
/// </summary>
internal sealed partial class ScheduleSync(
    Migrator migrator,
    IOptions<DatabaseOptions> database,
    IOptions<SourcesOptions> sources,
    SourceStore sourceStore,
    ISchedulerFactory schedulers,
    IEnumerable<RecurringJob> recurring,
    ILogger<ScheduleSync> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (database.Value.MigrateOnStart)
        {
            await migrator.MigrateAsync(ct);
        }
        var configured = sources.Value.Items;
        await sourceStore.SyncAsync(configured, ct);

        var scheduler = await schedulers.GetScheduler(ct);
        var wanted = new HashSet<JobKey>();
        foreach (var source in configured.Where(s => s.Enabled))
        {
            var job = JobBuilder.Create<PollSourceJob>()
                .WithIdentity(source.Name, PollSourceJob.Group)
                .UsingJobData(PollSourceJob.SourceKey, source.Name)
                .WithDescription($"{source.Platform} {source.Kind}: {source.Target}")
                .Build();
            wanted.Add(job.Key);
            await EnsureScheduledAsync(scheduler, job, source.Schedule, BuildSchedule(source.Every, source.Cron), MisfireThreshold(source.ExpectedInterval()), ct);
        }
        foreach (var job in recurring)
        {
            var detail = JobBuilder.Create().OfType(job.JobType).WithIdentity(job.Name, "system").Build();
            wanted.Add(detail.Key);
            await EnsureScheduledAsync(scheduler, detail, job.Schedule, BuildSchedule(job.Every, job.Cron), MisfireThreshold(job.ExpectedInterval()), ct);
        }

        foreach (var group in new[] { PollSourceJob.Group, "system" })
        {
            var stored = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(group), ct);
            foreach (var key in stored.Where(k => !wanted.Contains(k)).ToList())
            {
                await scheduler.DeleteJob(key, ct);
                LogRemoved(logger, key.Name);
            }
        }
        LogScheduled(logger, wanted.Count);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// How late a fire may run before Quartz skips it: half the interval (at most a minute, at least half
    /// a second). With the store's default of a minute, a 3-second source whose fires fell behind (an
    /// outage, a starved machine) ran every missed fire back to back; beyond this threshold the misfire
    /// instruction moves the trigger to its next time after now instead, so a late fire is always
    /// followed by at least half an interval of quiet.
    /// </summary>
    internal static TimeSpan MisfireThreshold(TimeSpan interval) =>
        TimeSpan.FromTicks(Math.Clamp(interval.Ticks / 2, TimeSpan.FromMilliseconds(500).Ticks, TimeSpan.FromMinutes(1).Ticks));

    private static IScheduleBuilder BuildSchedule(TimeSpan? every, string? cron) => every is { } interval
        ? SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)
        : CronScheduleBuilder.Create(cron!).InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing);

    private static async Task EnsureScheduledAsync(IScheduler scheduler, IJobDetail job, string schedule, IScheduleBuilder builder, TimeSpan misfireThreshold, CancellationToken ct)
    {
        var triggerKey = new TriggerKey(job.Key.Name, job.Key.Group);
        var existing = await scheduler.GetTrigger(triggerKey, ct);
        // Triggers stored before the misfire threshold was set are replaced once to get it.
        if (existing is not null && existing.Description == schedule && existing.MisfireThreshold == misfireThreshold)
        {
            return;
        }
        var trigger = TriggerBuilder.Create()
            .WithIdentity(triggerKey)
            .ForJob(job)
            .WithDescription(schedule)
            .StartNow()
            .WithSchedule(builder)
            .WithMisfireThreshold(misfireThreshold)
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, ct);
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Schedule in place: {Count} job(s)")]
    private static partial void LogScheduled(ILogger logger, int count);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Removed the job of {Name}: it is no longer configured")]
    private static partial void LogRemoved(ILogger logger, string name);
}

/// <summary>A job that runs on its own schedule, not per source (alert sending, digests, retention).
/// Features register one each; ScheduleSync puts them into Quartz.</summary>
internal sealed record RecurringJob(string Name, Type JobType, TimeSpan? Every, string? Cron)
{
    public string Schedule => Every?.ToString() ?? Cron ?? "";

    /// <summary>The time between runs (for a cron, the gap after its next fire).</summary>
    public TimeSpan ExpectedInterval() => Every ?? Jobs.Cron.Interval(Cron!);
}
