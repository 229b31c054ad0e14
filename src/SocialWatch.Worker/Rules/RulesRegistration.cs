using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocialWatch.Rules;

namespace SocialWatch.Worker.Rules;

internal static class RulesRegistration
{
    /// <summary>The watch list ("Watch", in the shape of watch.json), the rules' knobs ("Rules"), one
    /// classifier for the process, and the page rules stage that writes flags.</summary>
    public static IServiceCollection AddRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WatchOptions>().Bind(configuration.GetSection(WatchOptions.SectionName))
            .Validate(w => w.Organisation.Names.Count > 0, "Watch:Organisation:Names needs at least one name of the organisation")
            .ValidateOnStart();
        // Checked when the worker starts, not when the first job builds the classifier: a missing logo
        // would otherwise fail every job, each time it fires, instead of stopping start-up once.
        services.AddSingleton<IValidateOptions<WatchOptions>, LogoFilesExist>();
        services.AddOptions<RulesOptions>().Bind(configuration.GetSection(RulesOptions.SectionName)).ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var watch = sp.GetRequiredService<IOptions<WatchOptions>>().Value;
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            return new Classifier(watch, sp.GetRequiredService<IOptions<RulesOptions>>().Value, LoadLogoHashes(watch, root),
                sp.GetRequiredService<SemanticModel>().Embedder);
        });
        services.AddSingleton<SemanticModel>();
        services.AddSingleton<OfficialStatementsCache>();
        services.AddSingleton<PageRules>();
        return services;
    }

    /// <summary>Hashes the configured logo files (paths relative to the application folder, or absolute),
    /// each with slightly rotated copies so a tilted logo still matches. A missing logo stops start-up
    /// (<see cref="LogoFilesExist"/>): without it the logo check would silently never fire.</summary>
    private static ulong[] LoadLogoHashes(WatchOptions watch, string root) =>
        watch.ResolveLogoPaths(root).SelectMany(path =>
        {
            if (!File.Exists(path))
            {
                throw new OptionsValidationException(WatchOptions.SectionName, typeof(WatchOptions),
                    [$"Watch:Organisation:LogoFiles: {path} does not exist"]);
            }
            try
            {
                return PerceptualHash.ComputeReferenceSet(File.ReadAllBytes(path));
            }
            catch (InvalidImageException)
            {
                throw new OptionsValidationException(WatchOptions.SectionName, typeof(WatchOptions),
                    [$"Watch:Organisation:LogoFiles: {path} is not a readable image"]);
            }
        }).ToArray();

    private sealed class LogoFilesExist(IHostEnvironment environment) : IValidateOptions<WatchOptions>
    {
        public ValidateOptionsResult Validate(string? name, WatchOptions options) =>
            options.ResolveLogoPaths(environment.ContentRootPath).Where(path => !File.Exists(path)).ToList() is { Count: > 0 } missing
                ? ValidateOptionsResult.Fail(missing.Select(path => $"Watch:Organisation:LogoFiles: {path} does not exist"))
                : ValidateOptionsResult.Success;
    }
}
