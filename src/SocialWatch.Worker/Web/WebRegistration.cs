using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialWatch.Worker.Web;

// In the root namespace so WorkerHost finds AddReviewPage without another using directive.
namespace SocialWatch.Worker;

internal static class WebRegistration
{
    /// <summary>The "Web" settings (always bound: emails link to the page even from a worker that does
    /// not serve it) and, when Web:Enabled, the page itself.</summary>
    public static IServiceCollection AddReviewPage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>().Bind(configuration.GetSection(WebOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
        services.AddSingleton<ClerkLogins>();
        if (configuration.GetSection(WebOptions.SectionName).GetValue<bool>(nameof(WebOptions.Enabled)))
        {
            services.AddSingleton<ReviewSite>();
            services.AddHostedService(sp => sp.GetRequiredService<ReviewSite>());
        }
        return services;
    }

    private sealed class WebOptionsValidator : IValidateOptions<WebOptions>
    {
        public ValidateOptionsResult Validate(string? name, WebOptions options) =>
            WebOptions.Check(options).ToList() is { Count: > 0 } failures ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
