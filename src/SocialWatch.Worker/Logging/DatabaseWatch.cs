using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialWatch.Worker.Storage;

namespace SocialWatch.Worker.Logging;

/// <summary>
/// Says what an operator needs to know when PostgreSQL goes away: one error when it becomes unreachable
/// (with the cause), a reminder at most once per <see cref="DatabaseWatchOptions.RemindEvery"/> while it
/// stays away, and one line when it is back. Everything else that fails meanwhile (the scheduler's own
/// retries) logs at Debug only (<see cref="QuietDatabaseNoise"/>), so this is the outage's record.
/// </summary>
internal sealed partial class DatabaseWatch(
    IOptions<DatabaseOptions> database,
    IOptions<DatabaseWatchOptions> options,
    TimeProvider time,
    ILogger<DatabaseWatch> logger) : BackgroundService
{
    private DateTimeOffset? _downSince;
    private DateTimeOffset _lastReminder;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A connection of its own each time, outside the pool: a pooled connection broken by the outage
        // would report the break rather than why the server cannot be reached now.
        var builder = new NpgsqlConnectionStringBuilder(database.Value.EffectiveConnectionString())
        {
            Pooling = false,
            Timeout = (int)Math.Clamp(options.Value.CheckEvery.TotalSeconds, 1, 15),
        };
        var endpoint = $"{builder.Host}:{builder.Port}";
        await using var probe = NpgsqlDataSource.Create(builder.ConnectionString);
        using var timer = new PeriodicTimer(options.Value.CheckEvery, time);
        do
        {
            await CheckAsync(probe, endpoint, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task CheckAsync(NpgsqlDataSource probe, string endpoint, CancellationToken ct)
    {
        try
        {
            await using var connection = await probe.OpenConnectionAsync(ct);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException && !ct.IsCancellationRequested)
        {
            Unreachable(DatabaseTrouble.Describe(e, endpoint));
            return;
        }
        if (_downSince is { } since)
        {
            LogBack(logger, Round(time.GetUtcNow() - since));
            _downSince = null;
        }
    }

    private void Unreachable(string cause)
    {
        var now = time.GetUtcNow();
        if (_downSince is not { } since)
        {
            _downSince = _lastReminder = now;
            LogUnreachable(logger, cause);
        }
        else if (now - _lastReminder >= options.Value.RemindEvery)
        {
            _lastReminder = now;
            LogStillUnreachable(logger, Round(now - since), cause);
        }
    }

    private static TimeSpan Round(TimeSpan span) => TimeSpan.FromSeconds(Math.Round(span.TotalSeconds));

    [LoggerMessage(EventId = 700, Level = LogLevel.Error, Message = "The database is unreachable: {Cause}. Polling and alerts pause until it is back")]
    private static partial void LogUnreachable(ILogger logger, string cause);

    [LoggerMessage(EventId = 701, Level = LogLevel.Warning, Message = "The database is still unreachable after {Down:c}: {Cause}")]
    private static partial void LogStillUnreachable(ILogger logger, TimeSpan down, string cause);

    [LoggerMessage(EventId = 702, Level = LogLevel.Information, Message = "The database is back after {Down:c} unreachable; polls and alerts resume")]
    private static partial void LogBack(ILogger logger, TimeSpan down);
}
