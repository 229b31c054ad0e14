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

    /// <summary>
    /// What is missing for a source of this platform and kind to be polled, as a message naming the
    /// setting (and its environment variable), or null when nothing is. The worker's start-up checks
    /// call it for every enabled source.
    /// </summary>
    public static string? CredentialProblem(IConfiguration configuration, string platform, SourceKind kind)
    {
        switch (platform)
        {
            case "x":
                var x = configuration.GetSection(XOptions.Section).Get<XOptions>() ?? new XOptions();
                if (string.IsNullOrWhiteSpace(x.BearerToken) && string.IsNullOrWhiteSpace(x.OwnedUserToken))
                {
                    return "X:BearerToken is required (environment variable X__BearerToken or a secret file)";
                }
                if (kind == SourceKind.AccountSearch && string.IsNullOrWhiteSpace(x.OwnedUserToken))
                {
                    return "X account search needs user context: X:OwnedUserToken is required (environment variable X__OwnedUserToken)";
                }
                return null;
            default:
                return null;
        }
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
