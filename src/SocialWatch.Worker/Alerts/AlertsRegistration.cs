using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialWatch.Worker.Alerts;
using SocialWatch.Worker.Jobs;

// In the root namespace so WorkerHost finds AddAlerts without another using directive.
namespace SocialWatch.Worker;

internal static class AlertsRegistration
{
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertsOptions>().Bind(configuration.GetSection(AlertsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertsOptions>, AlertsOptionsValidator>();
        var options = configuration.GetSection(AlertsOptions.Section).Get<AlertsOptions>() ?? new AlertsOptions();
        services.AddTransient<AlertDispatcher>();
        services.AddTransient<AlertJob>();
        services.AddSingleton(new RecurringJob(AlertJob.Name, typeof(AlertJob), options.SendEvery, null));
        return services;
    }
}
