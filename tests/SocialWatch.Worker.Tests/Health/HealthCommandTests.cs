using Dapper;
using Npgsql;
using SocialWatch.Fakes.X;

namespace SocialWatch.Worker.Tests.Health;

/// <summary>`socialwatch health`, run as a process the way Docker's HEALTHCHECK runs it.</summary>
public sealed class HealthCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_unreachable_database_is_unhealthy_with_a_one_line_reason()
    {
        var env = new Dictionary<string, string?> { ["Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Username=nobody;Timeout=3" };
        var result = await WorkerProcess.RunAsync(["health"], env, Timeout);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("unhealthy: database unreachable", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_tells_the_truth_about_the_scheduler_late_sources_and_stuck_alerts()
    {
        await using var x = await XFake.StartAsync();
        x.AddUser(new XFakeUser(TestHosts.OfficialXId, "LeighTownCouncil", "Leigh Town Council"));
        var db = await TestDatabase.CreateAsync();
        var instanceFile = Path.Combine(Path.GetTempPath(), $"sw-instance-{Guid.NewGuid():N}");
        var settings = TestHosts.Settings(db).WithXSource(x, every: "00:00:02");
        settings["Health:InstanceFile"] = instanceFile;
        var env = WorkerProcess.AsEnvironment(settings);

        // No worker has ever run: the scheduler is not running.
        var before = await WorkerProcess.RunAsync(["health"], env, Timeout);
        Assert.Equal(1, before.ExitCode);
        Assert.Contains("scheduler not running", before.Output, StringComparison.Ordinal);

        using (var host = TestHosts.Build(settings))
        {
            await host.StartAsync();
            await WaitForAsync(() => File.Exists(instanceFile));
            await WaitForAsync(async () => await ScalarAsync<long>(db, "SELECT count(*) FROM source_cursors WHERE last_success_at IS NOT NULL") > 0);

            var healthy = await WorkerProcess.RunAsync(["health"], env, Timeout);
            Assert.Equal("healthy", healthy.Output.Trim());
            Assert.Equal(0, healthy.ExitCode);

            await host.StopAsync();
        }
        Assert.False(File.Exists(instanceFile));

        // The worker is gone, the source last succeeded an hour ago (it polls every 2 s) with the
        // platform refusing its token since, and an alert could not be sent.
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.ExecuteAsync("""
                UPDATE source_cursors SET last_success_at = now() - interval '1 hour', last_error = 'X refused the token (HTTP 401)';
                INSERT INTO alert_outbox (kind, delivery, status, created_at) VALUES ('flag', 'immediate', 'failed', now());
                """);
        }
        var sick = await WorkerProcess.RunAsync(["health"], env, Timeout);
        Assert.Equal(1, sick.ExitCode);
        Assert.Contains("unhealthy: source x-official has not succeeded", sick.Output, StringComparison.Ordinal);
        Assert.Contains("refused the token", sick.Output, StringComparison.Ordinal);
        Assert.Contains("unhealthy: 1 alert(s) failed to send", sick.Output, StringComparison.Ordinal);
    }

    private static async Task<T> ScalarAsync<T>(string db, string sql)
    {
        await using var connection = new NpgsqlConnection(db);
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    private static Task WaitForAsync(Func<bool> condition) => WaitForAsync(() => Task.FromResult(condition()));

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met in 90 s");
            }
            await Task.Delay(200);
        }
    }
}
