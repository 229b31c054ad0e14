using Dapper;
using Npgsql;
using static SocialWatch.Worker.Tests.Alerts.AlertTestKit;

namespace SocialWatch.Worker.Tests.Alerts;

/// <summary>The socialwatch_clerk role reads the flagged_posts view and reviews flags, and nothing else.</summary>
public sealed class ClerkRoleTests
{
    private static async Task<NpgsqlConnection> AsClerkAsync(string db)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync("SET ROLE socialwatch_clerk");
        return connection;
    }

    [Fact]
    public async Task The_clerk_can_read_the_view_and_resolve_a_flag()
    {
        var db = await TestDatabase.CreateAsync();
        var flag = await FlaggedPostAsync(db);
        await using var clerk = await AsClerkAsync(db);

        var row = await clerk.QuerySingleAsync("SELECT flag_id, author_handle, post_text, status, evidence FROM flagged_posts WHERE flag_id = @flag", new { flag });
        Assert.Equal("LeighTownCounci1", (string)row.author_handle);
        Assert.Equal("open", (string)row.status);

        await clerk.ExecuteAsync("SELECT review_flag(@flag, 'actioned', 'Reported to X as impersonation')", new { flag });

        var reviewed = await clerk.QuerySingleAsync("SELECT status, reviewed_by, reviewed_at, review_note FROM flagged_posts WHERE flag_id = @flag", new { flag });
        Assert.Equal("actioned", (string)reviewed.status);
        Assert.Equal("Reported to X as impersonation", (string)reviewed.review_note);
        Assert.NotNull(reviewed.reviewed_at);
        // The reviewer is the login, not something the clerk can type.
        Assert.Equal(new NpgsqlConnectionStringBuilder(db).Username, (string)reviewed.reviewed_by);
    }

    [Theory]
    [InlineData("SELECT * FROM posts")]
    [InlineData("SELECT * FROM accounts")]
    [InlineData("SELECT * FROM flags")]
    [InlineData("SELECT * FROM alert_outbox")]
    [InlineData("SELECT * FROM sources")]
    [InlineData("SELECT * FROM source_cursors")]
    [InlineData("SELECT * FROM schemaversions")]
    [InlineData("SELECT * FROM qrtz_triggers")]
    [InlineData("SELECT * FROM account_avatars")]
    [InlineData("DELETE FROM flagged_account_avatars")]
    [InlineData("UPDATE flags SET status = 'dismissed'")]
    [InlineData("UPDATE flagged_posts SET status = 'dismissed'")]
    [InlineData("DELETE FROM flags")]
    [InlineData("INSERT INTO alert_outbox (kind, delivery) VALUES ('flag', 'digest')")]
    [InlineData("SELECT review_flag(1, 'dismissed', 'in someone else''s name', 'Someone Else')")]
    [InlineData("CREATE TABLE mine (x int)")]
    public async Task The_clerk_cannot_read_or_change_anything_else(string sql)
    {
        var db = await TestDatabase.CreateAsync();
        await FlaggedPostAsync(db);
        await using var clerk = await AsClerkAsync(db);

        var e = await Assert.ThrowsAsync<PostgresException>(() => clerk.ExecuteAsync(sql));
        // Permission denied; the view is also not updatable at all (it joins), which PostgreSQL says first.
        Assert.Contains(e.SqlState, new[] { PostgresErrorCodes.InsufficientPrivilege, PostgresErrorCodes.ObjectNotInPrerequisiteState });
    }

    [Fact]
    public async Task A_review_changes_only_the_review_columns_and_refuses_bad_input()
    {
        var db = await TestDatabase.CreateAsync();
        var flag = await FlaggedPostAsync(db);
        var before = await ScalarAsync<string>(db, "SELECT concat_ws('|', rule, severity, score, evidence, policy_clause, account_id, post_id, created_at) FROM flags WHERE id = @flag", new { flag });
        await using var clerk = await AsClerkAsync(db);

        await clerk.ExecuteAsync("SELECT review_flag(@flag, 'dismissed', NULL)", new { flag });
        var bad = await Assert.ThrowsAsync<PostgresException>(() => clerk.ExecuteAsync("SELECT review_flag(@flag, 'deleted', 'x')", new { flag }));
        Assert.Equal(PostgresErrorCodes.InvalidParameterValue, bad.SqlState);
        var missing = await Assert.ThrowsAsync<PostgresException>(() => clerk.ExecuteAsync("SELECT review_flag(999999, 'actioned', 'x')"));
        Assert.Equal(PostgresErrorCodes.NoDataFound, missing.SqlState);

        Assert.Equal(before, await ScalarAsync<string>(db, "SELECT concat_ws('|', rule, severity, score, evidence, policy_clause, account_id, post_id, created_at) FROM flags WHERE id = @flag", new { flag }));
        Assert.Equal("dismissed", await ScalarAsync<string>(db, "SELECT status FROM flags WHERE id = @flag", new { flag }));
    }

    [Fact]
    public async Task Every_ready_query_in_the_clerk_guide_runs_as_the_clerk()
    {
        var db = await TestDatabase.CreateAsync();
        await FlaggedPostAsync(db);
        var guide = await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "docs", "clerk-guide.md"));
        var queries = System.Text.RegularExpressions.Regex.Matches(guide, "```sql\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value)
            .Where(q => q.TrimStart().StartsWith("SELECT", StringComparison.Ordinal) && !q.Contains("review_flag", StringComparison.Ordinal))
            .ToList();
        Assert.True(queries.Count >= 5, $"found {queries.Count} queries");
        await using var clerk = await AsClerkAsync(db);
        foreach (var query in queries)
        {
            await clerk.QueryAsync(query);
        }
    }
}
