using Dapper;
using Npgsql;

namespace SocialWatch.Worker.Jobs;

/// <summary>
/// Claims a source's poll for the current interval: a scheduled poll goes ahead only if no poll of the
/// source started in the last three quarters of its interval, whichever worker started it. Quartz alone
/// does not promise that: a worker taken for dead by the cluster has its triggers fired again by the
/// others, and a trigger that falls behind fires its missed times back to back. The quarter of slack
/// lets an on-time fire through after a late one.
/// </summary>
internal sealed class PollSlot(NpgsqlDataSource db)
{
    // One statement, so two workers racing for the same source are ordered by the row lock: the second
    // sees the first one's last_attempt_at and claims nothing.
    private const string ClaimSql = """
        UPDATE source_cursors c SET last_attempt_at = now()
        FROM sources s
        WHERE s.id = c.source_id AND s.name = @Name
          AND (c.last_attempt_at IS NULL
               OR c.last_attempt_at <= now() - make_interval(secs => s.interval_seconds * 0.75))
        RETURNING c.source_id
        """;

    /// <summary>True when this poll may run; false when the source was polled too recently.</summary>
    public async Task<bool> TryClaimAsync(string sourceName, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var claimed = await connection.QueryAsync<long>(new CommandDefinition(ClaimSql, new { Name = sourceName }, cancellationToken: ct));
        return claimed.Any();
    }
}
