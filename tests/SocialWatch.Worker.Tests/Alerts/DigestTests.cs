using Dapper;
using Npgsql;
using SocialWatch.Worker.Alerts;
using static SocialWatch.Worker.Tests.Alerts.AlertTestKit;

namespace SocialWatch.Worker.Tests.Alerts;

/// <summary>Medium and low flags go out together in one digest per slot, capped.</summary>
public sealed class DigestTests
{
    [Fact]
    public async Task A_burst_of_200_flags_becomes_one_capped_digest_sent_once()
    {
        await using var smtp = SmtpSink.Create();
        var db = await TestDatabase.CreateAsync();
        var account = await AccountAsync(db, "grumpy_resident", "Grumpy Resident");
        await using (var connection = new NpgsqlConnection(db))
        {
            // 200 posts in one go; their flags through the real FlagStore, as the rules stage writes them.
            await connection.ExecuteAsync("""
                INSERT INTO posts (platform, platform_id, account_id, text, url, created_at, raw)
                SELECT 'x', 'p' || i, @account, 'Post number ' || i || ' about the council', 'https://x.com/grumpy_resident/status/' || i, now(), '{}'
                FROM generate_series(1, 200) AS i
                """, new { account });
        }
        var posts = (await new NpgsqlConnection(db).QueryAsync<long>("SELECT id FROM posts ORDER BY id")).ToList();
        for (var i = 0; i < posts.Count; i++)
        {
            var severity = i % 10 == 0 ? "medium" : "low";
            await AddFlagAsync(db, Flag(account, posts[i], "misrepresentation", severity, score: i / 1000.0));
        }
        var urgent = await FlaggedPostAsync(db, handle: "LeighTownCounci1");

        var time = new ManualTime();
        var settings = Settings(db).WithSmtp(smtp);
        settings["Alerts:DigestCap"] = "25";
        using var host = Host(settings, time);

        // Before the next slot only the urgent alert goes.
        var before = await host.Dispatcher().RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, before.Sent);
        Assert.Equal(0, before.DigestsPrepared);

        // Four days on, at least one weekday 08:00 (London) has passed since the flags were written.
        time.Advance(TimeSpan.FromDays(4));
        var after = await host.Dispatcher().RunOnceAsync(CancellationToken.None);
        Assert.Equal(1, after.DigestsPrepared);
        Assert.Equal(1, after.Sent);
        var again = await host.Dispatcher().RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, again.Sent);
        Assert.Equal(0, again.DigestsPrepared);

        Assert.Equal(2, smtp.Accepted.Count);
        var digest = smtp.Mailbox.Single(m => m.MessageId?.StartsWith("digest-", StringComparison.Ordinal) == true);
        Assert.EndsWith("200 flags to review (20 medium, 180 low)", digest.Subject, StringComparison.Ordinal);
        var text = digest.TextBody!;
        Assert.Equal(25, System.Text.RegularExpressions.Regex.Count(text, @"^\* ", System.Text.RegularExpressions.RegexOptions.Multiline));
        Assert.Contains("… and 175 more", text, StringComparison.Ordinal);
        Assert.Contains("socialwatch flags list --status open", text, StringComparison.Ordinal);
        Assert.Contains("SELECT * FROM flagged_posts WHERE status = 'open'", text, StringComparison.Ordinal);
        // Highest severity first, then highest score: the medium flag with the top score leads.
        Assert.Contains("Post number 191 about the council", text[..text.IndexOf("* ", text.IndexOf("* ", StringComparison.Ordinal) + 2, StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.DoesNotContain("LeighTownCounci1", text, StringComparison.Ordinal);
        Assert.Equal(200L, await ScalarAsync<long>(db, "SELECT count(*) FROM alert_outbox WHERE delivery = 'digest' AND status = 'sent' AND digest_id IS NOT NULL"));
        Assert.Equal("sent", await ScalarAsync<string>(db, "SELECT status FROM alert_digests"));
        Assert.Equal(200, await ScalarAsync<int>(db, "SELECT alert_count FROM alert_digests"));
        Assert.True(await ScalarAsync<bool>(db, "SELECT status = 'sent' FROM alert_outbox WHERE flag_id = @urgent", new { urgent }));
    }

    [Fact]
    public async Task Two_workers_prepare_one_digest_per_slot()
    {
        var db = await TestDatabase.CreateAsync();
        var account = await AccountAsync(db, "someone");
        for (var i = 0; i < 5; i++)
        {
            await AddFlagAsync(db, Flag(account, await PostAsync(db, account, $"post {i}"), "misrepresentation", "medium"));
        }
        var time = new ManualTime(DateTimeOffset.UtcNow.AddDays(4));
        await using var smtp = SmtpSink.Create();
        var settings = Settings(db).WithSmtp(smtp);
        using var a = Host(settings, time);
        using var b = Host(settings, time);

        var prepared = await Task.WhenAll(a.Dispatcher().PrepareDigestAsync(CancellationToken.None), b.Dispatcher().PrepareDigestAsync(CancellationToken.None));

        Assert.Single(prepared, p => p);
        Assert.Equal(1L, await ScalarAsync<long>(db, "SELECT count(*) FROM alert_digests"));
        Assert.Equal(5L, await ScalarAsync<long>(db, "SELECT count(*) FROM alert_outbox WHERE digest_id IS NOT NULL"));
    }

    [Fact]
    public async Task A_digest_that_cannot_be_sent_is_retried_then_failed_with_its_alerts()
    {
        await using var smtp = SmtpSink.Create(listening: false);
        var db = await TestDatabase.CreateAsync();
        var account = await AccountAsync(db, "someone");
        for (var i = 0; i < 3; i++)
        {
            await AddFlagAsync(db, Flag(account, await PostAsync(db, account, $"post {i}"), "misrepresentation", "low"));
        }
        var time = new ManualTime(DateTimeOffset.UtcNow.AddDays(4));
        var settings = Settings(db).WithSmtp(smtp);
        settings["Alerts:MaxAttempts"] = "2";
        using var host = Host(settings, time);

        await host.Dispatcher().RunOnceAsync(CancellationToken.None);
        Assert.Equal("pending|1", await ScalarAsync<string>(db, "SELECT status || '|' || attempts FROM alert_digests"));
        time.Advance(TimeSpan.FromMinutes(5));
        await host.Dispatcher().RunOnceAsync(CancellationToken.None);

        Assert.Equal("failed|2", await ScalarAsync<string>(db, "SELECT status || '|' || attempts FROM alert_digests"));
        Assert.Equal(3L, await ScalarAsync<long>(db, "SELECT count(*) FROM alert_outbox WHERE status = 'failed'"));
    }

    [Theory]
    // Winter (GMT): 08:00 London is 08:00 UTC.
    [InlineData("2026-01-12T07:59:00Z", "2026-01-09T08:00:00Z")] // Monday before 08:00: Friday's slot
    [InlineData("2026-01-12T08:00:00Z", "2026-01-12T08:00:00Z")]
    [InlineData("2026-01-11T12:00:00Z", "2026-01-09T08:00:00Z")] // Sunday
    // Summer (BST): 08:00 London is 07:00 UTC.
    [InlineData("2026-07-14T07:30:00Z", "2026-07-14T07:00:00Z")]
    [InlineData("2026-07-14T06:59:00Z", "2026-07-13T07:00:00Z")]
    public void The_default_digest_slot_is_each_weekday_at_eight_in_London(string now, string expected)
    {
        var options = new AlertsOptions();
        var slot = DigestSchedule.LatestSlot(options.DigestCron, options.DigestZone(), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), slot);
    }
}
