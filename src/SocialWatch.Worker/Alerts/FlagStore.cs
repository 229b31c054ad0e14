using Dapper;
using Npgsql;

namespace SocialWatch.Worker.Alerts;

/// <summary>A flag the rules want stored. Severity is high, medium or low; EvidenceJson is a JSON object.</summary>
internal sealed record NewFlag(string Rule, string Severity /* high|medium|low */, double Score, string EvidenceJson, string PolicyClause, long AccountId, long? PostId);

/// <summary>
/// The flags table and the clerk's review of it. A flag and its pending alert are written in the
/// caller's transaction, so a flag never exists without its alert and a rolled-back page leaves neither.
/// </summary>
internal static class FlagStore
{
    /// <summary>The reviewer recorded on flags SocialWatch itself closes.</summary>
    public const string SystemReviewer = "socialwatch";

    public static readonly string[] Statuses = ["open", "acknowledged", "actioned", "dismissed"];


    // ON CONFLICT without a target covers both partial unique indexes (one per post and rule, one per
    // account and rule for account-level findings): a re-poll never flags twice.
    private const string InsertSql = """
        INSERT INTO flags (rule, severity, score, evidence, policy_clause, account_id, post_id, status, reviewed_by, reviewed_at, review_note)
        VALUES (@Rule, @Severity, @Score, @EvidenceJson::jsonb, @PolicyClause, @AccountId, @PostId,
                CASE WHEN @SuppressedBy IS NULL THEN 'open' ELSE 'dismissed' END,
                CASE WHEN @SuppressedBy IS NULL THEN NULL ELSE @SystemReviewer END,
                CASE WHEN @SuppressedBy IS NULL THEN NULL ELSE now() END,
                CASE WHEN @SuppressedBy IS NULL THEN NULL
                     ELSE 'Suppressed: the clerk dismissed flag ' || @SuppressedBy || ' (same rule, same account) within ' || @Days || ' days' END)
        ON CONFLICT DO NOTHING
        RETURNING id
        """;

    private const string EarlierDismissalSql = """
        SELECT id FROM flags
        WHERE account_id = @AccountId AND rule = @Rule AND status = 'dismissed'
          AND reviewed_by IS DISTINCT FROM @SystemReviewer
          AND reviewed_at >= now() - make_interval(days => @Days)
        ORDER BY reviewed_at DESC
        LIMIT 1
        """;

    private const string InsertAlertSql = """
        INSERT INTO alert_outbox (flag_id, kind, delivery) VALUES (@FlagId, 'flag', @Delivery)
        """;

    /// <summary>Stores the flag and, unless an earlier dismissal suppresses it, its pending alert:
    /// immediate for high severity, in the next digest otherwise. Returns the new flag's id, or null
    /// when the same post (or account) already carries a flag of this rule. A dismissal by the clerk
    /// within <paramref name="suppressionDays"/> (Alerts:DismissedSuppressionDays; 0 = off) stores the
    /// flag already dismissed, without an alert.</summary>
    public static async Task<long?> AddAsync(NpgsqlConnection connection, NpgsqlTransaction tx, NewFlag flag, int suppressionDays, CancellationToken ct)
    {
        var days = suppressionDays;
        long? suppressedBy = days <= 0 ? null : await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            EarlierDismissalSql, new { flag.AccountId, flag.Rule, Days = days, SystemReviewer }, tx, cancellationToken: ct));
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(InsertSql, new
        {
            flag.Rule, flag.Severity, flag.Score, flag.EvidenceJson, flag.PolicyClause, flag.AccountId, flag.PostId,
            SuppressedBy = suppressedBy?.ToString(System.Globalization.CultureInfo.InvariantCulture), SystemReviewer, Days = days,
        }, tx, cancellationToken: ct));
        if (id is { } flagId && suppressedBy is null)
        {
            var delivery = flag.Severity == "high" ? "immediate" : "digest";
            await connection.ExecuteAsync(new CommandDefinition(InsertAlertSql, new { FlagId = flagId, Delivery = delivery }, tx, cancellationToken: ct));
        }
        return id;
    }

    /// <summary>One row of the flagged_posts view.</summary>
    internal sealed record FlaggedPost(
        long FlagId, string Platform, string AuthorHandle, string AuthorName, string? PostText, string? Url,
        DateTime? PostedAt, DateTime FlaggedAt, string Rule, string Severity, double Score, string Evidence,
        string PolicyClause, string Status, string? ReviewedBy, DateTime? ReviewedAt, string? ReviewNote,
        long AccountId, long? PostId);

    private const string ViewColumns = """
        flag_id, platform, author_handle, author_name, post_text, url, posted_at, flagged_at, rule, severity,
        score, evidence::text AS evidence, policy_clause, status, reviewed_by, reviewed_at, review_note, account_id, post_id
        """;

    /// <summary>Filters of `flags list` and `flags export`; null means any.</summary>
    internal sealed record Filter(string? Status = null, string? Rule = null, DateTime? Since = null, long? AccountId = null, int? Limit = null);

    public static async Task<IReadOnlyList<FlaggedPost>> ListAsync(NpgsqlConnection connection, Filter filter, CancellationToken ct)
    {
        var sql = $"""
            SELECT {ViewColumns} FROM flagged_posts
            WHERE (@Status::text IS NULL OR status = @Status)
              AND (@Rule::text IS NULL OR rule = @Rule)
              AND (@Since::timestamptz IS NULL OR flagged_at >= @Since)
              AND (@AccountId::bigint IS NULL OR account_id = @AccountId)
            ORDER BY flagged_at DESC, flag_id DESC
            LIMIT @Limit
            """;
        var rows = await connection.QueryAsync<FlaggedPost>(new CommandDefinition(sql, new
        {
            filter.Status, filter.Rule, filter.Since, filter.AccountId, Limit = (long?)filter.Limit ?? long.MaxValue,
        }, cancellationToken: ct));
        return rows.ToList();
    }

    public static Task<FlaggedPost?> FindAsync(NpgsqlConnection connection, long flagId, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<FlaggedPost?>(new CommandDefinition(
            $"SELECT {ViewColumns} FROM flagged_posts WHERE flag_id = @flagId", new { flagId }, cancellationToken: ct));

    /// <summary>Records a review through review_flag, the function the clerk's database role uses too.</summary>
    public static async Task ReviewAsync(NpgsqlConnection connection, long flagId, string status, string? note, string reviewer, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT review_flag(@flagId, @status, @note, @reviewer)", new { flagId, status, note, reviewer }, cancellationToken: ct));
}
