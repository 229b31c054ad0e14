using DbUp;
using DbUp.Engine.Output;
using DbUp.Postgresql;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SocialWatch.Worker.Storage;

/// <summary>
/// Applies db/migrations (embedded in the binary) with DbUp, journaled in public.schemaversions.
/// A session advisory lock makes it safe for several workers starting at once: one migrates, the
/// others wait and then find nothing to do.
/// </summary>
internal sealed partial class Migrator(NpgsqlDataSource dataSource, ILogger<Migrator> logger)
{
    // Any constant works; it only has to be the same in every worker.
    private const long MigrationLockKey = 0x50C1A1_3A7C;

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(ct);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            take.Parameters.AddWithValue("key", MigrationLockKey);
            await take.ExecuteNonQueryAsync(ct);
        }
        try
        {
            // The data source, not its ConnectionString: Npgsql leaves the password out of that string
            // (Persist Security Info is off), so a password-protected server would refuse DbUp.
            var upgrader = DeployChanges.To
                .PostgresqlDatabase(new PostgresqlConnectionManager(dataSource))
                .WithScriptsEmbeddedInAssembly(typeof(Migrator).Assembly, name => name.StartsWith("migrations.", StringComparison.Ordinal))
                .WithTransactionPerScript()
                .JournalToPostgresqlTable("public", "schemaversions")
                .LogTo(new DbUpLog(logger))
                .Build();
            var result = upgrader.PerformUpgrade();
            if (!result.Successful)
            {
                throw new InvalidOperationException($"Migration {result.ErrorScript?.Name ?? "?"} failed: {result.Error?.Message}", result.Error);
            }
            var applied = result.Scripts.Select(s => s.Name).ToList();
            LogMigrated(logger, applied.Count);
            return applied;
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", MigrationLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Database migrated: {Count} new script(s) applied")]
    private static partial void LogMigrated(ILogger logger, int count);

    [LoggerMessage(EventId = 101, Message = "DbUp: {Line}")]
    private static partial void LogDbUp(ILogger logger, LogLevel level, string line);

    /// <summary>DbUp's progress lines, at debug level: the summary above is what operators need.</summary>
    private sealed class DbUpLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }
        public void LogDebug(string format, params object[] args) { }
        public void LogInformation(string format, params object[] args) => LogDbUp(logger, LogLevel.Debug, Format(format, args));
        public void LogWarning(string format, params object[] args) => LogDbUp(logger, LogLevel.Warning, Format(format, args));
        public void LogError(string format, params object[] args) => LogDbUp(logger, LogLevel.Error, Format(format, args));
        public void LogError(Exception ex, string format, params object[] args) => LogDbUp(logger, LogLevel.Error, Format(format, args) + ": " + ex.Message);

        // DbUp hands us composite-format strings ({0}), not message templates.
        private static string Format(string format, object[] args) =>
            args.Length == 0 ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
    }
}
