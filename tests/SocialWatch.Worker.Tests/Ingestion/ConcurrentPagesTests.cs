using Dapper;
using Npgsql;
using SocialWatch.Connectors;
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

    [Fact]
    public async Task A_page_whose_new_posts_another_connection_commits_first_is_stored_again_without_them()
    {
        var db = await TestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(db);
        var page = SyntheticPosts.Pages(100, 100, authors: 10).Single();
        var (first, second) = (await CreateSourceAsync(dataSource, "first"), await CreateSourceAsync(dataSource, "second"));
        // The authors are stored beforehand (by other posts), so neither store waits on the other's new
        // accounts: what the second waits on is the first's new posts.
        await StoreEarlierAsync(dataSource, SyntheticPosts.Pages(100, 100, authors: 10, idBase: 1_000).Single());

        // The first connection stores the page and holds its transaction open; the second stores the
        // same page: its snapshot cannot see the first's posts, so its plain insert waits on the
        // unique key, and fails on it when the first commits.
        await using var firstConnection = await dataSource.OpenConnectionAsync();
        await using var firstTx = await firstConnection.BeginTransactionAsync();
        var firstStored = await PostStore.StoreAsync(firstConnection, firstTx, first, "x", page with { Cursor = "first-cursor" }, CancellationToken.None);
        await using var secondConnection = await dataSource.OpenConnectionAsync();
        var secondPid = secondConnection.ProcessID;
        var secondStore = Task.Run(async () =>
        {
            await using var tx = await secondConnection.BeginTransactionAsync();
            var stored = await PostStore.StoreAsync(secondConnection, tx, second, "x", page with { Cursor = "second-cursor" }, CancellationToken.None);
            await tx.CommitAsync();
            return stored;
        });
        await WaitUntilWaitingOnALockAsync(dataSource, secondPid, secondStore);
        await firstTx.CommitAsync();
        var secondStored = await secondStore;

        Assert.Equal(100, firstStored.Posts.Count(p => p.IsNew));
        Assert.Empty(secondStored.Posts);
        await using var check = await dataSource.OpenConnectionAsync();
        Assert.Equal(100, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM posts WHERE source_id IN (@first, @second)", new { first, second }));
        Assert.Equal(0, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM post_versions"));
        var cursors = (await check.QueryAsync<(long SourceId, string Position, long PostsStored)>(
            "SELECT source_id, position, posts_stored FROM source_cursors WHERE source_id IN (@first, @second) ORDER BY source_id", new { first, second })).ToList();
        Assert.Equal([(first, "first-cursor", 100L), (second, "second-cursor", 0L)], cursors);
    }

    [Fact]
    public async Task Two_pages_that_share_new_posts_in_opposite_orders_wait_for_each_other_instead_of_deadlocking()
    {
        var db = await TestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(db);
        var page = SyntheticPosts.Pages(2, 2, authors: 1).Single();
        var (low, high) = (page.Posts[0], page.Posts[1]);
        var (first, second) = (await CreateSourceAsync(dataSource, "first"), await CreateSourceAsync(dataSource, "second"));
        // The author is stored beforehand, so what the two connections can wait on is each other's posts.
        await StoreEarlierAsync(dataSource, SyntheticPosts.Pages(1, 1, authors: 1, idBase: 1_000).Single());

        // The first holds the lower post uncommitted. The second's page carries both, the higher first:
        // taken in key order, the second waits at the lower post before it holds the higher one, so the
        // first's next page (the higher post, same transaction) goes through. Taken in page order, each
        // would hold what the other waits for, and PostgreSQL would end one of them with a deadlock.
        await using var firstConnection = await dataSource.OpenConnectionAsync();
        await using var firstTx = await firstConnection.BeginTransactionAsync();
        var firstLow = await PostStore.StoreAsync(firstConnection, firstTx, first, "x", page with { Posts = [low] }, CancellationToken.None);
        await using var secondConnection = await dataSource.OpenConnectionAsync();
        var secondPid = secondConnection.ProcessID;
        var secondStore = Task.Run(async () =>
        {
            await using var tx = await secondConnection.BeginTransactionAsync();
            var stored = await PostStore.StoreAsync(secondConnection, tx, second, "x", page with { Posts = [high, low] }, CancellationToken.None);
            await tx.CommitAsync();
            return stored;
        });
        await WaitUntilWaitingOnALockAsync(dataSource, secondPid, secondStore);
        var firstHigh = await PostStore.StoreAsync(firstConnection, firstTx, first, "x", page with { Posts = [high] }, CancellationToken.None);
        await firstTx.CommitAsync();
        var secondStored = await secondStore;

        Assert.Equal([low.PlatformId], firstLow.Posts.Where(p => p.IsNew).Select(p => p.Post.PlatformId));
        Assert.Equal([high.PlatformId], firstHigh.Posts.Where(p => p.IsNew).Select(p => p.Post.PlatformId));
        Assert.Empty(secondStored.Posts);
        await using var check = await dataSource.OpenConnectionAsync();
        Assert.Equal([first, first], await check.QueryAsync<long>(
            "SELECT source_id FROM posts WHERE platform_id = ANY(@ids) ORDER BY platform_id", new { ids = new[] { low.PlatformId, high.PlatformId } }));
    }

    /// <summary>Stores a page from another source and commits it: its authors are then known to both
    /// stores under test, so neither waits on the other's new accounts.</summary>
    private static async Task StoreEarlierAsync(NpgsqlDataSource dataSource, FetchedPage page)
    {
        var sourceId = await CreateSourceAsync(dataSource, "earlier");
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await PostStore.StoreAsync(connection, tx, sourceId, "x", page, CancellationToken.None);
        await tx.CommitAsync();
    }

    private static async Task<long> CreateSourceAsync(NpgsqlDataSource dataSource, string name)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var sourceId = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO sources (name, platform, kind, target, schedule, interval_seconds) VALUES (@name, 'x', 'Search', 'q', '00:05:00', 300) RETURNING id",
            new { name });
        await connection.ExecuteAsync("INSERT INTO source_cursors (source_id) VALUES (@sourceId)", new { sourceId });
        return sourceId;
    }

    /// <summary>Until PostgreSQL reports the backend waiting on a lock (the other transaction's
    /// uncommitted key); fails if the store finished or failed instead, or after a minute.</summary>
    private static async Task WaitUntilWaitingOnALockAsync(NpgsqlDataSource dataSource, int pid, Task store)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        await using var connection = await dataSource.OpenConnectionAsync();
        while (await connection.ExecuteScalarAsync<string?>("SELECT wait_event_type FROM pg_stat_activity WHERE pid = @pid", new { pid }) != "Lock")
        {
            if (store.IsCompleted)
            {
                await store;
                Assert.Fail("the second store finished without waiting for the first transaction");
            }
            Assert.True(DateTime.UtcNow < deadline, "the second store never waited on the first transaction's posts");
            await Task.Delay(20);
        }
    }
}
