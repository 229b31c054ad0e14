using System.Diagnostics;
using System.Text.Json.Nodes;
using Dapper;
using Npgsql;

namespace SocialWatch.Worker.Tests.Demo;

/// <summary>The README's first command: `socialwatch demo` with no credentials and no configured database.</summary>
public sealed class DemoCommandTests
{
    private static readonly string[] AllPlatforms = ["bluesky", "facebook", "mastodon", "rss", "x"];
    private static readonly string[] AllRules = ["confidential_leak", "impersonation", "misrepresentation"];

    [Fact]
    public async Task The_demo_starts_its_own_database_polls_every_platform_flags_and_writes_alert_emails()
    {
        var data = Path.Combine(Path.GetTempPath(), "sw-demo-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            // No Database__ConnectionString and no SMTP host: the demo must manage on its own.
            using var process = WorkerProcess.Start(["demo", "--data", data, "--duration", "00:03:00"],
                new Dictionary<string, string?> { ["Database__ConnectionString"] = "", ["Alerts__SmtpHost"] = "" }, WorkerProcess.Demo);
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();

            // The demo's private PostgreSQL stops with it, so the database is read while the demo runs:
            // the first half of the corpus is published at start, so every platform and rule shows up in the first polls.
            var platforms = new SortedSet<string>(StringComparer.Ordinal);
            var rules = new SortedSet<string>(StringComparer.Ordinal);
            var settingsFile = Path.Combine(data, "demo-settings.json");
            var clock = Stopwatch.StartNew();
            var mailFolder = Path.Combine(data, "mail");
            while (!process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2)
                && !(platforms.IsSupersetOf(AllPlatforms) && rules.IsSupersetOf(AllRules)
                     && Directory.Exists(mailFolder) && Directory.EnumerateFiles(mailFolder, "*.eml").Any()))
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
                if (!File.Exists(settingsFile))
                {
                    continue;
                }
                try
                {
                    // The private server asks for a password, which the demo keeps in its settings file.
                    var database = JsonNode.Parse(await File.ReadAllTextAsync(settingsFile))!["Database"]!;
                    var connectionString = new NpgsqlConnectionStringBuilder(database["ConnectionString"]!.GetValue<string>())
                    {
                        Password = database["Password"]!.GetValue<string>(),
                    }.ConnectionString;
                    await using var connection = new NpgsqlConnection(connectionString);
                    await connection.OpenAsync();
                    platforms.UnionWith(await connection.QueryAsync<string>("SELECT DISTINCT platform FROM posts"));
                    rules.UnionWith(await connection.QueryAsync<string>("SELECT DISTINCT rule FROM flags"));
                }
                catch (Exception e) when (e is NpgsqlException or IOException or System.Text.Json.JsonException)
                {
                    // Still starting (the file half written, the schema not migrated yet) or already stopping.
                }
            }

            // Stopped as Docker stops it: SIGTERM, then the demo stops its host, database and mail server.
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            var (stdout, stderr) = (await output, await error);

            Assert.True(process.ExitCode == 0, stdout + stderr);
            Assert.Contains("SocialWatch demo is running", stdout, StringComparison.Ordinal);
            Assert.Contains("flags list --config", stdout, StringComparison.Ordinal);
            Assert.Contains("Platforms   X (", stdout, StringComparison.Ordinal);
            Assert.Equal(AllPlatforms, platforms);
            Assert.Equal(AllRules, rules);
            var mails = Directory.GetFiles(Path.Combine(data, "mail"), "*.eml");
            Assert.NotEmpty(mails);
            var texts = mails.Select(File.ReadAllText).ToList();
            Assert.Contains(texts, t => t.Contains("Subject: Possible impersonation on X", StringComparison.Ordinal));
            Assert.True(File.Exists(settingsFile));
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // The temp folder is cleaned by the OS in the end.
            }
            catch (UnauthorizedAccessException)
            {
                // PostgreSQL's files belong to the postgres user when the tests run as root.
            }
        }
    }
}
