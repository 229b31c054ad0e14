using System.Diagnostics;
using Dapper;
using Npgsql;
using SocialWatch.Fakes.X;

namespace SocialWatch.Worker.Tests.Faults;

/// <summary>
/// The real `socialwatch` binary killed with SIGKILL at random moments of long polls (a fixed seed, so a
/// failure can be replayed), restarted each time, with the platform publishing more between restarts;
/// at the end nothing is lost and nothing doubled. Most kills hit `poll --source` (the same SourcePoller
/// the scheduler runs, without Quartz's ~10 s wait to recover a dead worker's job); the last one hits
/// `run`, the scheduled worker, which must then recover the dead worker's job and finish the poll itself.
/// </summary>
[Collection(HeavyProcesses.Name)]
public sealed class KillTests(Xunit.Abstractions.ITestOutputHelper testOutput)
{
    private const int Seed = 20261125;

    [Fact]
    public async Task Killing_the_worker_mid_poll_again_and_again_loses_and_doubles_nothing()
    {
        await using var x = await XFake.StartAsync();
        x.AddUser(new XFakeUser(TestHosts.OfficialXId, "LeighTownCouncil", "Leigh Town Council"));
        for (var i = 0; i < 100; i++)
        {
            x.Post(TestHosts.OfficialXId, $"Council notice {i}");
        }
        // Pages of 10, each answered after 30 ms.
        x.Server.ResponseDelay = TimeSpan.FromMilliseconds(30);
        var db = await TestDatabase.CreateAsync();
        var settings = TestHosts.Settings(db).WithXSource(x, every: "00:00:01");
        settings["X:PageSize"] = "10";
        settings["X:MaxPagesPerPoll"] = "1000";
        settings["Health:InstanceFile"] = Path.Combine(Path.GetTempPath(), "socialwatch-kill-" + Guid.NewGuid().ToString("N"));
        var environment = WorkerProcess.AsEnvironment(settings);

        var clock = Stopwatch.StartNew();
        var random = new Random(Seed);
        var killedMidPoll = 0;
        var log = new List<string>();
        for (var kill = 0; kill < FaultScale.Kills; kill++)
        {
            // Enough new posts that every run has a long poll (15+ pages) to be killed in.
            for (var i = 0; i < 150; i++)
            {
                x.Post(TestHosts.OfficialXId, $"Published before restart {kill}: {i}");
            }
            var stored = await CountAsync(db);
            var asWorker = kill == FaultScale.Kills - 1;
            var requestsBefore = x.Server.Requests.Count;
            using var process = WorkerProcess.Start(asWorker ? ["run"] : ["poll", "--source", "x-official"], environment);
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            // A random point of the poll: after a random number of pages, plus a random part of the next.
            var pages = random.Next(1, 14);
            await FaultScale.WaitUntilAsync(() => Task.FromResult(process.HasExited || x.Server.Requests.Count >= requestsBefore + pages), TimeSpan.FromSeconds(60));
            await Task.Delay(random.Next(0, 60));
            if (!process.HasExited)
            {
                process.Kill(); // SIGKILL: no shutdown, no finally blocks, no flush.
                killedMidPoll++;
            }
            await process.WaitForExitAsync();
            log.Add($"{clock.Elapsed.TotalSeconds:0.0}s kill {kill} ({(asWorker ? "run" : "poll")}): {stored} -> {await CountAsync(db)} stored, exit {process.ExitCode} {(await error).Trim()}");
            _ = await output;
        }
        Assert.True(killedMidPoll >= FaultScale.Kills / 2, $"only {killedMidPoll} kill(s) landed mid-poll:\n{string.Join('\n', log)}");

        log.ForEach(testOutput.WriteLine);

        // The worker again, this time left alone until it has caught up.
        var newest = x.Post(TestHosts.OfficialXId, "The last post").Id;
        var expected = x.PostCount;
        using (var worker = WorkerProcess.Start(["run"], environment))
        {
            var output = worker.StandardOutput.ReadToEndAsync();
            var error = worker.StandardError.ReadToEndAsync();
            var caughtUp = await FaultScale.WaitUntilAsync(async () =>
                await CountAsync(db) == expected && (await CursorAsync(db))?.Contains($"\"SinceId\":\"{newest}\"", StringComparison.Ordinal) == true,
                TimeSpan.FromSeconds(90));
            testOutput.WriteLine($"{clock.Elapsed.TotalSeconds:0.0}s caught up: {caughtUp}");
            worker.Kill();
            await worker.WaitForExitAsync();
            Assert.True(caughtUp, $"{await CountAsync(db)} of {expected} stored, cursor {await CursorAsync(db)}\n{string.Join('\n', log)}\n{await error}");
            _ = await output;
        }

        Assert.Equal((long)expected, await ScalarAsync<long>(db, "SELECT count(DISTINCT platform_id) FROM posts"));
        Assert.Equal((long)expected, await ScalarAsync<long>(db, "SELECT posts_stored FROM source_cursors"));
        Assert.Equal(0L, await ScalarAsync<long>(db, "SELECT count(*) FROM (SELECT post_id, rule FROM flags GROUP BY post_id, rule, account_id HAVING count(*) > 1) d"));
        Assert.Equal(0L, await ScalarAsync<long>(db, "SELECT count(*) FROM (SELECT flag_id FROM alert_outbox WHERE flag_id IS NOT NULL GROUP BY flag_id HAVING count(*) > 1) d"));
        // The texts are the fake's, not a mix of pages.
        Assert.Equal("The last post", await ScalarAsync<string>(db, $"SELECT text FROM posts WHERE platform_id = '{newest}'"));
    }

    private static Task<long> CountAsync(string db) => ScalarAsync<long>(db, "SELECT count(*) FROM posts");

    private static Task<string?> CursorAsync(string db) => ScalarAsync<string?>(db, "SELECT position FROM source_cursors");

    private static async Task<T> ScalarAsync<T>(string db, string sql)
    {
        await using var connection = new NpgsqlConnection(db);
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }
}
