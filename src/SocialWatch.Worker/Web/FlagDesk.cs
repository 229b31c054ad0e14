using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace SocialWatch.Worker.Web;

/// <summary>One row of the review list, and of the CSV export.</summary>
internal sealed record FlagRow(
    long FlagId, string Platform, string AuthorHandle, string AuthorName, string? PostText, string? Url, DateTime? PostedAt,
    DateTime FlaggedAt, string Rule, string Severity, double Score, string Evidence, string PolicyClause, string Status,
    string? ReviewedBy, DateTime? ReviewedAt, string? ReviewNote, long AccountId);

/// <summary>A flagged account's kept picture, as the clerk's role reads it.</summary>
internal sealed record AccountPicture(string ContentType, byte[] Image, DateTime FetchedAt);

/// <summary>
/// The review page's reads and its one write. Reads run inside a transaction that first does
/// SET LOCAL ROLE to the clerk's role (Web:ClerkRole), so the page sees exactly what a clerk in a
/// database client sees: the flagged_posts view and nothing else. The review is recorded through
/// review_flag(id, status, note, reviewer), the same function the CLI and the clerk's role use, named
/// for the clerk signed in to the page (the database cannot know her: the page signs her in).
/// </summary>
internal sealed class FlagDesk(NpgsqlDataSource db, IOptions<WebOptions> options, IOptions<Alerts.AlertsOptions> alerts)
{
    public const int PageLimit = 500;
    public const int ExportLimit = 50_000;

    private const string Columns = """
        flag_id, platform, author_handle, author_name, post_text, url, posted_at, flagged_at, rule, severity, score,
        evidence::text AS evidence, policy_clause, status, reviewed_by, reviewed_at, review_note, account_id
        """;

    public async Task<IReadOnlyList<FlagRow>> ListAsync(FlagFilter filter, int limit, CancellationToken ct)
    {
        var zone = alerts.Value.DigestZone();
        DateTimeOffset? from = filter.From is { } f ? new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(f.ToDateTime(TimeOnly.MinValue), zone)) : null;
        DateTimeOffset? to = filter.To is { } t ? new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue), zone)) : null;
        var status = filter.EffectiveStatus;
        var account = string.IsNullOrWhiteSpace(filter.Account) ? null : "%" + Like(filter.Account.Trim().TrimStart('@')) + "%";
        var sql = $"""
            SELECT {Columns} FROM flagged_posts
            WHERE (@status = 'any' OR status = @status)
              AND (@rule::text IS NULL OR rule = @rule)
              AND (@platform::text IS NULL OR platform = @platform)
              AND (@from::timestamptz IS NULL OR flagged_at >= @from)
              AND (@to::timestamptz IS NULL OR flagged_at < @to)
              AND (@account::text IS NULL OR author_handle ILIKE @account OR author_name ILIKE @account)
            ORDER BY flagged_at DESC, flag_id DESC
            LIMIT @limit
            """;
        return await AsClerkAsync(c => c.QueryAsync<FlagRow>(new CommandDefinition(sql, new
        {
            status,
            rule = Blank(filter.Rule),
            platform = Blank(filter.Platform),
            from,
            to,
            account,
            limit,
        }, cancellationToken: ct)), ct);
    }

    public async Task<FlagRow?> FindAsync(long id, CancellationToken ct) =>
        (await AsClerkAsync(c => c.QueryAsync<FlagRow>(new CommandDefinition(
            $"SELECT {Columns} FROM flagged_posts WHERE flag_id = @id", new { id }, cancellationToken: ct)), ct)).SingleOrDefault();

    /// <summary>The same account's other flags, newest first.</summary>
    public Task<IReadOnlyList<FlagRow>> EarlierAsync(FlagRow flag, CancellationToken ct) =>
        AsClerkAsync(c => c.QueryAsync<FlagRow>(new CommandDefinition(
            $"SELECT {Columns} FROM flagged_posts WHERE account_id = @AccountId AND flag_id <> @FlagId ORDER BY flagged_at DESC, flag_id DESC LIMIT 50",
            new { flag.AccountId, flag.FlagId }, cancellationToken: ct)), ct);

    /// <summary>The account's kept picture (flagged accounts only: the view shows no other), or null.</summary>
    public async Task<AccountPicture?> PictureAsync(long accountId, CancellationToken ct) =>
        (await AsClerkAsync(c => c.QueryAsync<AccountPicture>(new CommandDefinition(
            "SELECT content_type, image, fetched_at FROM flagged_account_avatars WHERE account_id = @accountId",
            new { accountId }, cancellationToken: ct)), ct)).SingleOrDefault();

    /// <summary>When the account's kept picture was fetched, or null when none is kept (the bytes are
    /// read only by the image request).</summary>
    public async Task<DateTime?> PictureFetchedAtAsync(long accountId, CancellationToken ct) =>
        (await AsClerkAsync(c => c.QueryAsync<DateTime>(new CommandDefinition(
            "SELECT fetched_at FROM flagged_account_avatars WHERE account_id = @accountId",
            new { accountId }, cancellationToken: ct)), ct)).Select(at => (DateTime?)at).SingleOrDefault();

    /// <summary>Records the clerk's decision; false when there is no such flag.</summary>
    public async Task<bool> ReviewAsync(long id, string status, string? note, string reviewer, CancellationToken ct)
    {
        if (!FlagFilter.Statuses.Contains(status))
        {
            throw new ArgumentException($"unknown status {status}");
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT review_flag(@id, @status, @note, @reviewer)",
                new { id, status, note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), reviewer }, cancellationToken: ct));
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.NoDataFound)
        {
            return false;
        }
    }

    private async Task<IReadOnlyList<T>> AsClerkAsync<T>(Func<NpgsqlConnection, Task<IEnumerable<T>>> query, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, ct);
        // The role name is checked by WebOptions (lower-case identifier), so quoting it is enough.
        await connection.ExecuteAsync(new CommandDefinition($"SET LOCAL ROLE \"{options.Value.ClerkRole}\"", transaction: tx, cancellationToken: ct));
        var rows = (await query(connection)).ToList();
        await tx.CommitAsync(ct);
        return rows;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Like(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
