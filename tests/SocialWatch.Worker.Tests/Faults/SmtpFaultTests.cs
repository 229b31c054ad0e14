using System.Diagnostics;
using System.Globalization;
using SocialWatch.Worker.Tests.Alerts;
using static SocialWatch.Worker.Tests.Alerts.AlertTestKit;

namespace SocialWatch.Worker.Tests.Faults;

/// <summary>
/// A mail server that refuses, stays silent, or drops the connection after DATA: no alert is lost, and
/// none is doubled except in the one case SMTP itself cannot rule out (the server kept the message but
/// its "250" never arrived), where the resend carries the same Message-ID so mail clients show one.
/// (A server that is down altogether is DeliveryTests.When_the_mail_server_is_down_for_an_hour_….)
/// </summary>
public sealed class SmtpFaultTests
{
    internal static Dictionary<string, string?> WithScripted(Dictionary<string, string?> settings, ScriptedSmtp smtp)
    {
        settings["Alerts:To"] = Clerk;
        settings["Alerts:From"] = "socialwatch@leigh.example";
        settings["Alerts:SmtpHost"] = "127.0.0.1";
        settings["Alerts:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["Alerts:Security"] = "None";
        settings["Alerts:SmtpTimeout"] = "00:00:01";
        return settings;
    }

    private static async Task<string> DatabaseWithFlagsAsync(int count)
    {
        var db = await TestDatabase.CreateAsync();
        for (var i = 0; i < count; i++)
        {
            await FlaggedPostAsync(db, handle: $"LeighTownCounci{i}");
        }
        return db;
    }

    private static async Task AssertEachAlertSentOnceAsync(string db, ScriptedSmtp smtp, int alerts)
    {
        Assert.Equal(alerts, smtp.Mailbox.Count);
        Assert.Equal((long)alerts, await ScalarAsync<long>(db, "SELECT count(*) FROM alert_outbox WHERE status = 'sent'"));
        Assert.Equal((long)alerts, await ScalarAsync<long>(db, "SELECT count(*) FROM alert_outbox"));
    }

    [Fact]
    public async Task A_server_that_refuses_the_message_gets_it_again_after_the_back_off_and_nothing_is_doubled()
    {
        await using var smtp = ScriptedSmtp.Start();
        smtp.Behaviour = SmtpBehaviour.Refuse;
        var db = await DatabaseWithFlagsAsync(3);
        var time = new ManualTime();
        using var host = Host(WithScripted(Settings(db), smtp), time);

        var refused = await host.Dispatcher().RunOnceAsync(CancellationToken.None);
        // A refusal is about one message, so the run goes on to the next: each was tried once.
        Assert.Equal(0, refused.Sent);
        Assert.Equal(3, refused.Retrying);
        Assert.Empty(smtp.Kept);
        Assert.Contains("refused the message: 554", await ScalarAsync<string>(db, "SELECT last_error FROM alert_outbox LIMIT 1"), StringComparison.Ordinal);

        // Not before the back-off is over.
        smtp.Behaviour = SmtpBehaviour.Accept;
        Assert.Equal(0, (await host.Dispatcher().RunOnceAsync(CancellationToken.None)).Sent);
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(3, (await host.Dispatcher().RunOnceAsync(CancellationToken.None)).Sent);
        Assert.Equal(0, (await host.Dispatcher().RunOnceAsync(CancellationToken.None)).Sent);

        Assert.Equal(3, smtp.Kept.Count);
        await AssertEachAlertSentOnceAsync(db, smtp, 3);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_quickly_and_everything_goes_once_it_answers()
    {
        await using var smtp = ScriptedSmtp.Start();
        smtp.Behaviour = SmtpBehaviour.Silent;
        var db = await DatabaseWithFlagsAsync(3);
        var time = new ManualTime();
        using var host = Host(WithScripted(Settings(db), smtp), time);

        var clock = Stopwatch.StartNew();
        var stalled = await host.Dispatcher().RunOnceAsync(CancellationToken.None);
        clock.Stop();
        // The first message hits the 1 s timeout and the run stops: the others are not tried against
        // a server that is not talking (each would cost another timeout).
        Assert.Equal(0, stalled.Sent);
        Assert.Equal(1, stalled.Retrying);
        Assert.NotNull(stalled.Error);
        Assert.Contains("not available", stalled.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the stalled send took {clock.Elapsed}");
        Assert.Equal(1L, await ScalarAsync<long>(db, "SELECT count(*) FROM alert_outbox WHERE attempts = 1"));

        smtp.Behaviour = SmtpBehaviour.Accept;
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(3, (await host.Dispatcher().RunOnceAsync(CancellationToken.None)).Sent);
        Assert.Equal(3, smtp.Kept.Count);
        await AssertEachAlertSentOnceAsync(db, smtp, 3);
    }

    [Fact]
    public async Task A_connection_dropped_after_DATA_resends_with_the_same_Message_ID_so_the_clerk_sees_one_email()
    {
        await using var smtp = ScriptedSmtp.Start();
        smtp.NextMessage = SmtpBehaviour.DropAfterData;
        var db = await DatabaseWithFlagsAsync(2);
        var time = new ManualTime();
        using var host = Host(WithScripted(Settings(db), smtp), time);

        var dropped = await host.Dispatcher().RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, dropped.Sent);
        Assert.NotNull(dropped.Error);
        // The server has the first message; the worker cannot know, so it is still pending.
        Assert.Single(smtp.Kept);
        Assert.Equal(0L, await ScalarAsync<long>(db, "SELECT count(*) FROM alert_outbox WHERE status = 'sent'"));

        time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(2, (await host.Dispatcher().RunOnceAsync(CancellationToken.None)).Sent);
        Assert.Equal(0, (await host.Dispatcher().RunOnceAsync(CancellationToken.None)).Sent);

        // Three copies reached the server, two of them the same alert with the same Message-ID:
        // the mailbox (one message per Message-ID, as mail clients thread and de-duplicate) shows two.
        Assert.Equal(3, smtp.Kept.Count);
        var twice = Assert.Single(smtp.Kept.GroupBy(m => m.MessageId), g => g.Count() == 2);
        Assert.StartsWith("alert-", twice.Key, StringComparison.Ordinal);
        Assert.Equal(twice.First().Subject, twice.Last().Subject);
        await AssertEachAlertSentOnceAsync(db, smtp, 2);
    }
}
