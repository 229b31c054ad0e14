using System.Diagnostics;
using Dapper;
using Npgsql;
using SocialWatch.Fakes.X;

namespace SocialWatch.Worker.Tests.Jobs;

/// <summary>The worker as separate processes, as Docker runs it: scale-out and SIGTERM.</summary>
[Collection(Faults.HeavyProcesses.Name)]
public sealed class WorkerProcessTests
{
    [Fact]
    public async Task Three_worker_processes_on_one_database_migrate_once_and_poll_each_source_at_most_once_per_interval()
    {
        await using var x = await XFake.StartAsync();
        var users = new[] { "3200000001", "3200000002", "3200000003" };
        foreach (var id in users)
        {
            x.AddUser(new XFakeUser(id, "user" + id, "User " + id));
            x.Post(id, "hello from " + id);
        }
        var db = await TestDatabase.CreateEmptyAsync();
        var settings = TestHosts.Settings(db);
        for (var i = 0; i < users.Length; i++)
        {
            settings.WithXSource(x, name: "src-" + users[i], kind: "StaffAccount", target: users[i], index: i, every: "00:00:03");
        }
        // The production check-in (10 s) on a busy machine: a worker late with its check-in may be taken
        // for dead and its triggers fired by another; the poll slot must still hold.
        settings["Scheduler:ClusterCheckinInterval"] = "00:00:10";
        var env = WorkerProcess.AsEnvironment(settings);
        var interval = TimeSpan.FromSeconds(3);

        await using var polls = new PollClock(x.Server);
        var workers = Enumerable.Range(0, 3).Select(i =>
        {
            var e = new Dictionary<string, string?>(env) { ["Health__InstanceFile"] = Path.Combine(Path.GetTempPath(), $"sw-{Guid.NewGuid():N}") };
            return WorkerProcess.Start(["run"], e);
        }).ToList();
        foreach (var w in workers)
        {
            _ = w.StandardOutput.ReadToEndAsync();
            _ = w.StandardError.ReadToEndAsync();
        }
        try
        {
            // Each source polled four times after its first poll: three intervals measured per source, on
            // a machine that the other test classes keep busy meanwhile.
            var enough = await PollClock.WaitUntilAsync(() => users.All(id => polls.Polls(PollPath(id)).Count >= 5), TimeSpan.FromSeconds(55));
            Assert.True(enough, "polls: " + string.Join(", ", users.Select(id => polls.Polls(PollPath(id)).Count)));
            foreach (var id in users)
            {
                var times = polls.Polls(PollPath(id)).Skip(1).ToList();
                var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
                // Three workers each polling would show gaps near zero and three times the polls. The
                // slot spaces the polls' starts by three quarters of an interval; a request can reach the
                // fake up to a second or two after its start on a starved machine, so single gaps are
                // judged loosely (no back-to-back polls) and the whole run by its length.
                var shown = string.Join(", ", gaps.Select(t => t.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
                Assert.All(gaps, g => Assert.True(g >= interval / 4, $"{id}: polls {shown}s apart"));
                Assert.True(times[^1] - times[0] >= interval * 0.75 * gaps.Count - TimeSpan.FromSeconds(1), $"{id}: polls {shown}s apart");
            }
            Assert.All(workers, w => Assert.False(w.HasExited, "a worker exited"));
        }
        finally
        {
            foreach (var w in workers)
            {
                w.Kill(entireProcessTree: true);
                await w.WaitForExitAsync();
                w.Dispose();
            }
        }
        await using var connection = new NpgsqlConnection(db);
        // Every migration the binary carries, each applied once.
        var migrations = typeof(SocialWatch.Worker.Storage.Migrator).Assembly.GetManifestResourceNames().Count(n => n.StartsWith("migrations.", StringComparison.Ordinal));
        Assert.Equal((long)migrations, await connection.ExecuteScalarAsync<long>("SELECT count(DISTINCT scriptname) FROM schemaversions"));
        Assert.Equal((long)migrations, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM schemaversions"));
        Assert.Equal(3L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM posts"));
    }

    private static string PollPath(string userId) => $"/2/users/{userId}/tweets";

    [Fact]
    public async Task Sigterm_during_a_poll_stops_cleanly_and_leaves_no_partial_page()
    {
        await using var x = await XFake.StartAsync();
        x.AddUser(new XFakeUser(TestHosts.OfficialXId, "LeighTownCouncil", "Leigh Town Council"));
        for (var i = 0; i < 300; i++)
        {
            x.Post(TestHosts.OfficialXId, $"Notice {i}");
        }
        x.Server.ResponseDelay = TimeSpan.FromSeconds(1.5);
        var db = await TestDatabase.CreateAsync();
        var env = WorkerProcess.AsEnvironment(TestHosts.Settings(db).WithXSource(x));
        env["Health__InstanceFile"] = Path.Combine(Path.GetTempPath(), $"sw-{Guid.NewGuid():N}");

        using var worker = WorkerProcess.Start(["run"], env);
        var output = worker.StandardOutput.ReadToEndAsync();
        _ = worker.StandardError.ReadToEndAsync();
        await WaitForAsync(() => x.Server.Requests.Count >= 2, TimeSpan.FromSeconds(60));
        var stopping = Stopwatch.StartNew();
        using (var term = Process.Start("kill", ["-TERM", worker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }
        await worker.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, worker.ExitCode);
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(20), $"took {stopping.Elapsed}");

        await using var connection = new NpgsqlConnection(db);
        var stored = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM posts");
        // Whole pages only (the running poll is let finish within the shutdown timeout, or stops
        // between pages), and the cursor says exactly how far the stored pages reach.
        Assert.Equal(0, stored % 100);
        Assert.Equal(stored, await connection.ExecuteScalarAsync<long>("SELECT count(DISTINCT platform_id) FROM posts"));
        var cursor = await connection.ExecuteScalarAsync<string?>("SELECT position FROM source_cursors");
        Assert.Equal(stored is > 0 and < 300, cursor?.Contains("NextToken", StringComparison.Ordinal) == true);
        Assert.Contains("Schedule in place", await output, StringComparison.Ordinal);
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met in " + timeout);
            }
            await Task.Delay(100);
        }
    }
}
