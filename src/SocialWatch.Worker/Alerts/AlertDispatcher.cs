using System.Net.Sockets;
using Dapper;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;

namespace SocialWatch.Worker.Alerts;

/// <summary>What one run of the alert job did.</summary>
internal sealed record DispatchOutcome(int SourceFailingQueued, int DigestsPrepared, int Sent, int Retrying, int Failed, string? Error = null);

/// <summary>
/// One run of the alert job: queues "source failing" alerts, prepares a digest when its slot is due,
/// then sends what is due. Each alert is claimed with FOR UPDATE SKIP LOCKED inside its own
/// transaction, sent, and marked sent in that same transaction only after the SMTP server accepted
/// it: two workers never send one alert, and a crash before the mark leaves it pending, so it is sent
/// again with the same Message-ID (the one duplicate SMTP cannot rule out; see docs/alerts.md).
/// </summary>
internal sealed partial class AlertDispatcher(
    NpgsqlDataSource db,
    IOptions<AlertsOptions> settings,
    IOptions<SocialWatch.Rules.WatchOptions> watch,
    IOptions<Web.WebOptions> web,
    TimeProvider time,
    ILogger<AlertDispatcher> logger)
{
    // A run stops after this many messages; the next run carries on. Keeps one job run short.
    private const int MaxPerRun = 500;

    // Once per process: the job runs every half minute and one warning says it.
    private static int _warnedNoRecipient;

    private AlertsOptions Options => settings.Value;

    public async Task<DispatchOutcome> RunOnceAsync(CancellationToken ct)
    {
        var queued = await QueueFailingSourcesAsync(ct);
        if (!Options.SendsEmail)
        {
            if (Interlocked.Exchange(ref _warnedNoRecipient, 1) == 0)
            {
                LogNoRecipient(logger);
            }
            return new DispatchOutcome(queued, 0, 0, 0, 0);
        }
        var prepared = await PrepareDigestAsync(ct) ? 1 : 0;
        // The organisation's name and the review page's address come from the settings, never the code.
        var email = new AlertEmail(Options, time, watch.Value.Organisation.Names.FirstOrDefault(), web.Value.FlagLink);
        await using var mailer = new SmtpMailer(Options);
        var tally = new Tally();
        try
        {
            while (tally.Total < MaxPerRun && await SendNextImmediateAsync(mailer, email, tally, ct))
            {
            }
            while (tally.Total < MaxPerRun && await SendNextDigestAsync(mailer, email, tally, ct))
            {
            }
        }
        catch (SmtpUnavailableException e)
        {
            // Recorded on the alert it stopped; the others stay due and are tried on the next run.
            return new DispatchOutcome(queued, prepared, tally.Sent, tally.Retrying, tally.Failed, e.Message);
        }
        return new DispatchOutcome(queued, prepared, tally.Sent, tally.Retrying, tally.Failed);
    }

    private sealed class Tally
    {
        public int Sent;
        public int Retrying;
        public int Failed;
        public int Total => Sent + Retrying + Failed;
    }

    private sealed class SmtpUnavailableException(string message) : Exception(message);

    private const string QueueFailingSourcesSql = """
        INSERT INTO alert_outbox (source_id, kind, delivery, failing_since, next_attempt_at)
        SELECT c.source_id, 'source_failing', 'immediate', c.failing_since, @Now
        FROM source_cursors c JOIN sources s ON s.id = c.source_id
        WHERE s.enabled AND c.failing_since IS NOT NULL AND c.failing_since <= @Now - @After
        ON CONFLICT DO NOTHING
        RETURNING source_id
        """;

    /// <summary>A source failing for longer than Alerts:SourceFailingAlertAfter gets one alert per failing
    /// spell: the spell is identified by its failing_since, which a success clears.</summary>
    public async Task<int> QueueFailingSourcesAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var queued = (await connection.QueryAsync<long>(new CommandDefinition(QueueFailingSourcesSql,
            new { Now = time.GetUtcNow(), After = Options.SourceFailingAlertAfter }, cancellationToken: ct))).ToList();
        foreach (var source in queued)
        {
            LogSourceFailing(logger, source);
        }
        return queued.Count;
    }

    private const string CreateDigestSql = """
        INSERT INTO alert_digests (slot_at, next_attempt_at)
        SELECT @Slot, @Now
        WHERE EXISTS (SELECT 1 FROM alert_outbox
                      WHERE status = 'pending' AND delivery = 'digest' AND digest_id IS NULL AND created_at <= @Slot)
        ON CONFLICT (slot_at) DO NOTHING
        RETURNING id
        """;

    private const string AttachToDigestSql = """
        UPDATE alert_outbox SET digest_id = @Id
        WHERE status = 'pending' AND delivery = 'digest' AND digest_id IS NULL AND created_at <= @Slot
        """;

    /// <summary>When the latest digest slot has passed and alerts from before it wait, makes that slot's
    /// digest (once, whichever worker gets there first) and gives it those alerts.</summary>
    public async Task<bool> PrepareDigestAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (DigestSchedule.LatestSlot(Options.DigestCron, Options.DigestZone(), now) is not { } slot)
        {
            return false;
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(CreateDigestSql, new { Slot = slot, Now = now }, tx, cancellationToken: ct));
        if (id is null)
        {
            return false;
        }
        var count = await connection.ExecuteAsync(new CommandDefinition(AttachToDigestSql, new { Id = id, Slot = slot }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("UPDATE alert_digests SET alert_count = @count WHERE id = @id", new { id, count }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        LogDigestPrepared(logger, id.Value, slot, count);
        return true;
    }

    private const string ClaimImmediateSql = """
        SELECT id, kind FROM alert_outbox
        WHERE status = 'pending' AND delivery = 'immediate' AND next_attempt_at <= @Now
        ORDER BY next_attempt_at, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
        """;

    internal const string FlagAlertColumns = """
        o.id AS alert_id, o.created_at AS alert_created_at, f.id AS flag_id, f.rule, f.severity, f.score, f.evidence::text AS evidence,
        f.policy_clause, f.status, f.created_at AS flagged_at, a.platform, a.handle, a.display_name, a.bio,
        p.text AS post_text, p.url AS post_url, p.created_at AS posted_at
        """;

    private const string FlagAlertSql = $"""
        SELECT {FlagAlertColumns}
        FROM alert_outbox o JOIN flags f ON f.id = o.flag_id JOIN accounts a ON a.id = f.account_id LEFT JOIN posts p ON p.id = f.post_id
        WHERE o.id = @Id
        """;

    private const string SourceFailingAlertSql = """
        SELECT o.id AS alert_id, o.created_at AS alert_created_at, s.name AS source_name, s.platform, s.kind, s.target,
               o.failing_since, c.last_success_at, c.last_error
        FROM alert_outbox o JOIN sources s ON s.id = o.source_id LEFT JOIN source_cursors c ON c.source_id = s.id
        WHERE o.id = @Id
        """;

    private const string MarkSentSql = """
        UPDATE alert_outbox SET status = 'sent', sent_at = @Now, attempts = attempts + 1, last_error = NULL WHERE id = @Id
        """;

    private const string MarkFailedAttemptSql = """
        UPDATE alert_outbox
        SET attempts = attempts + 1, last_error = @Error, next_attempt_at = @Next,
            status = CASE WHEN attempts + 1 >= @Max THEN 'failed' ELSE 'pending' END
        WHERE id = @Id
        RETURNING status
        """;

    private async Task<bool> SendNextImmediateAsync(SmtpMailer mailer, AlertEmail email, Tally tally, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var claimed = await connection.QuerySingleOrDefaultAsync<ImmediateClaim>(new CommandDefinition(ClaimImmediateSql, new { Now = now }, tx, cancellationToken: ct));
        if (claimed is not { } alert)
        {
            return false;
        }
        MimeMessage? message = alert.Kind == "source_failing"
            ? await connection.QuerySingleOrDefaultAsync<SourceFailingAlert>(new CommandDefinition(SourceFailingAlertSql, new { alert.Id }, tx, cancellationToken: ct)) is { } s ? email.ForSourceFailing(s) : null
            : await connection.QuerySingleOrDefaultAsync<FlagAlert>(new CommandDefinition(FlagAlertSql, new { alert.Id }, tx, cancellationToken: ct)) is { } f ? email.ForFlag(f) : null;
        if (message is null)
        {
            // Its flag or source is gone; nothing to say.
            await connection.ExecuteAsync(new CommandDefinition(MarkSentSql, new { alert.Id, Now = now }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return true;
        }

        var failure = await TrySendAsync(mailer, message, ct);
        if (failure is null)
        {
            // Only now, after the server accepted the message. A crash before this commit leaves the
            // row pending (the lock dies with the connection) and it is sent again, same Message-ID.
            await connection.ExecuteAsync(new CommandDefinition(MarkSentSql, new { alert.Id, Now = now }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            tally.Sent++;
            LogSent(logger, alert.Id, message.MessageId ?? "");
            return true;
        }
        var attempts = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT attempts + 1 FROM alert_outbox WHERE id = @Id", new { alert.Id }, tx, cancellationToken: ct));
        var status = await connection.ExecuteScalarAsync<string>(new CommandDefinition(MarkFailedAttemptSql, new
        {
            alert.Id, Error = failure.Message, Next = now + Options.RetryDelay(attempts), Max = Options.MaxAttempts,
        }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        Record(tally, "alert", alert.Id, attempts, status == "failed", failure.Message);
        if (failure.ConnectionLevel)
        {
            throw new SmtpUnavailableException(failure.Message);
        }
        return true;
    }

    private const string ClaimDigestSql = """
        SELECT id, slot_at FROM alert_digests
        WHERE status = 'pending' AND next_attempt_at <= @Now
        ORDER BY slot_at
        LIMIT 1
        FOR UPDATE SKIP LOCKED
        """;

    private const string DigestFlagsSql = $"""
        SELECT {FlagAlertColumns}
        FROM alert_outbox o JOIN flags f ON f.id = o.flag_id JOIN accounts a ON a.id = f.account_id LEFT JOIN posts p ON p.id = f.post_id
        WHERE o.digest_id = @Id
        ORDER BY CASE f.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, f.score DESC, f.id
        LIMIT @Cap
        """;

    private async Task<bool> SendNextDigestAsync(SmtpMailer mailer, AlertEmail email, Tally tally, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var claimed = await connection.QuerySingleOrDefaultAsync<DigestClaim>(new CommandDefinition(ClaimDigestSql, new { Now = now }, tx, cancellationToken: ct));
        if (claimed is not { } digest)
        {
            return false;
        }
        var counts = (await connection.QueryAsync<SeverityCount>(new CommandDefinition(
            "SELECT f.severity, count(*)::int AS count FROM alert_outbox o JOIN flags f ON f.id = o.flag_id WHERE o.digest_id = @Id GROUP BY f.severity",
            new { digest.Id }, tx, cancellationToken: ct))).ToList();
        var total = counts.Sum(c => c.Count);
        var flags = (await connection.QueryAsync<FlagAlert>(new CommandDefinition(DigestFlagsSql, new { digest.Id, Cap = Options.DigestCap }, tx, cancellationToken: ct))).ToList();
        if (total == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition("UPDATE alert_digests SET status = 'empty' WHERE id = @Id", new { digest.Id }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return true;
        }
        var message = email.ForDigest(digest.Id, digest.SlotAt, flags, counts);
        var failure = await TrySendAsync(mailer, message, ct);
        if (failure is null)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE alert_digests SET status = 'sent', sent_at = @Now, attempts = attempts + 1, last_error = NULL WHERE id = @Id;
                UPDATE alert_outbox SET status = 'sent', sent_at = @Now, attempts = attempts + 1 WHERE digest_id = @Id AND status = 'pending';
                """, new { digest.Id, Now = now }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            tally.Sent++;
            LogDigestSent(logger, digest.Id, total, message.MessageId ?? "");
            return true;
        }
        var attempts = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT attempts + 1 FROM alert_digests WHERE id = @Id", new { digest.Id }, tx, cancellationToken: ct));
        var failed = attempts >= Options.MaxAttempts;
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE alert_digests
            SET attempts = attempts + 1, last_error = @Error, next_attempt_at = @Next, status = CASE WHEN @Failed THEN 'failed' ELSE 'pending' END
            WHERE id = @Id;
            UPDATE alert_outbox SET status = 'failed', last_error = @Error WHERE @Failed AND digest_id = @Id AND status = 'pending';
            """, new { digest.Id, Error = failure.Message, Next = now + Options.RetryDelay(attempts), Failed = failed }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        Record(tally, "digest", digest.Id, attempts, failed, failure.Message);
        if (failure.ConnectionLevel)
        {
            throw new SmtpUnavailableException(failure.Message);
        }
        return true;
    }

    private void Record(Tally tally, string what, long id, int attempts, bool failed, string error)
    {
        if (failed)
        {
            tally.Failed++;
            LogGaveUp(logger, what, id, attempts, error);
        }
        else
        {
            tally.Retrying++;
            LogWillRetry(logger, what, id, attempts, Options.RetryDelay(attempts), error);
        }
    }

    private sealed record ImmediateClaim(long Id, string Kind);

    private sealed record DigestClaim(long Id, DateTime SlotAt);

    private sealed record SendFailure(string Message, bool ConnectionLevel);

    /// <summary>Sends, and sorts a failure: a refused message (the server said no to this one) or an
    /// unavailable server (cannot connect, log in or talk), after which this run stops sending.</summary>
    private static async Task<SendFailure?> TrySendAsync(SmtpMailer mailer, MimeMessage message, CancellationToken ct)
    {
        try
        {
            await mailer.SendAsync(message, ct);
            return null;
        }
        catch (SmtpCommandException e)
        {
            return new SendFailure($"the mail server refused the message: {(int)e.StatusCode} {e.Message}", ConnectionLevel: false);
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException or ProtocolException or SslHandshakeException or AuthenticationException
            or ServiceNotConnectedException or ServiceNotAuthenticatedException or NotSupportedException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            await mailer.ResetAsync();
            return new SendFailure($"the mail server is not available: {e.GetType().Name}: {e.Message}", ConnectionLevel: true);
        }
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Alert {AlertId} sent ({MessageId})")]
    private static partial void LogSent(ILogger logger, long alertId, string messageId);

    [LoggerMessage(EventId = 501, Level = LogLevel.Warning, Message = "Sending {What} {Id} failed (attempt {Attempts}); retrying in {Delay}: {Error}")]
    private static partial void LogWillRetry(ILogger logger, string what, long id, int attempts, TimeSpan delay, string error);

    [LoggerMessage(EventId = 502, Level = LogLevel.Error, Message = "Gave up sending {What} {Id} after {Attempts} attempts; it is marked failed (see `health`): {Error}")]
    private static partial void LogGaveUp(ILogger logger, string what, long id, int attempts, string error);

    [LoggerMessage(EventId = 503, Level = LogLevel.Information, Message = "Digest {DigestId} for {Slot:u} prepared with {Count} alert(s)")]
    private static partial void LogDigestPrepared(ILogger logger, long digestId, DateTimeOffset slot, int count);

    [LoggerMessage(EventId = 504, Level = LogLevel.Information, Message = "Digest {DigestId} of {Count} alert(s) sent ({MessageId})")]
    private static partial void LogDigestSent(ILogger logger, long digestId, int count, string messageId);

    [LoggerMessage(EventId = 506, Level = LogLevel.Warning, Message = "Alerts:To is not set: flags and their alerts are stored but no email is sent until it is")]
    private static partial void LogNoRecipient(ILogger logger);

    [LoggerMessage(EventId = 505, Level = LogLevel.Warning, Message = "Source {SourceId} has been failing for longer than Alerts:SourceFailingAlertAfter; the clerk is told")]
    private static partial void LogSourceFailing(ILogger logger, long sourceId);
}
