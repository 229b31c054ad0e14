using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using SocialWatch.Worker.Alerts;

namespace SocialWatch.Worker.Tests.Alerts;

/// <summary>A clock the test moves: alert back-off and digest slots are read from it.</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public ManualTime() : this(DateTimeOffset.UtcNow) { }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>Log lines kept for assertions.</summary>
internal sealed class LogSink : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, int EventId, string Message)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(LogSink sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Lines.Enqueue((logLevel, eventId.Id, formatter(state, exception)));
    }
}

/// <summary>Builders for the alert tests: settings, hosts with a manual clock, seeded accounts, posts and flags.</summary>
internal static class AlertTestKit
{
    public const string Clerk = "town.clerk@leigh.example";

    /// <summary>The worker's settings for a test database, with the sample watch list. Like
    /// TestHosts.Settings, but finds the repository from this source file, so it works however the
    /// tests are built (a private --artifacts-path puts the binaries outside the repository).</summary>
    public static Dictionary<string, string?> Settings(string connectionString)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Scheduler:ClusterCheckinInterval"] = "00:00:02",
            ["Scheduler:ShutdownTimeout"] = "00:00:10",
        }.WithDatabase(connectionString);
        foreach (var (key, value) in Worker.Rules.WatchFileSettings.Load(Path.Combine(RepoRoot(), "samples", "corpus", "watch.json")))
        {
            settings[key] = value;
        }
        return settings;
    }

    public static string RepoRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    public static Dictionary<string, string?> WithSmtp(this Dictionary<string, string?> settings, SmtpSink sink)
    {
        settings["Alerts:To"] = Clerk;
        settings["Alerts:From"] = "socialwatch@leigh.example";
        settings["Alerts:SmtpHost"] = "127.0.0.1";
        settings["Alerts:SmtpPort"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Alerts:Security"] = "None";
        settings["Alerts:SmtpTimeout"] = "00:00:05";
        return settings;
    }

    /// <summary>The real host (every feature, real configuration) with the test's clock and log.</summary>
    public static IHost Host(IReadOnlyDictionary<string, string?> settings, TimeProvider? time = null, LogSink? log = null)
    {
        var builder = WorkerHost.CreateBuilder(overrides: settings, jsonLogs: false);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }
        if (log is not null)
        {
            builder.Logging.AddProvider(log);
        }
        return builder.Build();
    }

    public static async Task<long> AccountAsync(string db, string handle, string name = "Someone", string bio = "", string platform = "x")
    {
        await using var connection = new NpgsqlConnection(db);
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO accounts (platform, platform_id, handle, display_name, bio)
            VALUES (@platform, @id, @handle, @name, @bio) RETURNING id
            """, new { platform, id = Guid.NewGuid().ToString("N"), handle, name, bio });
    }

    public static async Task<long> PostAsync(string db, long accountId, string text, string? url = null)
    {
        await using var connection = new NpgsqlConnection(db);
        var platformId = Guid.NewGuid().ToString("N");
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO posts (platform, platform_id, account_id, text, url, created_at, raw)
            VALUES ('x', @platformId, @accountId, @text, @url, now() - interval '5 minutes', '{}') RETURNING id
            """, new { platformId, accountId, text, url = url ?? $"https://x.com/i/status/{platformId}" });
    }

    public static NewFlag Flag(long accountId, long? postId, string rule = "impersonation", string severity = "high", double score = 0.9,
        string evidence = """{"reason": "display name within 1 edit of Leigh Town Council", "matched": "LeighTownCounci1"}""") =>
        new(rule, severity, score, evidence, "Social media identities, logon ID's and user names may not use Leigh Town Council's name.", accountId, postId);

    public static async Task<long?> AddFlagAsync(string db, NewFlag flag)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var id = await FlagStore.AddAsync(connection, tx, flag, new AlertsOptions().DismissedSuppressionDays, CancellationToken.None);
        await tx.CommitAsync();
        return id;
    }

    /// <summary>A post and its high-severity flag, with its immediate alert.</summary>
    public static async Task<long> FlaggedPostAsync(string db, string handle = "LeighTownCounci1", string text = "Official: the library closes for good on Friday.",
        string severity = "high", string rule = "impersonation", double score = 0.9)
    {
        var account = await AccountAsync(db, handle, "Leigh Town Council");
        var post = await PostAsync(db, account, text);
        return (await AddFlagAsync(db, Flag(account, post, rule, severity, score)))!.Value;
    }

    public static async Task<T> ScalarAsync<T>(string db, string sql, object? args = null)
    {
        await using var connection = new NpgsqlConnection(db);
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    public static AlertDispatcher Dispatcher(this IHost host) => host.Services.GetRequiredService<AlertDispatcher>();
}
