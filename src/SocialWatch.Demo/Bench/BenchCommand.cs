using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using SocialWatch.Worker.Storage;
using SocialWatch.Worker;

namespace SocialWatch.Demo.Bench;

/// <summary>
/// `socialwatch bench ingest|quota|latency|footprint`: whole-pipeline figures, each from one command,
/// against loopback fakes and a real PostgreSQL (the configured server, or a private one started
/// from the installed binaries). The in-process rule benchmarks are in bench/SocialWatch.Bench.
/// </summary>
internal static class BenchCommand
{
    public static Command Build()
    {
        var command = new Command("bench", "Measure ingestion, API quota use, alert latency and the worker's footprint (see docs/performance.md)");

        var posts = new Option<int>("--posts") { Description = "Posts to store", DefaultValueFactory = _ => 200_000 };
        var pageSize = new Option<int>("--page-size") { Description = "Posts per stored page (a poll stores what one API page returns: 100 on X)", DefaultValueFactory = _ => 100 };
        var ingest = new Command("ingest", "Posts stored per second through the storage code, next to PostgreSQL's COPY of the same rows") { posts, pageSize };
        ingest.SetAction((parse, ct) => WithDatabaseAsync(async cs =>
        {
            var r = await IngestionBench.RunAsync(cs, parse.GetValue(posts), parse.GetValue(pageSize), ct);
            Console.WriteLine(Invariant($"ingest: {r.Posts} posts; stored {r.StoredPerSecond:N0} posts/s (one transaction per {r.PageSize}-post page); COPY {r.CopyPerSecond:N0} posts/s; ratio {r.Ratio:P0}"));
            Console.WriteLine(Invariant($"ingest per CPU second (this process + its PostgreSQL backends): stored {r.StoredPerCpuSecond:N0}; COPY {r.CopyPerCpuSecond:N0}; ratio {r.CpuRatio:P0}"));
            if (r is { StoredCpu: { } s, CopyCpu: { } c })
            {
                Console.WriteLine(Invariant($"ingest CPU ms per 100 posts (this process + PostgreSQL): stored {s.MillisecondsPer100(r.Posts):0.00} ({s.Process * 100_000 / r.Posts:0.00} + {s.Backends * 100_000 / r.Posts:0.00}); COPY {c.MillisecondsPer100(r.Posts):0.00} ({c.Process * 100_000 / r.Posts:0.00} + {c.Backends * 100_000 / r.Posts:0.00})"));
                if (r.CopyWithForeignKeyCpu is { } f)
                {
                    Console.WriteLine(Invariant($"ingest COPY with the author foreign key: {r.CopyWithForeignKeyPerCpuSecond:N0} posts per CPU s, {f.MillisecondsPer100(r.Posts):0.00} ms per 100 posts; stored/that {r.StoredPerCpuSecond / r.CopyWithForeignKeyPerCpuSecond:P0}"));
                }
            }
        }, ct));
        command.Add(ingest);

        var sources = new Option<int>("--sources") { Description = "Number of sources", DefaultValueFactory = _ => 50 };
        var quota = new Command("quota", "API calls per poll when nothing is new, and posts read twice") { sources };
        quota.SetAction((parse, ct) => WithDatabaseAsync(async cs =>
        {
            var r = await PipelineBench.QuotaAsync(cs, parse.GetValue(sources), ct);
            Console.WriteLine(Invariant($"quota: {r.Sources} sources; {r.CallsPerIdlePoll:0.00} call(s) per poll with nothing new; {r.CallsPerPollWithNews:0.00} per poll when half have news; {r.PostsServed} posts served, {r.PostsServedTwice} served twice"));
        }, ct));
        command.Add(quota);

        var latencyPosts = new Option<int>("--posts") { Description = "Posts to publish", DefaultValueFactory = _ => 100 };
        var interval = new Option<TimeSpan>("--poll") { Description = "Poll interval", DefaultValueFactory = _ => TimeSpan.FromSeconds(10) };
        var latency = new Command("latency", "From a post appearing on the platform to its alert accepted by SMTP") { latencyPosts, interval };
        latency.SetAction((parse, ct) => WithDatabaseAsync(async cs =>
        {
            var r = await PipelineBench.LatencyAsync(cs, parse.GetValue(latencyPosts), parse.GetValue(interval), ct);
            Console.WriteLine(Invariant($"latency: {r.Posts} posts, poll every {r.PollInterval.TotalSeconds:0} s; median {r.Median.TotalSeconds:0.0} s, p95 {r.P95.TotalSeconds:0.0} s, worst {r.Worst.TotalSeconds:0.0} s; {r.Missing} without an alert"));
        }, ct));
        command.Add(latency);

        var footprintSources = new Option<int>("--sources") { Description = "Number of sources", DefaultValueFactory = _ => 50 };
        var loadFor = new Option<TimeSpan>("--load") { Description = "How long to feed new posts", DefaultValueFactory = _ => TimeSpan.FromSeconds(60) };
        var footprint = new Command("footprint", "Start-up time and resident memory of `socialwatch run`, idle and under load") { footprintSources, loadFor };
        footprint.SetAction((parse, ct) => WithDatabaseAsync(async cs =>
        {
            var r = await FootprintBench.RunAsync(cs, parse.GetValue(footprintSources), parse.GetValue(loadFor), ct);
            Console.WriteLine(Invariant($"footprint: {r.Sources} sources; start-up {r.StartUp.TotalSeconds:0.0} s; RSS idle {r.IdleRssBytes / 1048576.0:0} MiB; under load max {r.LoadedRssMaxBytes / 1048576.0:0} MiB, at end {r.LoadedRssEndBytes / 1048576.0:0} MiB ({r.PostsDuringLoad} posts); SIGTERM to exit {r.SigtermExit.TotalSeconds:0.0} s"));
        }, ct));
        command.Add(footprint);
        var loadPosts = new Option<int>("--posts") { Description = "Posts the platform fake serves", DefaultValueFactory = _ => 1_000_000 };
        var loadSources = new Option<int>("--sources") { Description = "Number of sources", DefaultValueFactory = _ => 50 };
        var load = new Command("load", "The load run: a million posts across 50 sources through connector, storage and rules; database size, clerk query times, memory") { loadPosts, loadSources };
        load.SetAction((parse, ct) => WithDatabaseAsync(async cs =>
        {
            var r = await LoadBench.RunAsync(cs, parse.GetValue(loadPosts), parse.GetValue(loadSources), ct);
            Console.WriteLine(Invariant($"load: {r.Posts} posts across {r.Sources} sources stored in {r.Elapsed.TotalSeconds:0} s ({r.PostsPerSecond:N0} posts/s, rules on); database {r.DatabaseBytes / 1048576.0:N0} MiB; {r.Flags} flags"));
            foreach (var q in r.Queries)
            {
                Console.WriteLine(Invariant($"  clerk query '{q.Name}': {q.MedianMs:0.0} ms (median of 7)"));
            }
            Console.WriteLine(Invariant($"  memory (whole process, fake included): start {r.RssStartBytes / 1048576.0:0} MiB, max {r.RssMaxBytes / 1048576.0:0} MiB, end {r.RssEndBytes / 1048576.0:0} MiB"));
        }, ct));
        command.Add(load);
        return command;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static async Task<int> WithDatabaseAsync(Func<string, Task> bench, CancellationToken ct)
    {
        // The server named as a deployment names it: Database__ConnectionString, and the password
        // there or apart in Database__Password, from the environment or a secret file (read as the
        // worker reads them).
        var configuration = WorkerHost.AddSecretFiles(new ConfigurationBuilder().AddEnvironmentVariables());
        var database = configuration.Build().GetSection(DatabaseOptions.Section).Get<DatabaseOptions>();
        var configured = string.IsNullOrWhiteSpace(database?.ConnectionString) ? null : database.EffectiveConnectionString();
        await using var db = await BenchDatabase.CreateAsync(configured, ct);
        await bench(db.ConnectionString);
        return 0;
    }
}
