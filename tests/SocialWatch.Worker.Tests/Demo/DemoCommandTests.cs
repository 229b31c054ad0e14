namespace SocialWatch.Worker.Tests.Demo;

/// <summary>The README's first command: `socialwatch demo` with no credentials and no configured database.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task The_demo_starts_its_own_database_polls_the_samples_flags_and_writes_alert_emails()
    {
        var data = Path.Combine(Path.GetTempPath(), "sw-demo-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            // No Database__ConnectionString and no SMTP host: the demo must manage on its own.
            var result = await WorkerProcess.RunAsync(["demo", "--data", data, "--duration", "00:00:40"],
                new Dictionary<string, string?> { ["Database__ConnectionString"] = "", ["Alerts__SmtpHost"] = "" }, TimeSpan.FromMinutes(3));

            Assert.True(result.ExitCode == 0, result.Output + result.Error);
            Assert.Contains("SocialWatch demo is running", result.Output, StringComparison.Ordinal);
            Assert.Contains("flags list --config", result.Output, StringComparison.Ordinal);
            var mails = Directory.GetFiles(Path.Combine(data, "mail"), "*.eml");
            Assert.NotEmpty(mails);
            var texts = mails.Select(File.ReadAllText).ToList();
            Assert.Contains(texts, t => t.Contains("Subject: Possible impersonation on X", StringComparison.Ordinal));
            Assert.True(File.Exists(Path.Combine(data, "demo-settings.json")));
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
