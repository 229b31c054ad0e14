using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SocialWatch.Worker.Ingestion;

internal static class IngestionRegistration
{
    public static IServiceCollection AddIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SourcesOptions>()
            .Configure(o => configuration.GetSection(SourcesOptions.Section).Bind(o.Items))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SourcesOptions>, SourcesOptionsValidator>();
        services.AddSingleton<SourceStore>();
        services.AddTransient<SourcePoller>();
        return services;
    }
}
