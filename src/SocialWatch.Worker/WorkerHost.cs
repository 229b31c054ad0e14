using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SocialWatch.Connectors;
using SocialWatch.Worker.Avatars;
using SocialWatch.Worker.Ingestion;
using SocialWatch.Worker.Health;
using SocialWatch.Worker.Jobs;
using SocialWatch.Worker.Logging;
using SocialWatch.Worker.Retention;
using SocialWatch.Worker.Rules;
using SocialWatch.Worker.Storage;

namespace SocialWatch.Worker;

/// <summary>Builds the worker's host: configuration, logging and one extension method per feature.</summary>
internal static class WorkerHost
{
    /// <summary>Environment variable naming a folder of secret files (one file per setting, named like
    /// the environment variable, e.g. X__BearerToken). /run/secrets (Docker secrets) is always read.</summary>
    public const string SecretsDirectoryVariable = "SOCIALWATCH_SECRETS_DIR";

    public static HostApplicationBuilder CreateBuilder(string? configFile = null, IReadOnlyDictionary<string, string?>? overrides = null, bool jsonLogs = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        AddSecretFiles(builder.Configuration);
        if (configFile is not null)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        }
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Logging.ClearProviders();
        if (jsonLogs)
        {
            // One JSON object per line on stdout: what log collectors (docker logs, journald) expect.
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = false;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Logging.AddFilter((category, level) => level >= LogLevel.Warning);
        }
        // Quartz and the HTTP client factory are chatty at Information; their warnings still show.
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        // Data Protection warns on every new cookie key that it is stored unencrypted; that is the design
        // (docs/security.md, "The session"), so only its errors show.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddStorage(builder.Configuration);
        builder.Services.AddConnectors(builder.Configuration);
        builder.Services.AddIngestion(builder.Configuration);
        builder.Services.AddRules(builder.Configuration);
        builder.Services.AddAlerts(builder.Configuration);
        builder.Services.AddJobs(builder.Configuration);
        builder.Services.AddHealth(builder.Configuration);
        builder.Services.AddRetention(builder.Configuration);
        builder.Services.AddAvatarRefresh(builder.Configuration);
        builder.Services.AddDatabaseOutageLog(builder.Configuration);
        builder.Services.AddReviewPage(builder.Configuration);
        return builder;
    }

    /// <summary>The secret files, as every entry point reads them: /run/secrets (Docker secrets), then the
    /// folder named by <see cref="SecretsDirectoryVariable"/>.</summary>
    public static IConfigurationBuilder AddSecretFiles(IConfigurationBuilder configuration)
    {
        foreach (var directory in new[] { "/run/secrets", Environment.GetEnvironmentVariable(SecretsDirectoryVariable) })
        {
            if (!string.IsNullOrEmpty(directory) && Directory.Exists(directory))
            {
                configuration.AddKeyPerFile(directory, optional: true);
            }
        }
        return configuration;
    }
}
