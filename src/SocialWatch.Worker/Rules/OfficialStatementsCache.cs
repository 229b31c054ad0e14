using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialWatch.Rules;

namespace SocialWatch.Worker.Rules;

/// <summary>
/// The council's official posts, as statements the misrepresentation rule compares claims against.
/// Loaded from the database on first use and topped up before each page is checked, so a statement
/// stored by another worker of the cluster counts here too.
/// </summary>
internal sealed class OfficialStatementsCache(IOptions<WatchOptions> watch, IOptions<RulesOptions> rules) : IDisposable
{
    private readonly OfficialStatements _statements = new(rules.Value, watch.Value);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _lastPostId;

    private const string NewerOfficialPostsSql = """
        SELECT p.id, p.platform, p.platform_id, p.url, p.created_at, p.text, p.in_reply_to,
               a.platform_id AS author_id, a.handle, a.display_name, a.bio
        FROM unnest(@Platforms::text[], @Ids::text[]) AS o(platform, platform_id)
        -- Joined on (platform, platform_id), so the unique index finds the accounts and
        -- posts_account_created their posts; a concatenated key would read every post.
        JOIN accounts a ON a.platform = o.platform AND a.platform_id = o.platform_id
        JOIN posts p ON p.account_id = a.id
        WHERE p.id > @After
        ORDER BY p.id
        """;

    private sealed record Row(long Id, string Platform, string PlatformId, string? Url, DateTime CreatedAt, string Text, string? InReplyTo,
        string AuthorId, string Handle, string DisplayName, string Bio);

    public async Task<OfficialStatements> CurrentAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        var official = watch.Value.OfficialAccounts;
        if (official.Count == 0)
        {
            return _statements;
        }
        await _gate.WaitAsync(ct);
        try
        {
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(NewerOfficialPostsSql,
                new { Platforms = official.Select(a => a.Platform).ToArray(), Ids = official.Select(a => a.Id).ToArray(), After = _lastPostId }, tx, cancellationToken: ct));
            foreach (var row in rows)
            {
                var author = new AccountInput(row.Platform, row.AuthorId, row.Handle, row.DisplayName, row.Bio, null);
                _statements.Add(new PostInput(row.Platform, row.PlatformId, row.Url, new DateTimeOffset(row.CreatedAt, TimeSpan.Zero), row.Text, author, row.InReplyTo));
                _lastPostId = Math.Max(_lastPostId, row.Id);
            }
        }
        finally
        {
            _gate.Release();
        }
        return _statements;
    }

    public void Dispose() => _gate.Dispose();
}
