namespace SocialWatch.Worker.Tests.Configuration;

/// <summary>Start-up refuses bad configuration with a message that names the setting.</summary>
public sealed class StartupValidationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static string ExampleSettings => Path.Combine(TestHosts.RepoRoot(), "settings.example.json");

    [Fact]
    public async Task The_example_settings_without_tokens_name_each_missing_token_and_its_environment_variable()
    {
        var db = await TestDatabase.CreateAsync();
        var result = await WorkerProcess.RunAsync(["sources", "list", "--config", ExampleSettings],
            new Dictionary<string, string?> { ["Database__ConnectionString"] = db }, Timeout);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("X__BearerToken", result.Error, StringComparison.Ordinal);
        Assert.Contains("Facebook__PageAccessToken", result.Error, StringComparison.Ordinal);
        Assert.Contains("Mastodon__AccessToken", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_with_a_missing_token_stops_at_start_with_one_line_naming_it()
    {
        var db = await TestDatabase.CreateAsync();
        var result = await WorkerProcess.RunAsync(["run", "--config", ExampleSettings],
            WorkerProcess.AsEnvironment(new Dictionary<string, string?>().WithDatabase(db)), Timeout);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: bad configuration:", result.Error, StringComparison.Ordinal);
        Assert.Contains("X__BearerToken", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_with_a_missing_logo_file_stops_at_start_naming_the_file()
    {
        var db = await TestDatabase.CreateAsync();
        var environment = WorkerProcess.AsEnvironment(new Dictionary<string, string?>().WithDatabase(db).WithWatchList());
        environment["Watch__Organisation__LogoFiles__0"] = "/nonexistent/council-logo.png";
        var result = await WorkerProcess.RunAsync(["run"], environment, Timeout);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: bad configuration:", result.Error, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/council-logo.png does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_example_settings_with_tokens_are_accepted_and_list_every_source()
    {
        var db = await TestDatabase.CreateAsync();
        var result = await WorkerProcess.RunAsync(["sources", "list", "--config", ExampleSettings], new Dictionary<string, string?>
        {
            ["Database__ConnectionString"] = db,
            ["X__BearerToken"] = "x-token",
            ["Facebook__PageAccessToken"] = "fb-token",
            ["Mastodon__AccessToken"] = "mastodon-token",
        }, Timeout);

        Assert.True(result.ExitCode == 0, result.Error);
        foreach (var name in new[] { "x-council", "x-search", "facebook-tagged", "bluesky-accounts", "mastodon-mentions", "echo-news" })
        {
            Assert.Contains(name, result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_bad_interval_and_a_bad_cron_are_refused_by_name()
    {
        var db = await TestDatabase.CreateAsync();
        var result = await WorkerProcess.RunAsync(["sources", "list"], new Dictionary<string, string?>
        {
            ["Database__ConnectionString"] = db,
            ["X__BearerToken"] = "x-token",
            ["Watch__Organisation__Names__0"] = "Leigh Town Council",
            ["Sources__0__Name"] = "too-fast", ["Sources__0__Platform"] = "x", ["Sources__0__Kind"] = "Search",
            ["Sources__0__Target"] = "Leigh", ["Sources__0__Every"] = "00:00:00.100",
            ["Sources__1__Name"] = "bad-cron", ["Sources__1__Platform"] = "x", ["Sources__1__Kind"] = "Search",
            ["Sources__1__Target"] = "Leigh", ["Sources__1__Cron"] = "every morning",
        }, Timeout);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Sources:0:Every", result.Error, StringComparison.Ordinal);
        Assert.Contains("Sources:1:Cron", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_connection_string_is_refused_by_name()
    {
        var result = await WorkerProcess.RunAsync(["sources", "list"], new Dictionary<string, string?> { ["Database__ConnectionString"] = "" }, Timeout);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Database__ConnectionString", result.Error, StringComparison.Ordinal);
    }
}
