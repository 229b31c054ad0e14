using System.Globalization;
using Dapper;
using Npgsql;
using SocialWatch.Fakes.X;
using SocialWatch.Worker.Tests.Alerts;
using SocialWatch.Worker.Tests.Faults;
using static SocialWatch.Worker.Tests.Alerts.AlertTestKit;

namespace SocialWatch.Worker.Tests.Production;

/// <summary>
/// Every command that opens the database, each as a real process configured the way docs/deployment.md
/// tells a council (DeployedWorker), against a PostgreSQL that asks for a password. Each checks what the
/// command is for, and that its output holds neither the password nor a sign of GSS encryption.
/// </summary>
public sealed class DeployedCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData(PasswordFrom.Environment)]
    [InlineData(PasswordFrom.SecretFile)]
    public async Task Migrate_creates_the_schema_on_an_empty_database(PasswordFrom from)
    {
        var db = await TestDatabase.CreateEmptyAsync();
        using var worker = DeployedWorker.Create(TestHosts.Settings(db), from);

        var first = await worker.RunAsync(["migrate"]);
        var second = await worker.RunAsync(["migrate"]);

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.StartsWith("Applied ", first.Output, StringComparison.Ordinal);
        Assert.Contains("The database is up to date.", second.Output, StringComparison.Ordinal);
        Assert.True(await ScalarAsync<long>(db, "SELECT count(*) FROM schemaversions") >= 5);
        worker.AssertClean("migrate", first.Output + first.Error + second.Output + second.Error);
    }

    [Fact]
    public async Task Run_migrates_schedules_polls_reports_healthy_and_stops_on_sigterm()
    {
        await using var x = await XFake.StartAsync();
        x.AddUser(new XFakeUser(TestHosts.OfficialXId, "LeighTownCouncil", "Leigh Town Council"));
        x.Post(TestHosts.OfficialXId, "The library opens late on Thursday.");
        var db = await TestDatabase.CreateEmptyAsync();
        var settings = TestHosts.Settings(db).WithXSource(x, every: "00:00:02");
        settings["Health:InstanceFile"] = Path.Combine(Path.GetTempPath(), $"sw-deployed-{Guid.NewGuid():N}");
        using var worker = DeployedWorker.Create(settings, PasswordFrom.SecretFile);

        using var run = worker.Start(["run"]);
        var polled = await FaultScale.WaitUntilAsync(async () =>
            await ScalarAsync<long>(db, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'source_cursors'") == 1
            && await ScalarAsync<long>(db, "SELECT count(*) FROM source_cursors WHERE last_success_at IS NOT NULL") == 1, Patience);
        Assert.True(polled, "the worker did not poll its source:\n" + run.Output);
        var health = await worker.RunAsync(["health"]);
        var exit = await run.StopAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("healthy", health.Output.Trim());
        Assert.Equal(0, exit);
        Assert.Equal(1L, await ScalarAsync<long>(db, "SELECT count(*) FROM posts"));
        Assert.Contains("Schedule in place", run.Output, StringComparison.Ordinal);
        worker.AssertClean("run and health", run.Output + health.Output + health.Error);
    }

    [Fact]
    public async Task Poll_stores_the_new_posts_of_one_source()
    {
        await using var x = await XFake.StartAsync();
        x.AddUser(new XFakeUser(TestHosts.OfficialXId, "LeighTownCouncil", "Leigh Town Council"));
        x.Post(TestHosts.OfficialXId, "Bin collections move to Tuesday.");
        x.Post(TestHosts.OfficialXId, "The market is on Saturday.");
        var db = await TestDatabase.CreateEmptyAsync();
        using var worker = DeployedWorker.Create(TestHosts.Settings(db).WithXSource(x), PasswordFrom.Environment);

        var result = await worker.RunAsync(["poll", "--source", "x-official"]);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("2 new post(s)", result.Output, StringComparison.Ordinal);
        Assert.Equal(2L, await ScalarAsync<long>(db, "SELECT count(*) FROM posts"));
        worker.AssertClean("poll", result.Output + result.Error);
    }

    [Fact]
    public async Task Sources_list_shows_the_configured_sources()
    {
        await using var x = await XFake.StartAsync();
        var db = await TestDatabase.CreateAsync();
        using var worker = DeployedWorker.Create(TestHosts.Settings(db).WithXSource(x, name: "x-council-timeline"), PasswordFrom.SecretFile);

        var result = await worker.RunAsync(["sources", "list"]);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("x-council-timeline", result.Output, StringComparison.Ordinal);
        Assert.Contains("never", result.Output, StringComparison.Ordinal);
        worker.AssertClean("sources list", result.Output + result.Error);
    }

    [Fact]
    public async Task Flags_list_show_and_resolve_read_and_record_the_review()
    {
        var db = await TestDatabase.CreateAsync();
        var flagId = await FlaggedPostAsync(db, handle: "LeighTownCounci1");
        var flag = flagId.ToString(CultureInfo.InvariantCulture);
        using var worker = DeployedWorker.Create(TestHosts.Settings(db), PasswordFrom.Environment);

        var list = await worker.RunAsync(["flags", "list"]);
        var show = await worker.RunAsync(["flags", "show", flag]);
        var resolve = await worker.RunAsync(["flags", "resolve", flag, "--as", "actioned", "--note", "Reported to X", "--by", "Town Clerk"]);

        Assert.True(list.ExitCode == 0, list.Output + list.Error);
        Assert.Contains("impersonation", list.Output, StringComparison.Ordinal);
        Assert.True(show.ExitCode == 0, show.Output + show.Error);
        Assert.Contains("LeighTownCounci1", show.Output, StringComparison.Ordinal);
        Assert.True(resolve.ExitCode == 0, resolve.Output + resolve.Error);
        Assert.Equal("actioned|Town Clerk", await ScalarAsync<string>(db, "SELECT concat_ws('|', status, reviewed_by) FROM flags WHERE id = @flagId", new { flagId }));
        worker.AssertClean("flags", list.Output + list.Error + show.Output + show.Error + resolve.Output + resolve.Error);
    }

    [Fact]
    public async Task Health_reads_the_database_and_reports_no_scheduler_when_no_worker_runs()
    {
        var db = await TestDatabase.CreateAsync();
        var settings = TestHosts.Settings(db);
        settings["Health:InstanceFile"] = Path.Combine(Path.GetTempPath(), $"sw-deployed-{Guid.NewGuid():N}");
        using var worker = DeployedWorker.Create(settings, PasswordFrom.SecretFile);

        var result = await worker.RunAsync(["health"]);

        // Exit 1 with the health verdict, not 3 with a database error: it got in and looked.
        Assert.True(result.ExitCode == 1, result.Output + result.Error);
        Assert.Contains("scheduler not running", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error:", result.Output + result.Error, StringComparison.Ordinal);
        worker.AssertClean("health", result.Output + result.Error);
    }

    [Fact]
    public async Task Demo_against_an_external_database_flags_and_sends_alert_emails()
    {
        await using var smtp = SmtpSink.Create();
        var db = await TestDatabase.CreateEmptyAsync();
        var settings = TestHosts.Settings(db).WithSmtp(smtp);
        var data = Directory.CreateTempSubdirectory("socialwatch-demo-").FullName;
        try
        {
            using var worker = DeployedWorker.Create(settings, PasswordFrom.Environment);
            using var demo = worker.Start(["demo", "--data", data, "--duration", "00:03:00"], WorkerProcess.Demo);
            var sent = await FaultScale.WaitUntilAsync(() => Task.FromResult(
                !smtp.Accepted.IsEmpty && demo.Output.Contains(" alert emails sent", StringComparison.Ordinal)), TimeSpan.FromMinutes(2));
            Assert.True(sent, "no alert email and no progress line:\n" + demo.Output);
            var exit = await demo.StopAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(0, exit);
            Assert.True(await ScalarAsync<long>(db, "SELECT count(*) FROM flags") > 0);
            Assert.DoesNotContain("progress unavailable", demo.Output, StringComparison.Ordinal);
            // The configured server is used: no private one was started in the data folder.
            Assert.False(Directory.Exists(Path.Combine(data, "postgres")));
            worker.AssertClean("demo", demo.Output);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Theory]
    [InlineData(PasswordFrom.Environment)]
    [InlineData(PasswordFrom.SecretFile)]
    public async Task Bench_ingest_runs_against_the_configured_server(PasswordFrom from)
    {
        var db = await TestDatabase.CreateAsync();
        using var worker = DeployedWorker.Create(TestHosts.Settings(db), from);

        var result = await worker.RunAsync(["bench", "ingest", "--posts", "2000", "--page-size", "100"], WorkerProcess.Demo, timeoutSeconds: 300);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("ingest: 2000 posts; stored ", result.Output, StringComparison.Ordinal);
        // Its database is on the configured server, made with the configured credentials.
        await using var connection = new NpgsqlConnection((await TestDatabase.ServerAsync()).AdminConnectionString);
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_database WHERE datname LIKE 'bench_%'") > 0);
        worker.AssertClean("bench ingest", result.Output + result.Error);
    }
}
