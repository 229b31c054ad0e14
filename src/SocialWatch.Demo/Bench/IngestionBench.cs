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
    /// mostly measures the other processes, CPU time much less so.</summary>
    public sealed record Result(int Posts, int PageSize, double StoredPerSecond, double CopyPerSecond, double? StoredPerCpuSecond, double? CopyPerCpuSecond)
    {
        public double Ratio => StoredPerSecond / CopyPerSecond;

        public double? CpuRatio => StoredPerCpuSecond / CopyPerCpuSecond;
    }

    /// <summary>CPU time of this process and of the given backends, where /proc can tell.</summary>
    private sealed class CpuClock
    {
        private readonly Dictionary<int, TimeSpan> _backends = [];
        private TimeSpan _self = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        private TimeSpan _used;
        private bool _known = OperatingSystem.IsLinux();

        public void See(int backendPid)
        {
            if (!_backends.ContainsKey(backendPid))
            {
                _backends[backendPid] = Backend(backendPid) ?? TimeSpan.Zero;
            }
        }

        public double? Seconds()
        {
            foreach (var (pid, start) in _backends)
            {
                _known &= Backend(pid) is not null;
                _used += (Backend(pid) ?? start) - start;
            }
            _used += System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - _self;
            return _known ? _used.TotalSeconds : null;
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
        await using var db = NpgsqlDataSource.Create(connectionString);
        long sourceId;
        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            sourceId = await connection.ExecuteScalarAsync<long>("""
                INSERT INTO sources (name, platform, kind, target, schedule, interval_seconds) VALUES ('bench', 'x', 'Search', 'bench', '00:01:00', 60) RETURNING id;
                """);
            await connection.ExecuteAsync("INSERT INTO source_cursors (source_id) VALUES (@sourceId)", new { sourceId });
        }

        var storedCpu = new CpuClock();
        var stored = Stopwatch.StartNew();
        foreach (var page in pages)
        {
            await using var connection = await db.OpenConnectionAsync(ct);
            storedCpu.See(connection.ProcessID);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await PostStore.StoreAsync(connection, tx, sourceId, "x", page, ct);
            await tx.CommitAsync(ct);
        }
        stored.Stop();
        var storedCpuSeconds = storedCpu.Seconds();

        await using (var connection = await db.OpenConnectionAsync(ct))
        {
            await connection.ExecuteAsync("CREATE TABLE posts_copy (LIKE posts INCLUDING ALL)");
            var accountIds = (await connection.QueryAsync<(string PlatformId, long Id)>("SELECT platform_id, id FROM accounts"))
                .ToDictionary(a => a.PlatformId, a => a.Id);
            var copyCpu = new CpuClock();
            copyCpu.See(connection.ProcessID);
            var copy = Stopwatch.StartNew();
            await using (var writer = await connection.BeginBinaryImportAsync(
                "COPY posts_copy (platform, platform_id, account_id, source_id, text, url, in_reply_to, created_at, raw) FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var post in pages.SelectMany(p => p.Posts))
                {
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync("x", NpgsqlDbType.Text, ct);
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
            copy.Stop();
            var copyCpuSeconds = copyCpu.Seconds();
            var storedCount = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM posts");
            if (storedCount != posts)
            {
                throw new InvalidOperationException($"stored {storedCount} posts, expected {posts}");
            }
            return new Result(posts, pageSize, posts / stored.Elapsed.TotalSeconds, posts / copy.Elapsed.TotalSeconds,
                posts / storedCpuSeconds, posts / copyCpuSeconds);
        }
    }
}
