using Dapper;
using Npgsql;

namespace SocialWatch.Worker.Ingestion;

/// <summary>The sources table and each source's cursor and health.</summary>
internal sealed class SourceStore(NpgsqlDataSource db)
{
    /// <summary>A source as stored, with how its polls have gone. Times are UTC (Npgsql reads timestamptz as UTC DateTime).</summary>
    internal sealed record SourceStatus(
        long Id, string Name, string Platform, string Kind, string Target, string Schedule, int IntervalSeconds, bool Enabled,
        string? Position, DateTime? LastAttemptAt, DateTime? LastSuccessAt, DateTime? LastErrorAt,
        string? LastError, DateTime? FailingSince, DateTime? NotBefore, long PostsStored);

    private const string UpsertSql = """
        INSERT INTO sources (name, platform, kind, target, schedule, interval_seconds, enabled)
        VALUES (@Name, @Platform, @Kind, @Target, @Schedule, @IntervalSeconds, @Enabled)
        ON CONFLICT (name) DO UPDATE SET
            platform = excluded.platform, kind = excluded.kind, target = excluded.target,
            schedule = excluded.schedule, interval_seconds = excluded.interval_seconds, enabled = excluded.enabled,
            updated_at = now()
        RETURNING id
        """;

    // A source whose platform or target changed starts again from nothing: the old cursor means
    // nothing to the new target.
    private const string EnsureCursorSql = """
        INSERT INTO source_cursors (source_id) VALUES (@Id)
        ON CONFLICT (source_id) DO NOTHING
        """;

    private const string ResetCursorIfRetargetedSql = """
        UPDATE source_cursors c SET position = NULL
        FROM sources s
        WHERE s.id = c.source_id AND s.id = @Id AND (s.platform, s.kind, s.target) IS DISTINCT FROM (@Platform, @Kind, @Target)
        """;

    private const string DisableMissingSql = "UPDATE sources SET enabled = false, updated_at = now() WHERE NOT (name = ANY(@Names)) AND enabled";

    private const string SelectSql = """
        SELECT s.id, s.name, s.platform, s.kind, s.target, s.schedule, s.interval_seconds, s.enabled,
               c.position, c.last_attempt_at, c.last_success_at, c.last_error_at, c.last_error,
               c.failing_since, c.not_before, c.posts_stored
        FROM sources s JOIN source_cursors c ON c.source_id = s.id
        """;

    /// <summary>Makes the sources table match the configuration: new sources added, changed ones
    /// updated, removed ones disabled (kept, so their posts keep their source).</summary>
    public async Task SyncAsync(IReadOnlyList<SourceOptions> configured, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var s in configured)
        {
            var row = new
            {
                s.Name, s.Platform, Kind = s.Kind.ToString(), s.Target, s.Schedule,
                IntervalSeconds = (int)Math.Min(int.MaxValue, s.ExpectedInterval().TotalSeconds), s.Enabled,
            };
            var existing = await connection.ExecuteScalarAsync<long?>(
                new CommandDefinition("SELECT id FROM sources WHERE name = @Name", row, tx, cancellationToken: ct));
            if (existing is { } id)
            {
                await connection.ExecuteAsync(new CommandDefinition(ResetCursorIfRetargetedSql, new { Id = id, row.Platform, row.Kind, row.Target }, tx, cancellationToken: ct));
            }
            var sourceId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(UpsertSql, row, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(EnsureCursorSql, new { Id = sourceId }, tx, cancellationToken: ct));
        }
        await connection.ExecuteAsync(new CommandDefinition(DisableMissingSql, new { Names = configured.Select(s => s.Name).ToArray() }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<SourceStatus>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<SourceStatus>(new CommandDefinition(SelectSql + " ORDER BY s.name", cancellationToken: ct));
        return rows.ToList();
    }

    public async Task<SourceStatus?> FindAsync(string name, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<SourceStatus>(
            new CommandDefinition(SelectSql + " WHERE s.name = @Name", new { Name = name }, cancellationToken: ct));
    }

    public async Task RecordAttemptAsync(long sourceId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE source_cursors SET last_attempt_at = now() WHERE source_id = @Id", new { Id = sourceId }, cancellationToken: ct));
    }

    public async Task RecordSuccessAsync(long sourceId, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE source_cursors
            SET last_success_at = now(), failing_since = NULL, not_before = NULL
            WHERE source_id = @Id
            """, new { Id = sourceId }, cancellationToken: ct));
    }

    public async Task RecordFailureAsync(long sourceId, string error, DateTimeOffset? notBefore, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE source_cursors
            SET last_error_at = now(), last_error = @Error, failing_since = COALESCE(failing_since, now()), not_before = @NotBefore
            WHERE source_id = @Id
            """, new { Id = sourceId, Error = error, NotBefore = notBefore }, cancellationToken: ct));
    }
}
