using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialWatch.Connectors.Resilience;
using SocialWatch.Connectors.X;

namespace SocialWatch.Connectors;

public static class ConnectorRegistration
{
    /// <summary>Registers every platform connector with its typed client and its resilience pipeline.</summary>
    public static IServiceCollection AddConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddTimeProvider();
        services.AddOptions<ResilienceOptions>().Bind(configuration.GetSection(ResilienceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddOptions<XOptions>().Bind(configuration.GetSection(XOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<XClient>(ConfigureClient).AddPlatformResilience();
        services.AddTransient<ISourceConnector, XConnector>();

        return services;
    }

    /// <summary>Settings every platform client shares: no buffering past the body cap, and the
    /// resilience pipeline (not HttpClient) owns timeouts.</summary>
    internal static void ConfigureClient(IServiceProvider services, HttpClient client)
    {
        client.MaxResponseContentBufferSize = services.GetRequiredService<IOptions<ResilienceOptions>>().Value.MaxResponseBytes;
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.UserAgent.ParseAdd("SocialWatch/1.0 (+council social media monitoring)");
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
