using System.ComponentModel.DataAnnotations;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;
using SocialWatch.Connectors.Avatars;
using SocialWatch.Rules;
using SocialWatch.Worker.Alerts;
using SocialWatch.Worker.Jobs;

namespace SocialWatch.Worker.Avatars;

/// <summary>Section "AvatarRefresh": how often new or changed profile pictures are fetched and hashed.</summary>
internal sealed class AvatarRefreshOptions
{
    public const string Section = "AvatarRefresh";

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Every { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Accounts handled per run.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Tries per URL before giving up until the platform reports a new one.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;
}

/// <summary>
/// Downloads each new or changed profile picture (AvatarFetcher: size cap, content-type and image
/// header checks, no redirects to private addresses), keeps its perceptual hash, and checks the
/// account again with it so a copy of the council's logo is flagged. The picture itself is kept only
/// when it looked like the logo (AvatarStore), for the clerk to see beside the logo; any other picture
/// is discarded once hashed.
/// </summary>
internal sealed partial class AvatarRefresh(NpgsqlDataSource db, AvatarFetcher fetcher, Classifier classifier,
    IOptions<AvatarRefreshOptions> options, IOptions<AlertsOptions> alerts, ILogger<AvatarRefresh> logger)
{
    private const string PendingSql = """
        SELECT id, platform, platform_id, handle, display_name, bio, avatar_url
        FROM accounts
        WHERE avatar_url IS NOT NULL AND avatar_url IS DISTINCT FROM avatar_fetched_url AND avatar_attempts < @MaxAttempts
        ORDER BY last_seen_at DESC
        LIMIT @BatchSize
        """;

    // Only if the URL is still the one fetched: a profile that changed meanwhile is fetched again next run.
    private const string StoreHashSql = """
        UPDATE accounts SET avatar_hash = @Hash, avatar_fetched_url = @Url, avatar_error = NULL
        WHERE id = @Id AND avatar_url = @Url
        """;

    private const string StoreFailureSql = """
        UPDATE accounts SET avatar_attempts = avatar_attempts + 1, avatar_error = @Error,
            avatar_fetched_url = CASE WHEN avatar_attempts + 1 >= @MaxAttempts THEN avatar_url ELSE avatar_fetched_url END
        WHERE id = @Id AND avatar_url = @Url
        """;

    private sealed record Pending(long Id, string Platform, string PlatformId, string Handle, string DisplayName, string Bio, string AvatarUrl);

    public async Task<int> RefreshAsync(CancellationToken ct)
    {
        var settings = options.Value;
        List<Pending> pending;
        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            pending = (await connection.QueryAsync<Pending>(new CommandDefinition(PendingSql, new { settings.MaxAttempts, settings.BatchSize }, cancellationToken: ct))).ToList();
        }
        var flagged = 0;
        foreach (var account in pending)
        {
            var (image, hash, error) = await FetchHashAsync(account.AvatarUrl, ct);
            await using var connection = await db.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (hash is { } h)
            {
                var updated = await connection.ExecuteAsync(new CommandDefinition(StoreHashSql,
                    new { Id = account.Id, Url = account.AvatarUrl, Hash = unchecked((long)h) }, tx, cancellationToken: ct));
                if (updated == 1)
                {
                    var input = new AccountInput(account.Platform, account.PlatformId, account.Handle, account.DisplayName, account.Bio, h);
                    foreach (var flag in classifier.CheckAccount(input))
                    {
                        // Kept even when the flag already exists or is suppressed: it is the picture that matched.
                        if (flag.Evidence.ContainsKey("logo_similarity"))
                        {
                            await AvatarStore.SaveAsync(connection, tx, account.Id, image!, account.AvatarUrl, ct);
                        }
                        if (await FlagStore.AddAsync(connection, tx, new NewFlag(flag.Rule, flag.Severity, flag.Score,
                                flag.Evidence.ToJsonString(), flag.PolicyClause, account.Id, null), alerts.Value.DismissedSuppressionDays, ct) is not null)
                        {
                            flagged++;
                        }
                    }
                }
            }
            else
            {
                LogFailed(logger, account.Platform, account.Handle, error!);
                await connection.ExecuteAsync(new CommandDefinition(StoreFailureSql,
                    new { Id = account.Id, Url = account.AvatarUrl, Error = error, settings.MaxAttempts }, tx, cancellationToken: ct));
            }
            await tx.CommitAsync(ct);
        }
        if (pending.Count > 0)
        {
            LogRefreshed(logger, pending.Count, flagged);
        }
        return flagged;
    }

    private async Task<(byte[]? Image, ulong? Hash, string? Error)> FetchHashAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return (null, null, "not an absolute URL");
        }
        var result = await fetcher.FetchAsync(uri, ct);
        if (!result.Succeeded)
        {
            return (null, null, result.Failure ?? "download failed");
        }
        return PerceptualHash.TryCompute(result.Image) is { } hash ? (result.Image, hash, null) : (null, null, "not a decodable image");
    }

    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Avatars: {Count} fetched and hashed, {Flagged} new flag(s)")]
    private static partial void LogRefreshed(ILogger logger, int count, int flagged);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "Avatar of {Platform} @{Handle} not fetched: {Error}")]
    private static partial void LogFailed(ILogger logger, string platform, string handle, string error);
}

[DisallowConcurrentExecution]
internal sealed class AvatarRefreshJob(AvatarRefresh refresh) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await refresh.RefreshAsync(ct);
}

internal static class AvatarRegistration
{
    public static IServiceCollection AddAvatarRefresh(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AvatarRefreshOptions>().Bind(configuration.GetSection(AvatarRefreshOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddTransient<AvatarRefresh>();
        services.AddTransient<AvatarRefreshJob>();
        services.AddSingleton(sp => new RecurringJob("avatars", typeof(AvatarRefreshJob), sp.GetRequiredService<IOptions<AvatarRefreshOptions>>().Value.Every, null));
        return services;
    }
}
