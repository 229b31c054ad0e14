using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using static SocialWatch.Worker.Tests.Alerts.AlertTestKit;

namespace SocialWatch.Worker.Tests.Alerts;

/// <summary>The outbox against a real SMTP server on loopback: one email per alert, through crashes,
/// restarts and a mail server that is down for an hour.</summary>
public sealed class DeliveryTests
{
    [Fact]
    public async Task A_worker_restart_between_sent_and_recorded_gives_the_clerk_one_email()
    {
        await using var smtp = SmtpSink.Create();
        var db = await TestDatabase.CreateAsync();
        var flag = await FlaggedPostAsync(db);
        // Plays a crash right after the server accepted the message: the first attempt to record it as
        // sent fails, and the transaction holding the claim dies with it. (A sequence is not rolled back,
        // so it counts across the failed transaction.)
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.ExecuteAsync("""
                CREATE SEQUENCE crash_counter;
                CREATE FUNCTION crash_once() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.status = 'sent' AND nextval('crash_counter') = 1 THEN
                        RAISE EXCEPTION 'simulated crash before recording';
                    END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER crash_once BEFORE UPDATE ON alert_outbox FOR EACH ROW EXECUTE FUNCTION crash_once();
                """);
        }
        var settings = Settings(db).WithSmtp(smtp);

        using (var first = Host(settings))
        {
            await Assert.ThrowsAsync<Npgsql.PostgresException>(() => first.Dispatcher().RunOnceAsync(CancellationToken.None));
        }
        Assert.Single(smtp.Accepted);
        Assert.Equal("pending", await ScalarAsync<string>(db, "SELECT status FROM alert_outbox"));

        using (var second = Host(settings))
        {
            var outcome = await second.Dispatcher().RunOnceAsync(CancellationToken.None);
            Assert.Equal(1, outcome.Sent);
            Assert.Equal(0, (await second.Dispatcher().RunOnceAsync(CancellationToken.None)).Sent);
        }

        Assert.Single(smtp.Mailbox);
        Assert.True(smtp.Accepted.Count <= 2);
        Assert.Single(smtp.Accepted.Select(r => r.Message.MessageId).Distinct());
        Assert.Equal("sent", await ScalarAsync<string>(db, "SELECT status FROM alert_outbox"));
        Assert.StartsWith("alert-", smtp.Mailbox[0].MessageId, StringComparison.Ordinal);
        Assert.Contains(flag.ToString(System.Globalization.CultureInfo.InvariantCulture), smtp.Mailbox[0].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_workers_sending_at_once_send_each_alert_once()
    {
        await using var smtp = SmtpSink.Create();
        var db = await TestDatabase.CreateAsync();
        for (var i = 0; i < 20; i++)
        {
            await FlaggedPostAsync(db, handle: $"LeighTownCounci{i}");
        }
        var settings = Settings(db).WithSmtp(smtp);
        using var a = Host(settings);
        using var b = Host(settings);

        var outcomes = await Task.WhenAll(a.Dispatcher().RunOnceAsync(CancellationToken.None), b.Dispatcher().RunOnceAsync(CancellationToken.None));

        Assert.Equal(20, outcomes.Sum(o => o.Sent));
        Assert.Equal(20, smtp.Accepted.Count);
        Assert.Equal(20, smtp.Mailbox.Count);
        Assert.All(smtp.Accepted, r => Assert.Equal([Clerk], r.Recipients));
    }

    [Fact]
    public async Task When_the_mail_server_is_down_for_an_hour_everything_arrives_once_it_is_back()
    {
        await using var smtp = SmtpSink.Create(listening: false);
        var db = await TestDatabase.CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await FlaggedPostAsync(db, handle: $"LeighTownCounci{i}");
        }
        var time = new ManualTime();
        var log = new LogSink();
        var settings = Settings(db).WithSmtp(smtp);
        using var host = Host(settings, time, log);

        // An hour and a quarter of failing runs, one every half minute as the job would.
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromMinutes(75); elapsed += TimeSpan.FromSeconds(30))
        {
            var outcome = await host.Dispatcher().RunOnceAsync(CancellationToken.None);
            Assert.Equal(0, outcome.Sent);
            time.Advance(TimeSpan.FromSeconds(30));
        }
        Assert.Equal(0L, await ScalarAsync<long>(db, "SELECT count(*) FROM alert_outbox WHERE status <> 'pending'"));
        Assert.True(await ScalarAsync<long>(db, "SELECT min(attempts) FROM alert_outbox") >= 2, "every alert was tried more than once");
        Assert.Contains(log.Lines, l => l.Level == LogLevel.Warning && l.EventId == 501);

        smtp.Start();
        // Within the longest back-off (30 minutes) everything is due again and goes out.
        for (var elapsed = TimeSpan.Zero; elapsed <= TimeSpan.FromMinutes(31); elapsed += TimeSpan.FromMinutes(1))
        {
            await host.Dispatcher().RunOnceAsync(CancellationToken.None);
            time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(5, smtp.Accepted.Count);
        Assert.Equal(5, smtp.Mailbox.Count);
        Assert.Equal(5L, await ScalarAsync<long>(db, "SELECT count(*) FROM alert_outbox WHERE status = 'sent'"));
    }

    [Fact]
    public async Task Past_the_attempt_limit_an_alert_is_marked_failed_and_logged_as_an_error()
    {
        await using var smtp = SmtpSink.Create(listening: false);
        var db = await TestDatabase.CreateAsync();
        await FlaggedPostAsync(db);
        var time = new ManualTime();
        var log = new LogSink();
        var settings = Settings(db).WithSmtp(smtp);
        settings["Alerts:MaxAttempts"] = "3";
        using var host = Host(settings, time, log);

        for (var i = 0; i < 10; i++)
        {
            await host.Dispatcher().RunOnceAsync(CancellationToken.None);
            time.Advance(TimeSpan.FromMinutes(30));
        }

        Assert.Equal("failed", await ScalarAsync<string>(db, "SELECT status FROM alert_outbox"));
        Assert.Equal(3, await ScalarAsync<int>(db, "SELECT attempts FROM alert_outbox"));
        Assert.Contains("not available", await ScalarAsync<string>(db, "SELECT last_error FROM alert_outbox"), StringComparison.Ordinal);
        Assert.Single(log.Lines, l => l.Level == LogLevel.Error && l.EventId == 502);
    }

    [Fact]
    public async Task A_source_failing_for_longer_than_the_setting_is_reported_once_per_failing_spell()
    {
        await using var smtp = SmtpSink.Create();
        var db = await TestDatabase.CreateAsync();
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.ExecuteAsync("""
                INSERT INTO sources (name, platform, kind, target, schedule, interval_seconds) VALUES
                    ('x-mentions', 'x', 'Mentions', 'LeighTownCouncil', '00:05:00', 300),
                    ('x-recent', 'x', 'Search', 'Leigh', '00:05:00', 300);
                INSERT INTO source_cursors (source_id, failing_since, last_error, last_success_at)
                SELECT id, now() - interval '7 hours', '401 Unauthorized: <b>token</b> expired', now() - interval '7 hours' FROM sources WHERE name = 'x-mentions';
                INSERT INTO source_cursors (source_id, failing_since) SELECT id, now() - interval '1 hour' FROM sources WHERE name = 'x-recent';
                """);
        }
        var settings = Settings(db).WithSmtp(smtp);
        using var host = Host(settings);

        await host.Dispatcher().RunOnceAsync(CancellationToken.None);
        await host.Dispatcher().RunOnceAsync(CancellationToken.None);

        var mail = Assert.Single(smtp.Mailbox);
        Assert.Contains("x-mentions", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;token&lt;/b&gt;", mail.HtmlBody, StringComparison.Ordinal);

        // It recovers, then fails again for long enough: a new spell, a new alert.
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.ExecuteAsync("UPDATE source_cursors SET failing_since = now() - interval '6 hours 1 minute' WHERE source_id = (SELECT id FROM sources WHERE name = 'x-mentions')");
        }
        await host.Dispatcher().RunOnceAsync(CancellationToken.None);
        Assert.Equal(2, smtp.Mailbox.Count);
        Assert.Equal(2L, await ScalarAsync<long>(db, "SELECT count(*) FROM alert_outbox WHERE kind = 'source_failing'"));
    }

    [Fact]
    public async Task The_running_worker_sends_alerts_on_its_own_schedule()
    {
        await using var smtp = SmtpSink.Create();
        var db = await TestDatabase.CreateAsync();
        await FlaggedPostAsync(db);
        var settings = Settings(db).WithSmtp(smtp);
        // Two seconds, not one: the misfire threshold is half the interval, and a starved test machine
        // can acquire a one-second trigger more than half a second late time after time.
        settings["Alerts:SendEvery"] = "00:00:02";
        using var host = Host(settings);

        await host.StartAsync();
        await smtp.WaitForAsync(1, TimeSpan.FromSeconds(90));
        await host.StopAsync();

        var mail = Assert.Single(smtp.Mailbox);
        Assert.Equal("Possible impersonation on X: Leigh Town Council (@LeighTownCounci1)", mail.Subject);
    }

    [Fact]
    public async Task Without_a_clerk_address_alerts_wait_in_the_outbox()
    {
        var db = await TestDatabase.CreateAsync();
        await FlaggedPostAsync(db);
        using var host = Host(Settings(db));
        var outcome = await host.Dispatcher().RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, outcome.Sent);
        Assert.Equal("pending", await ScalarAsync<string>(db, "SELECT status FROM alert_outbox"));
    }
}
