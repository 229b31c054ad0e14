using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialWatch.Worker.Logging;

internal static class LoggingRegistration
{
    /// <summary>One clear line per database outage instead of a flood of stack traces: the database
    /// watch, and Quartz's connection errors moved to Debug. Call after logging is configured.</summary>
    public static IServiceCollection AddDatabaseOutageLog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseWatchOptions>().Bind(configuration.GetSection(DatabaseWatchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<DatabaseWatch>();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new QuietDatabaseNoise(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>()))));
        return services;
    }
}
