using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;
using SocialWatch.Worker.Ingestion;

namespace SocialWatch.Worker.Jobs;

internal static class JobsRegistration
{
    /// <summary>Quartz with its clustered ADO job store on the same PostgreSQL as the data (tables
    /// from db/migrations, never created by Quartz), and the hosted services that run it.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var scheduler = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();

        var idleWait = IdleWaitTime(configuration);
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "SocialWatch";
                s.GenerateInstanceId = true;
                s.IdleWaitTime = idleWait;
            });
            q.UseDefaultThreadPool(scheduler.MaxConcurrency);
            q.UsePersistentStore(store =>
            {
                // Quartz takes its connections from the process's one NpgsqlDataSource.
                store.UsePostgres(o => o.UseRegisteredDataSource = true);
                store.UseClustering(c => c.CheckinInterval = scheduler.ClusterCheckinInterval);
                store.ConfigureStore(o =>
                {
                    o.StoreJobDataAsStrings = true;
                    // How soon Quartz tries its database again after a failure: its default (15 s) left
                    // sources unpolled for up to a minute after PostgreSQL came back.
                    o.DbRetryInterval = scheduler.DatabaseRetryInterval;
                    // Triggers are given a misfire threshold of half their interval (ScheduleSync); the
                    // handler that applies it must look that often too, not once a minute.
                    o.MisfireHandlerFrequency = idleWait;
                });
            });
        });

        // Migrations and the schedule must be in place before Quartz starts, so these hosted
        // services are registered first (hosted services start in registration order).
        services.AddSingleton<PollSlot>();
        services.AddHostedService<ScheduleSync>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = scheduler.ShutdownTimeout);
        return services;
    }

    /// <summary>
    /// How long Quartz's scheduling loop sleeps when it finds nothing to fire: half the shortest source
    /// interval, between 1 and 30 seconds (Quartz's default). After an outage the loop can find the
    /// missed fires skipped and nothing due; with the default it then slept ~30 s, so a 3-second source
    /// went unpolled for 30 s after the database was back.
    /// </summary>
    private static TimeSpan IdleWaitTime(IConfiguration configuration)
    {
        var sources = new List<SourceOptions>();
        configuration.GetSection(SourcesOptions.Section).Bind(sources);
        var shortest = sources.Where(s => s.Enabled && (s.Every is not null || Cron.IsValid(s.Cron)))
            .Select(s => s.ExpectedInterval()).DefaultIfEmpty(TimeSpan.FromMinutes(1)).Min();
        return TimeSpan.FromTicks(Math.Clamp(shortest.Ticks / 2, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromSeconds(30).Ticks));
    }
}
