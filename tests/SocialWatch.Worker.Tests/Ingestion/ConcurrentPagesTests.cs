using Dapper;
using Npgsql;
using SocialWatch.Demo.Bench;
using SocialWatch.Worker.Ingestion;

namespace SocialWatch.Worker.Tests.Ingestion;

/// <summary>
/// Several workers share one database (a Quartz cluster), and sources overlap: the same posts and
/// authors reach the storage code from several connections at once. Four sources store the same
/// pages, each in its own order, all at the same time.
/// </summary>
public sealed class ConcurrentPagesTests
{
    [Fact]
    public async Task Overlapping_pages_stored_at_once_from_four_connections_store_each_post_and_author_once()
    {
        var db = await TestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(db);
        // 2,000 posts from 60 authors in pages of 100: every page shares authors with every other.
        var pages = SyntheticPosts.Pages(2_000, 100, authors: 60).ToList();
        var sourceIds = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            var sourceId = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO sources (name, platform, kind, target, schedule, interval_seconds) VALUES (@name, 'x', 'Search', 'q', '00:05:00', 300) RETURNING id",
                new { name = "overlap " + i });
            await connection.ExecuteAsync("INSERT INTO source_cursors (source_id) VALUES (@sourceId)", new { sourceId });
            sourceIds.Add(sourceId);
        }

        var newPosts = await Task.WhenAll(sourceIds.Select((sourceId, i) => Task.Run(async () =>
        {
            var stored = 0;
            var order = new Random(i);
            foreach (var page in pages.OrderBy(_ => order.Next()))
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var tx = await connection.BeginTransactionAsync();
                stored += (await PostStore.StoreAsync(connection, tx, sourceId, "x", page, CancellationToken.None)).Posts.Count(p => p.IsNew);
                await tx.CommitAsync();
            }
            return stored;
        })));

        await using var check = await dataSource.OpenConnectionAsync();
        var counts = await check.QuerySingleAsync<(long Posts, long DistinctPosts, long Accounts, long History, long Versions, long Counted)>("""
            SELECT (SELECT count(*) FROM posts), (SELECT count(DISTINCT platform_id) FROM posts), (SELECT count(*) FROM accounts),
                   (SELECT count(*) FROM account_history), (SELECT count(*) FROM post_versions), (SELECT sum(posts_stored)::bigint FROM source_cursors)
            """);
        Assert.Equal(2_000, counts.Posts);
        Assert.Equal(2_000, counts.DistinctPosts);
        Assert.Equal(60, counts.Accounts);
        Assert.Equal(0, counts.History);
        Assert.Equal(0, counts.Versions);
        // Each post counted as new by exactly one source, and reported new to exactly one poll.
        Assert.Equal(2_000, counts.Counted);
        Assert.Equal(2_000, newPosts.Sum());
    }
}
