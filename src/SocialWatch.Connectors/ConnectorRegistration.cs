using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialWatch.Connectors.Avatars;
using SocialWatch.Connectors.Bluesky;
using SocialWatch.Connectors.Facebook;
using SocialWatch.Connectors.Mastodon;
using SocialWatch.Connectors.Resilience;
using SocialWatch.Connectors.Rss;
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

        // Facebook goes through RestSharp, over the HttpClient the factory gives FacebookClient, so the
        // same resilience pipeline applies.
        services.AddOptions<FacebookOptions>().Bind(configuration.GetSection(FacebookOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<FacebookClient>(ConfigureClient).AddPlatformResilience();
        services.AddTransient<ISourceConnector, FacebookConnector>();

        services.AddOptions<BlueskyOptions>().Bind(configuration.GetSection(BlueskyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BlueskySessionCache>();
        services.AddHttpClient<BlueskyClient>(ConfigureClient).AddPlatformResilience();
        services.AddTransient<ISourceConnector, BlueskyConnector>();

        services.AddOptions<MastodonOptions>().Bind(configuration.GetSection(MastodonOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<MastodonClient>(ConfigureClient).AddPlatformResilience();
        services.AddTransient<ISourceConnector, MastodonConnector>();

        services.AddOptions<RssOptions>().Bind(configuration.GetSection(RssOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<RssClient>(ConfigureClient).AddPlatformResilience();
        services.AddTransient<ISourceConnector, RssConnector>();

        // Avatars: no retry pipeline (a refused address must not be retried, and a missing avatar is
        // fetched again at the next sweep), its own guarded handler and its own size cap.
        services.AddOptions<AvatarOptions>().Bind(configuration.GetSection(AvatarOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<AvatarFetcher>(client =>
            {
                // The fetcher's own timeout covers the download, redirects included.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("SocialWatch/1.0 (+council social media monitoring)");
            })
            .ConfigurePrimaryHttpMessageHandler(sp => AvatarFetcher.CreateHandler(sp.GetRequiredService<IOptions<AvatarOptions>>().Value));

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
            case "facebook":
                var facebook = configuration.GetSection(FacebookOptions.Section).Get<FacebookOptions>() ?? new FacebookOptions();
                if (kind == SourceKind.Search)
                {
                    return "Facebook has no keyword search of posts: use a Mentions source (posts tagging the Page) instead";
                }
                if (kind == SourceKind.AccountSearch && string.IsNullOrWhiteSpace(facebook.SearchAccessToken) && string.IsNullOrWhiteSpace(facebook.PageAccessToken))
                {
                    return "Facebook Page search needs a token of an app with Page Public Metadata Access: Facebook:SearchAccessToken is required (environment variable Facebook__SearchAccessToken)";
                }
                if (kind != SourceKind.AccountSearch && string.IsNullOrWhiteSpace(facebook.PageAccessToken))
                {
                    return "Facebook:PageAccessToken is required (environment variable Facebook__PageAccessToken)";
                }
                return null;
            case "bluesky":
                var bluesky = configuration.GetSection(BlueskyOptions.Section).Get<BlueskyOptions>() ?? new BlueskyOptions();
                if (kind is SourceKind.Search or SourceKind.Mentions)
                {
                    if (string.IsNullOrWhiteSpace(bluesky.Handle))
                    {
                        return "Bluesky post search needs a signed-in account: Bluesky:Handle is required (environment variable Bluesky__Handle)";
                    }
                    if (string.IsNullOrWhiteSpace(bluesky.AppPassword))
                    {
                        return "Bluesky post search needs a signed-in account: Bluesky:AppPassword is required (environment variable Bluesky__AppPassword)";
                    }
                }
                return null;
            case "mastodon":
                var mastodon = configuration.GetSection(MastodonOptions.Section).Get<MastodonOptions>() ?? new MastodonOptions();
                if (kind is SourceKind.Mentions or SourceKind.Search or SourceKind.AccountSearch && string.IsNullOrWhiteSpace(mastodon.AccessToken))
                {
                    return $"Mastodon {(kind == SourceKind.Mentions ? "mentions" : "search")} needs the council account's token: Mastodon:AccessToken is required (environment variable Mastodon__AccessToken)";
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
