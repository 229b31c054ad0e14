using Dapper;
using Npgsql;
using SocialWatch.Worker.Retention;

namespace SocialWatch.Worker.Tests.Retention;

public sealed class RetentionTests
{
    [Fact]
    public async Task The_purge_removes_exactly_the_old_unflagged_data_and_the_long_closed_flags()
    {
        var db = await TestDatabase.CreateAsync();
        await using var connection = new NpgsqlConnection(db);
        // Accounts: the official one (x/1000000001), a resident, a flagged impersonator, a resident seen long ago.
        await connection.ExecuteAsync("""
            INSERT INTO accounts (platform, platform_id, handle, last_seen_at) VALUES
              ('x', '1000000001', 'LeighTownCouncil', now() - interval '400 days'),
              ('x', '10', 'resident', now()),
              ('x', '11', 'LeighTownCounci1', now() - interval '400 days'),
              ('x', '12', 'gone_quiet', now() - interval '40 days'),
              ('x', '13', 'old_closed_case', now() - interval '1000 days');
            INSERT INTO posts (platform, platform_id, account_id, text, created_at, fetched_at, raw)
            SELECT 'x', v.pid, a.id, v.text, now(), now() - v.age, '{}'::jsonb
            FROM (VALUES ('1000000001', 'p-official-old', 'official statement', interval '400 days'),
                         ('10', 'p-recent', 'recent chatter', interval '2 days'),
                         ('10', 'p-old', 'old chatter', interval '31 days'),
                         ('11', 'p-flagged-old', 'impersonator post', interval '400 days'),
                         ('13', 'p-closed-case', 'dismissed long ago', interval '1000 days')) AS v(aid, pid, text, age)
            JOIN accounts a ON a.platform_id = v.aid;
            INSERT INTO flags (rule, severity, score, evidence, policy_clause, account_id, post_id, status, reviewed_at, reviewed_by)
            SELECT 'impersonation', 'high', 1, '{}', 'clause', a.id, NULL, 'open', NULL, NULL FROM accounts a WHERE a.platform_id = '11';
            INSERT INTO flags (rule, severity, score, evidence, policy_clause, account_id, post_id, status, reviewed_at, reviewed_by)
            SELECT 'misrepresentation', 'medium', 1, '{}', 'clause', p.account_id, p.id, 'dismissed', now() - interval '800 days', 'clerk'
            FROM posts p WHERE p.platform_id = 'p-closed-case';
            """);

        var purge = new RetentionPurge(
            NpgsqlDataSource.Create(db),
            Microsoft.Extensions.Options.Options.Create(new RetentionOptions()),
            Microsoft.Extensions.Options.Options.Create(SocialWatch.Rules.WatchOptions.LoadFile(Path.Combine(TestHosts.RepoRoot(), "samples", "corpus", "watch.json"))),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<RetentionPurge>.Instance);
        var counts = await purge.PurgeAsync(default);

        Assert.Equal(1, counts.ResolvedFlags);
        Assert.Equal(2, counts.Posts);      // p-old and, once its flag was gone, p-closed-case
        Assert.Equal(2, counts.Accounts);   // gone_quiet and old_closed_case (no posts, no flags left)
        var posts = (await connection.QueryAsync<string>("SELECT platform_id FROM posts ORDER BY platform_id")).ToList();
        Assert.Equal(["p-flagged-old", "p-official-old", "p-recent"], posts);
        var accounts = (await connection.QueryAsync<string>("SELECT handle FROM accounts ORDER BY handle")).ToList();
        Assert.Equal(["LeighTownCounci1", "LeighTownCouncil", "resident"], accounts);
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM flags"));
    }
}
