using System.Diagnostics;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using SocialWatch.Connectors;
using SocialWatch.Worker.Ingestion;
using SocialWatch.Worker;

namespace SocialWatch.Demo.Bench;

/// <summary>
/// Posts stored per second through the real storage code (PostStore: batched upserts, a transaction
/// per page, as a poll stores them), next to the same rows loaded with PostgreSQL's binary COPY into
/// a table with the same indexes: the practical limit of the machine.
/// </summary>
internal static class IngestionBench
{
    /// <summary>Per second of wall-clock time, and per CPU second (this process plus the PostgreSQL
    /// backends that did the work, read from /proc on Linux): on a shared machine the wall clock
    /// mostly measures the other processes, CPU time much less so. The CPU is also given split
    /// between this process and the backends, per 100 posts.</summary>
    public sealed record Result(int Posts, int PageSize, double StoredPerSecond, double CopyPerSecond, CpuTime? StoredCpu, CpuTime? CopyCpu, CpuTime? CopyWithForeignKeyCpu)
    {
        public double Ratio => StoredPerSecond / CopyPerSecond;

        public double? StoredPerCpuSecond => Posts / StoredCpu?.Total;

        public double? CopyPerCpuSecond => Posts / CopyCpu?.Total;

        public double? CpuRatio => StoredPerCpuSecond / CopyPerCpuSecond;

        public double? CopyWithForeignKeyPerCpuSecond => Posts / CopyWithForeignKeyCpu?.Total;
    }

    /// <summary>CPU seconds spent by this process and by the PostgreSQL backends.</summary>
    public sealed record CpuTime(double Process, double Backends)
    {
        public double Total => Process + Backends;

        public double MillisecondsPer100(int posts) => Total * 100_000 / posts;
    }

    /// <summary>CPU time of this process and of the given backends, where /proc can tell.</summary>
    private sealed class CpuClock
    {
        private readonly Dictionary<int, TimeSpan> _backends = [];
        private TimeSpan _self = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        private TimeSpan _backendsUsed;
        private bool _known = OperatingSystem.IsLinux();

        public void See(int backendPid)
        {
            if (!_backends.ContainsKey(backendPid))
            {
                _backends[backendPid] = Backend(backendPid) ?? TimeSpan.Zero;
            }
        }

        public CpuTime? Used()
        {
            foreach (var (pid, start) in _backends)
            {
                _known &= Backend(pid) is not null;
                _backendsUsed += (Backend(pid) ?? start) - start;
            }
            var process = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - _self;
            return _known ? new CpuTime(process.TotalSeconds, _backendsUsed.TotalSeconds) : null;
        }

        // Fields 14 and 15 of /proc/PID/stat: user and system time in clock ticks (100 a second).
        private static TimeSpan? Backend(int pid)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                return TimeSpan.FromSeconds((long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0);
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }
    }

    public static async Task<Result> RunAsync(string connectionString, int posts, int pageSize, CancellationToken ct)
    {
        var pages = SyntheticPosts.Pages(posts, pageSize).ToList();
        // A long-running worker compiles its code once: warm-up rounds over other posts (another
        // platform, so they are not counted) until a round makes the JIT compile nothing more, so
        // both paths run fully compiled, as after the first minutes of a worker's life, instead of
        // charging the JIT's tiers to the measurement (they were most of this process's CPU without).
        await using var db = NpgsqlDataSource.Create(connectionString);
        var sourceId = await CreateSourceAsync(db, "x", ct);
        var warmUpSourceId = await CreateSourceAsync(db, WarmUpPlatform, ct);
        var warmUp = new List<FetchedPage>();
        var roundPosts = Math.Min(posts, 5_000);
        for (var round = 0; round < 20; round++)
        {
            var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            var roundPages = SyntheticPosts.Pages(roundPosts, pageSize, idBase: 1_400_000_000_000_000_000 + round * 5_000L).ToList();
            await StoreAsync(db, warmUpSourceId, WarmUpPlatform, roundPages, ct);
            warmUp.AddRange(roundPages);
            if (round > 0 && System.Runtime.JitInfo.GetCompiledMethodCount() == compiled)
            {
                break;
            }
            // The JIT's last tier is compiled in the background after a short delay; let it run.
            await Task.Delay(200, ct);
        }
        var storedCpu = new CpuClock();
        var stored = Stopwatch.StartNew();
        await StoreAsync(db, sourceId, "x", pages, ct, storedCpu);
        stored.Stop();
        var storedCpuUsed = storedCpu.Used();

        // COPY into a table with the same indexes (the goal's yardstick), and into one that also has
        // the author's foreign key that posts keep (a look-up and a row lock per row, as for an INSERT).
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync("""
            CREATE TABLE posts_copy (LIKE posts INCLUDING ALL);
            CREATE TABLE posts_copy_with_foreign_key (LIKE posts INCLUDING ALL, FOREIGN KEY (account_id) REFERENCES accounts (id));
            CREATE TABLE posts_copy_warm_up (LIKE posts INCLUDING ALL, FOREIGN KEY (account_id) REFERENCES accounts (id));
            """);
        await CopyAsync(connection, "posts_copy_warm_up", warmUpSourceId, WarmUpPlatform, warmUp, ct);
        var copyCpu = new CpuClock();
        copyCpu.See(connection.ProcessID);
        var copy = Stopwatch.StartNew();
        await CopyAsync(connection, "posts_copy", sourceId, "x", pages, ct);
        copy.Stop();
        var copyCpuUsed = copyCpu.Used();
        var copyWithForeignKeyCpu = new CpuClock();
        copyWithForeignKeyCpu.See(connection.ProcessID);
        await CopyAsync(connection, "posts_copy_with_foreign_key", sourceId, "x", pages, ct);
        var copyWithForeignKeyCpuUsed = copyWithForeignKeyCpu.Used();

        var storedCount = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM posts WHERE platform = 'x'");
        if (storedCount != posts)
        {
            throw new InvalidOperationException($"stored {storedCount} posts, expected {posts}");
        }
        return new Result(posts, pageSize, posts / stored.Elapsed.TotalSeconds, posts / copy.Elapsed.TotalSeconds, storedCpuUsed, copyCpuUsed, copyWithForeignKeyCpuUsed);
    }

    private const string WarmUpPlatform = "warm-up";

    private static async Task<long> CreateSourceAsync(NpgsqlDataSource db, string platform, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var sourceId = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO sources (name, platform, kind, target, schedule, interval_seconds) VALUES ('bench ' || @platform, @platform, 'Search', 'bench', '00:01:00', 60) RETURNING id;
            """, new { platform }, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("INSERT INTO source_cursors (source_id) VALUES (@sourceId)", new { sourceId }, cancellationToken: ct));
        return sourceId;
    }

    /// <summary>As a poll stores its pages: a pooled connection and a transaction per page.</summary>
    private static async Task StoreAsync(NpgsqlDataSource db, long sourceId, string platform, List<FetchedPage> pages, CancellationToken ct, CpuClock? cpu = null)
    {
        foreach (var page in pages)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            cpu?.See(connection.ProcessID);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await PostStore.StoreAsync(connection, tx, sourceId, platform, page, ct);
            await tx.CommitAsync(ct);
        }
    }

    /// <summary>The same rows in one binary COPY, author ids looked up beforehand.</summary>
    private static async Task CopyAsync(NpgsqlConnection connection, string table, long sourceId, string platform, List<FetchedPage> pages, CancellationToken ct)
    {
        var accountIds = (await connection.QueryAsync<(string PlatformId, long Id)>(new CommandDefinition(
                "SELECT platform_id, id FROM accounts WHERE platform = @platform", new { platform }, cancellationToken: ct)))
            .ToDictionary(a => a.PlatformId, a => a.Id);
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {table} (platform, platform_id, account_id, source_id, text, url, in_reply_to, created_at, raw) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var post in pages.SelectMany(p => p.Posts))
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(platform, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(post.PlatformId, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(accountIds[post.AuthorPlatformId], NpgsqlDbType.Bigint, ct);
            await writer.WriteAsync(sourceId, NpgsqlDbType.Bigint, ct);
            await writer.WriteAsync(post.Text, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(post.Url, NpgsqlDbType.Text, ct);
            await writer.WriteNullAsync(ct);
            await writer.WriteAsync(post.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
            await writer.WriteAsync(post.RawJson, NpgsqlDbType.Jsonb, ct);
        }
        await writer.CompleteAsync(ct);
    }
}
