using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace SocialWatch.Worker.Jobs;

internal static class JobsRegistration
{
    /// <summary>Quartz with its clustered ADO job store on the same PostgreSQL as the data (tables
    /// from db/migrations, never created by Quartz), and the hosted services that run it.</summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var scheduler = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "SocialWatch";
                s.GenerateInstanceId = true;
            });
            q.UseDefaultThreadPool(scheduler.MaxConcurrency);
            q.UsePersistentStore(store =>
            {
                // Quartz takes its connections from the process's one NpgsqlDataSource.
                store.UsePostgres(o => o.UseRegisteredDataSource = true);
                store.UseClustering(c => c.CheckinInterval = scheduler.ClusterCheckinInterval);
                store.ConfigureStore(o => o.StoreJobDataAsStrings = true);
            });
        });

        // Migrations and the schedule must be in place before Quartz starts, so these hosted
        // services are registered first (hosted services start in registration order).
        services.AddHostedService<ScheduleSync>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = scheduler.ShutdownTimeout);
        return services;
    }
}
