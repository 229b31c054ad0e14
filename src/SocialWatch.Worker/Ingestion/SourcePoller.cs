using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialWatch.Connectors;
using SocialWatch.Worker.Rules;

namespace SocialWatch.Worker.Ingestion;

/// <summary>What one poll did, for the log and for `poll --source`.</summary>
internal sealed record PollOutcome(string Source, int Pages, int NewPosts, int ChangedPosts, int Accounts, int Flags, string? Error, bool Skipped = false)
{
    public bool Succeeded => Error is null && !Skipped;
}

/// <summary>
/// One poll of one source: asks the connector for what is new since the stored cursor and stores
/// each page, its flags and the advanced cursor in one transaction. A crash or failure between pages
/// keeps every page already committed and loses nothing: the next poll resumes from the last cursor.
/// </summary>
internal sealed partial class SourcePoller(
    NpgsqlDataSource db,
    SourceStore sources,
    IOptionsMonitor<SourcesOptions> configured,
    IEnumerable<ISourceConnector> connectors,
    PageRules rules,
    TimeProvider time,
    ILogger<SourcePoller> logger)
{
    public async Task<PollOutcome> PollAsync(string sourceName, CancellationToken ct)
    {
        var options = configured.CurrentValue.Find(sourceName);
        var status = await sources.FindAsync(sourceName, ct);
        if (options is null || status is null)
        {
            return new PollOutcome(sourceName, 0, 0, 0, 0, 0, $"no source named '{sourceName}' is configured");
        }
        if (status.NotBefore is { } notBefore && notBefore > time.GetUtcNow().UtcDateTime)
        {
            LogWaiting(logger, sourceName, notBefore);
            return new PollOutcome(sourceName, 0, 0, 0, 0, 0, null, Skipped: true);
        }
        var connector = connectors.FirstOrDefault(c => c.Platform == options.Platform);
        if (connector is null)
        {
            return new PollOutcome(sourceName, 0, 0, 0, 0, 0, $"no connector for platform '{options.Platform}'");
        }

        // Belt and braces beside Quartz's cluster-wide [DisallowConcurrentExecution]: an operator's
        // `poll --source` must not run beside the scheduled poll of the same source either.
        await using var guard = await db.OpenConnectionAsync(ct);
        if (!await TryLockAsync(guard, status.Id, ct))
        {
            LogBusy(logger, sourceName);
            return new PollOutcome(sourceName, 0, 0, 0, 0, 0, null, Skipped: true);
        }

        try
        {
            return await PollLockedAsync(sourceName, options, status, connector, ct);
        }
        finally
        {
            await UnlockAsync(guard, status.Id);
        }
    }

    private async Task<PollOutcome> PollLockedAsync(string sourceName, SourceOptions options, SourceStore.SourceStatus status, ISourceConnector connector, CancellationToken ct)
    {
        await sources.RecordAttemptAsync(status.Id, ct);
        int pages = 0, newPosts = 0, changedPosts = 0, accounts = 0, flags = 0;
        try
        {
            await foreach (var page in connector.FetchAsync(options.ToSpec(), status.Position, ct))
            {
                await using var connection = await db.OpenConnectionAsync(ct);
                await using var tx = await connection.BeginTransactionAsync(ct);
                var stored = await PostStore.StoreAsync(connection, tx, status.Id, options.Platform, page, ct);
                flags += await rules.ApplyAsync(connection, tx, options, stored, ct);
                await tx.CommitAsync(ct);

                pages++;
                newPosts += stored.Posts.Count(p => p.IsNew);
                changedPosts += stored.Posts.Count(p => !p.IsNew);
                accounts += stored.Accounts.Count;
            }
            await sources.RecordSuccessAsync(status.Id, ct);
            LogPolled(logger, sourceName, pages, newPosts, changedPosts, flags);
            return new PollOutcome(sourceName, pages, newPosts, changedPosts, accounts, flags, null);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: committed pages stay, the rest is read again by the next poll.
            throw;
        }
        catch (Exception e) when (e is ConnectorException or NpgsqlException or TimeoutException or InvalidOperationException)
        {
            var retryAfter = (e as ConnectorException)?.RetryAfter;
            var message = e is ConnectorException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            LogFailed(logger, sourceName, message, pages);
            await TryRecordFailureAsync(status.Id, message, retryAfter);
            return new PollOutcome(sourceName, pages, newPosts, changedPosts, accounts, flags, message);
        }
    }

    private async Task TryRecordFailureAsync(long sourceId, string message, DateTimeOffset? retryAfter)
    {
        try
        {
            await sources.RecordFailureAsync(sourceId, message, retryAfter, CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The database itself is what failed; the log line above is all we can leave.
            LogCannotRecord(logger, e.Message);
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, long sourceId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@Scope, @Id::int)", connection);
        command.Parameters.AddWithValue("Scope", PollLockScope);
        command.Parameters.AddWithValue("Id", sourceId);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The lock is a session lock: without an explicit unlock it would stay with the pooled
    /// connection until Npgsql next reuses (and resets) it, and every other poll of the source in the
    /// meantime would be skipped as "being polled elsewhere". A broken connection has lost it anyway.</summary>
    private static async Task UnlockAsync(NpgsqlConnection connection, long sourceId)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@Scope, @Id::int)", connection);
            command.Parameters.AddWithValue("Scope", PollLockScope);
            command.Parameters.AddWithValue("Id", sourceId);
            await command.ExecuteScalarAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The connection is gone, and the lock with it.
        }
    }

    private const int PollLockScope = 0x5057; // "PW": poll of a source

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "Polled {Source}: {Pages} page(s), {NewPosts} new post(s), {ChangedPosts} edited, {Flags} flag(s)")]
    private static partial void LogPolled(ILogger logger, string source, int pages, int newPosts, int changedPosts, int flags);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Poll of {Source} failed after {Pages} stored page(s): {Error}")]
    private static partial void LogFailed(ILogger logger, string source, string error, int pages);

    [LoggerMessage(EventId = 202, Level = LogLevel.Information, Message = "Skipping {Source}: the platform asked us to wait until {NotBefore:u}")]
    private static partial void LogWaiting(ILogger logger, string source, DateTime notBefore);

    [LoggerMessage(EventId = 203, Level = LogLevel.Information, Message = "Skipping {Source}: it is being polled elsewhere right now")]
    private static partial void LogBusy(ILogger logger, string source);

    [LoggerMessage(EventId = 204, Level = LogLevel.Error, Message = "Could not record the failure in the database: {Error}")]
    private static partial void LogCannotRecord(ILogger logger, string error);
}
