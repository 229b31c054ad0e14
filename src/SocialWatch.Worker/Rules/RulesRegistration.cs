using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialWatch.Worker.Rules;

internal static class RulesRegistration
{
    public static IServiceCollection AddRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PageRules>();
        return services;
    }
}
