using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;
using SocialWatch.Worker.Jobs;

namespace SocialWatch.Worker.Retention;

[DisallowConcurrentExecution]
internal sealed class RetentionJob(RetentionPurge purge) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await purge.PurgeAsync(ct);
}

internal static class RetentionRegistration
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section)).ValidateDataAnnotations()
            .Validate(o => Cron.IsValid(o.Cron), "Retention:Cron is not a valid Quartz cron expression").ValidateOnStart();
        services.AddTransient<RetentionPurge>();
        services.AddTransient<RetentionJob>();
        services.AddSingleton(sp => new RecurringJob("retention", typeof(RetentionJob), null, sp.GetRequiredService<IOptions<RetentionOptions>>().Value.Cron));
        return services;
    }
}
