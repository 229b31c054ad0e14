using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialWatch.Fakes.X;
using SocialWatch.Worker.Ingestion;
using SocialWatch.Worker;

namespace SocialWatch.Demo.Bench;

/// <summary>
/// The load run: a platform fake serving a million posts across 50 sources, polled through the real
/// connector, storage and rules (1% of the posts are claims about the council, so the clerk's table
/// fills too). Reports ingestion throughput, the database size, the time of the clerk's ready-made
/// queries on that volume, and the process's memory over the run.
/// </summary>
internal static class LoadBench
{
    public sealed record QueryTime(string Name, double MedianMs);

    public sealed record Result(int Posts, int Sources, TimeSpan Elapsed, double PostsPerSecond, long DatabaseBytes, long Flags,
        IReadOnlyList<QueryTime> Queries, long RssStartBytes, long RssMaxBytes, long RssEndBytes);

    // The clerk's ready-made queries, as the README and docs/clerk-guide.md give them.
    private static readonly (string Name, string Sql)[] ClerkQueries =
    [
        ("open flags this week", "SELECT flag_id, flagged_at, rule, severity, platform, author_handle, left(post_text, 80) FROM flagged_posts WHERE status = 'open' AND flagged_at > now() - interval '7 days' ORDER BY flagged_at DESC LIMIT 200"),
        ("flags by rule and status", "SELECT rule, status, count(*) FROM flagged_posts GROUP BY rule, status"),
        ("most-flagged accounts", "SELECT platform, author_handle, author_name, count(*) AS flags FROM flagged_posts GROUP BY platform, author_handle, author_name ORDER BY flags DESC LIMIT 20"),
        ("everything about one account", "SELECT * FROM flagged_posts WHERE platform = 'x' AND author_handle = 'user3300000007' ORDER BY flagged_at"),
        ("one flag", "SELECT * FROM flagged_posts WHERE flag_id = @Id"),
    ];

    public static async Task<Result> RunAsync(string connectionString, int posts, int sources, CancellationToken ct)
    {
        await using var x = await XFake.StartAsync();
        var ids = Enumerable.Range(1, sources).Select(i => (3_300_000_000L + i).ToString(CultureInfo.InvariantCulture)).ToList();
        var random = new Random(11);
        foreach (var id in ids)
        {
            x.AddUser(new XFakeUser(id, "user" + id, "Resident " + id, "Leigh-on-Sea local"));
        }
        var places = new[] { "Bell Wharf", "the Broadway", "Chalkwell Park", "Old Leigh", "Elm Road", "Marine Parade" };
        for (var i = 0; i < posts; i++)
        {
            var author = ids[i % sources];
            var place = places[random.Next(places.Length)];
            x.Post(author, random.Next(100) == 0
                ? $"Apparently Leigh Town Council has decided to close the car park at {place} for good from next month."
                : $"Lovely walk along {place} this morning, post {i}. #Leigh");
        }

        var settings = PipelineBench.Settings(connectionString, x, ids.Select(id => ("src-" + id, "StaffAccount", id)), TimeSpan.FromMinutes(5));
        settings["X:MaxPagesPerPoll"] = "100";
        using var host = WorkerHost.CreateBuilder(overrides: settings, jsonLogs: false).Build();
        await host.Services.GetRequiredService<SourceStore>().SyncAsync(host.Services.GetRequiredService<IOptions<SourcesOptions>>().Value.Items, ct);

        var rssStart = Environment.WorkingSet;
        long rssMax = rssStart;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                rssMax = Math.Max(rssMax, Environment.WorkingSet);
                await Task.Delay(2000, CancellationToken.None);
            }
        }, CancellationToken.None);

        var clock = Stopwatch.StartNew();
        var pending = new Queue<string>(ids);
        var workers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                string? id;
                lock (pending)
                {
                    if (!pending.TryDequeue(out id))
                    {
                        return;
                    }
                }
                using var scope = host.Services.CreateScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<SourcePoller>().PollAsync("src-" + id, ct);
                if (outcome.Error is not null)
                {
                    throw new InvalidOperationException(outcome.Error);
                }
                if (outcome.NewPosts > 0)
                {
                    lock (pending)
                    {
                        pending.Enqueue(id); // more pages may be waiting for the next poll
                    }
                }
            }
        }, ct)).ToList();
        await Task.WhenAll(workers);
        clock.Stop();
        await sampling.CancelAsync();
        await sampler;
        var rssEnd = Environment.WorkingSet;

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var stored = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM posts");
        if (stored != posts)
        {
            throw new InvalidOperationException($"stored {stored} posts, expected {posts}");
        }
        // (Dapper reads a one-word command as a stored procedure name, hence the table list.)
        await connection.ExecuteAsync("ANALYZE posts, accounts, flags");
        var size = await connection.ExecuteScalarAsync<long>("SELECT pg_database_size(current_database())");
        var flags = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM flags");
        var args = new { Id = await connection.ExecuteScalarAsync<long>("SELECT max(id) FROM flags") };
        var times = new List<QueryTime>();
        foreach (var (name, sql) in ClerkQueries)
        {
            var samples = new List<double>();
            for (var i = 0; i < 7; i++)
            {
                var watch = Stopwatch.StartNew();
                _ = (await connection.QueryAsync(sql, args)).Count();
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Add(new QueryTime(name, samples.Order().ElementAt(samples.Count / 2)));
        }
        return new Result(posts, sources, clock.Elapsed, posts / clock.Elapsed.TotalSeconds, size, flags, times, rssStart, rssMax, rssEnd);
    }
}
