using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialWatch.Worker.Jobs;

namespace SocialWatch.Worker.Health;

/// <summary>
/// The truth about a worker, for `socialwatch health` (Docker's HEALTHCHECK) and operators: the
/// database answers, the scheduler is checking in, every source has succeeded recently, no alert is
/// stuck. Each problem is one line an operator can act on.
/// </summary>
internal sealed class HealthCheck(NpgsqlDataSource db, IOptions<HealthOptions> options, IOptions<SchedulerOptions> scheduler, TimeProvider time)
{
    private const string SchedulerSql = """
        SELECT instance_name AS Instance, last_checkin_time AS LastCheckinMs, checkin_interval AS IntervalMs
        FROM qrtz_scheduler_state
        """;

    // A source that never succeeded is measured from when it was configured.
    private const string LateSourcesSql = """
        SELECT s.name, COALESCE(c.last_success_at, s.created_at) AS since, c.last_error
        FROM sources s JOIN source_cursors c ON c.source_id = s.id
        WHERE s.enabled
          AND COALESCE(c.last_success_at, s.created_at) < now() - make_interval(secs => s.interval_seconds * @Missed)
        ORDER BY s.name
        """;

    private const string StuckAlertsSql = """
        SELECT count(*) FILTER (WHERE status = 'failed') AS failed,
               count(*) FILTER (WHERE status = 'pending' AND delivery = 'immediate' AND created_at < now() - @StuckAfter) AS stuck
        FROM alert_outbox
        """;

    private sealed record SchedulerRow(string Instance, long LastCheckinMs, long IntervalMs);

    private sealed record LateSource(string Name, DateTime Since, string? LastError);

    public async Task<IReadOnlyList<string>> ProblemsAsync(CancellationToken ct)
    {
        var problems = new List<string>();
        NpgsqlConnection connection;
        try
        {
            connection = await db.OpenConnectionAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return [$"database unreachable: {e.Message}"];
        }
        await using (connection)
        {
            var now = time.GetUtcNow();
            var instances = (await connection.QueryAsync<SchedulerRow>(new CommandDefinition(SchedulerSql, cancellationToken: ct))).ToList();
            var mine = ReadInstanceFile();
            var relevant = mine is null ? instances : instances.Where(i => i.Instance == mine).ToList();
            // A scheduler that missed two check-ins (plus a margin) is not running.
            var alive = relevant.Any(i => now.ToUnixTimeMilliseconds() - i.LastCheckinMs < Math.Max(i.IntervalMs, (long)scheduler.Value.ClusterCheckinInterval.TotalMilliseconds) * 2 + 5000);
            if (!alive)
            {
                problems.Add(mine is null
                    ? "scheduler not running: no worker has checked in with the job store"
                    : $"scheduler not running: worker {mine} has not checked in with the job store");
            }

            var late = await connection.QueryAsync<LateSource>(new CommandDefinition(LateSourcesSql, new { Missed = options.Value.MissedIntervals }, cancellationToken: ct));
            foreach (var source in late)
            {
                problems.Add($"source {source.Name} has not succeeded since {source.Since:yyyy-MM-dd HH:mm} UTC" +
                    (source.LastError is null ? "" : $": {source.LastError}"));
            }

            var (failed, stuck) = await connection.QuerySingleAsync<(long Failed, long Stuck)>(
                new CommandDefinition(StuckAlertsSql, new { StuckAfter = options.Value.AlertStuckAfter }, cancellationToken: ct));
            if (failed > 0)
            {
                problems.Add($"{failed} alert(s) failed to send: see `socialwatch alerts` in the log and the alert_outbox table");
            }
            if (stuck > 0)
            {
                problems.Add($"{stuck} urgent alert(s) unsent for over {options.Value.AlertStuckAfter.TotalMinutes:0} minutes: is the mail server reachable?");
            }
        }
        return problems;
    }

    private string? ReadInstanceFile()
    {
        var path = options.Value.InstanceFile;
        return File.Exists(path) ? File.ReadAllText(path).Trim() is { Length: > 0 } id ? id : null : null;
    }
}
