using System.Text.Json;
using SocialWatch.Worker.Alerts;
using SocialWatch.Worker.Cli;
using static SocialWatch.Worker.Tests.Alerts.AlertTestKit;

namespace SocialWatch.Worker.Tests.Alerts;

/// <summary>`socialwatch flags …` against a real database, through the real command line.</summary>
public sealed class FlagsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("socialwatch-flags-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> ConfigAsync(string db)
    {
        var file = Path.Combine(_folder, "settings.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new Dictionary<string, object> { ["Database"] = new Dictionary<string, string> { ["ConnectionString"] = db } }));
        return file;
    }

    private static Task<int> RunAsync(params string[] args) => SocialWatchCli.Build().Parse(args).InvokeAsync();

    [Fact]
    public async Task Resolve_records_status_reviewer_and_note_through_review_flag()
    {
        var db = await TestDatabase.CreateAsync();
        var flag = await FlaggedPostAsync(db);
        var config = await ConfigAsync(db);

        Assert.Equal(0, await RunAsync("flags", "resolve", flag.ToString(System.Globalization.CultureInfo.InvariantCulture), "--as", "actioned", "--note", "Reported to X", "--by", "Town Clerk", "--config", config));

        Assert.Equal("actioned|Town Clerk|Reported to X", await ScalarAsync<string>(db, "SELECT concat_ws('|', status, reviewed_by, review_note) FROM flags WHERE id = @flag", new { flag }));
        Assert.Equal(1, await RunAsync("flags", "resolve", "999999", "--as", "dismissed", "--config", config));
        Assert.NotEqual(0, await RunAsync("flags", "resolve", "1", "--as", "deleted", "--config", config));
    }

    [Fact]
    public async Task Export_writes_rfc4180_csv_that_a_spreadsheet_cannot_run_as_formulas()
    {
        var db = await TestDatabase.CreateAsync();
        var account = await AccountAsync(db, "=cmd|' /C calc'!A0", "@SUM(1+1)");
        var post = await PostAsync(db, account, "-2+3 \"quoted\", with comma\nand a second line");
        await AddFlagAsync(db, Flag(account, post, "misrepresentation", "medium"));
        var config = await ConfigAsync(db);
        var csv = Path.Combine(_folder, "report.csv");

        Assert.Equal(0, await RunAsync("flags", "export", "--since", "30d", "--csv", csv, "--config", config));

        var content = await File.ReadAllTextAsync(csv);
        Assert.StartsWith("\"flag_id\",\"flagged_at\"", content, StringComparison.Ordinal);
        Assert.Contains("\"'=cmd|' /C calc'!A0\"", content, StringComparison.Ordinal);
        Assert.Contains("\"'@SUM(1+1)\"", content, StringComparison.Ordinal);
        Assert.Contains("\"'-2+3 \"\"quoted\"\", with comma\nand a second line\"", content, StringComparison.Ordinal);
        Assert.Equal(2, content.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task List_filters_by_status_rule_and_time_and_show_prints_everything()
    {
        var db = await TestDatabase.CreateAsync();
        var high = await FlaggedPostAsync(db);
        var account = await AccountAsync(db, "resident");
        var medium = (await AddFlagAsync(db, Flag(account, await PostAsync(db, account, "They closed the \u202Elibrary"), "misrepresentation", "medium",
            evidence: """{"reason": "contradicts an official statement", "statement": "The library stays open"}""")))!.Value;
        await using var connection = new Npgsql.NpgsqlConnection(db);
        await connection.OpenAsync();
        await FlagStore.ReviewAsync(connection, high, "dismissed", "ok", "clerk", CancellationToken.None);

        var open = await FlagStore.ListAsync(connection, new FlagStore.Filter(Status: "open"), CancellationToken.None);
        Assert.Equal([medium], open.Select(f => f.FlagId));
        var byRule = await FlagStore.ListAsync(connection, new FlagStore.Filter(Rule: "impersonation"), CancellationToken.None);
        Assert.Equal([high], byRule.Select(f => f.FlagId));
        Assert.Empty(await FlagStore.ListAsync(connection, new FlagStore.Filter(Since: DateTime.UtcNow.AddMinutes(5)), CancellationToken.None));

        using var table = new StringWriter();
        FlagsCommand.Write(table, await FlagStore.ListAsync(connection, new FlagStore.Filter(), CancellationToken.None), "table");
        Assert.Contains("misrepresentation", table.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", table.ToString(), StringComparison.Ordinal);

        using var json = new StringWriter();
        FlagsCommand.Write(json, open, "json");
        using var parsed = JsonDocument.Parse(json.ToString());
        Assert.Equal("The library stays open", parsed.RootElement[0].GetProperty("evidence").GetProperty("statement").GetString());

        using var shown = new StringWriter();
        await FlagsCommand.ShowAsync(shown, connection, (await FlagStore.FindAsync(connection, medium, CancellationToken.None))!, CancellationToken.None);
        var text = shown.ToString();
        Assert.Contains("\"statement\": \"The library stays open\"", text, StringComparison.Ordinal);
        Assert.Contains("[U+202E]", text, StringComparison.Ordinal);
        Assert.Contains("digest, pending", text, StringComparison.Ordinal);
        Assert.Contains($"flags resolve {medium}", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7d", "2026-11-18T12:00:00Z")]
    [InlineData("24h", "2026-11-24T12:00:00Z")]
    [InlineData("2w", "2026-11-11T12:00:00Z")]
    [InlineData("2026-11-01", "2026-11-01T00:00:00Z")]
    public void Since_takes_a_span_back_from_now_or_a_date(string value, string expected)
    {
        var now = DateTimeOffset.Parse("2026-11-25T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(FlagsCommand.TryParseSince(value, now, out var since));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime, since);
        Assert.False(FlagsCommand.TryParseSince("soon", now, out _));
    }
}
