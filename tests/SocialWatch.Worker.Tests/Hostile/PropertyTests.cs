using System.Text.Json;
using CsCheck;
using Dapper;
using Npgsql;
using SocialWatch.Connectors;
using SocialWatch.Worker.Alerts;
using SocialWatch.Worker.Ingestion;
using SocialWatch.Worker.Storage;

namespace SocialWatch.Worker.Tests.Hostile;

/// <summary>
/// Worker-level properties over arbitrary text (CsCheck; any UTF-16 code unit, NUL and lone surrogates
/// included). The normaliser, money and personal-data parsers have theirs in SocialWatch.Rules.Tests
/// (Normalisation/PropertyTests) and the connectors' JSON handling in SocialWatch.Connectors.Tests
/// (Properties/MalformedBodyProperties); these cover what only the worker does: storing and emailing.
/// </summary>
public sealed class PropertyTests
{
    // Any code unit, weighted towards the ones that cause trouble.
    private static readonly Gen<string> AnyText = Gen.OneOf(
        Gen.Char[char.MinValue, char.MaxValue].Array[0, 60].Select(chars => new string(chars)),
        Gen.OneOf<string>("\0", "\uD800", "\uDFFF", "\uD83D\uDE00", "\u202E", "\u200B", "\r\n", "\r", "\n", "<", ">", "&", "\"", "'",
                "<script>", "Bcc: x@evil.example", "https://evil.example/", "\\u0000", "\\uD800", "\\", "e\u0301", "🏳️‍🌈", "\u001b[31m", "\u0085", " ")
            .Array[0, 25].Select(parts => string.Concat(parts)));

    [Fact]
    public void Cleaning_keeps_every_valid_character_and_leaves_nothing_postgres_refuses() =>
        AnyText.Sample(text =>
        {
            var clean = StoredText.Clean(text);
            Assert.Equal(text.Length, clean.Length);
            Assert.DoesNotContain('\0', clean);
            for (var i = 0; i < text.Length; i++)
            {
                var valid = text[i] != '\0' && (!char.IsSurrogate(text[i])
                    || (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    || (char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]) && clean[i - 1] == text[i - 1]));
                Assert.Equal(valid ? text[i] : '\uFFFD', clean[i]);
            }
            // Strict UTF-8 encoding succeeds: nothing left that cannot be stored.
            _ = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(clean);
        });

    [Fact]
    public async Task Any_post_text_and_profile_stored_through_PostStore_comes_back_equal_after_the_replacement()
    {
        var db = await TestDatabase.CreateAsync();
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        var sourceId = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO sources (name, platform, kind, target, schedule, interval_seconds) VALUES ('prop', 'x', 'Search', 'q', '00:05:00', 300) RETURNING id");
        await connection.ExecuteAsync("INSERT INTO source_cursors (source_id) VALUES (@sourceId)", new { sourceId });
        var counter = 0;

        await Gen.Select(AnyText, AnyText, AnyText).SampleAsync(async sample =>
        {
            var (text, name, bio) = sample;
            var n = Interlocked.Increment(ref counter).ToString(System.Globalization.CultureInfo.InvariantCulture);
            // Raw JSON as a connector keeps it: serialised by System.Text.Json, plus the escapes jsonb refuses.
            var raw = JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = n, ["text"] = text }) ;
            var rawWithEscapes = raw[..^1] + ",\"nul\":\"a\\u0000b\",\"lone\":\"\\uD800\"}";
            var page = new FetchedPage(
                [new FetchedPost("x", "p" + n, "a" + n, text, "https://x.com/i/status/" + n, DateTimeOffset.UtcNow, null, rawWithEscapes)],
                [new FetchedAccount("x", "a" + n, name, name, bio, null, null, "{}")],
                Cursor: "{\"SinceId\":\"" + n + "\"}");

            await using var tx = await connection.BeginTransactionAsync();
            var stored = await PostStore.StoreAsync(connection, tx, sourceId, "x", page, CancellationToken.None);
            Assert.Single(stored.Posts);
            var back = await connection.QuerySingleAsync<(string Text, string RawText, string Nul, string Handle, string DisplayName, string Bio)>("""
                SELECT p.text, p.raw->>'text', p.raw->>'nul', a.handle, a.display_name, a.bio
                FROM posts p JOIN accounts a ON a.id = p.account_id WHERE p.platform_id = @id
                """, new { id = "p" + n }, tx);
            Assert.Equal(StoredText.Clean(text), back.Text);
            Assert.Equal(StoredText.Clean(text), back.RawText);
            Assert.Equal("a\uFFFDb", back.Nul);
            Assert.Equal(StoredText.Clean(name), back.Handle);
            Assert.Equal(StoredText.Clean(name), back.DisplayName);
            Assert.Equal(StoredText.Clean(bio), back.Bio);
            await tx.RollbackAsync();
        }, iter: 100, threads: 1);
    }

    // Rule names are written by SocialWatch's own code, never by a stranger; everything else in a flag
    // alert (handle, name, bio, post text and address, evidence, a source's last error) can be.
    private static readonly Gen<string> RuleNames = Gen.OneOf<string>(
        SocialWatch.Rules.RuleNames.Impersonation, SocialWatch.Rules.RuleNames.ConfidentialLeak, SocialWatch.Rules.RuleNames.Misrepresentation, "a_future_rule");

    private static readonly AlertsOptions Options = new() { To = "town.clerk@leigh.example", From = "socialwatch@leigh.example", SmtpHost = "127.0.0.1" };

    [Fact]
    public void An_alert_email_of_any_text_has_no_raw_markup_from_it_and_a_one_line_subject() =>
        Gen.Select(Gen.Select(AnyText, AnyText, AnyText, AnyText), Gen.Select(AnyText, AnyText, RuleNames)).Sample(sample =>
        {
            var ((handle, displayName, bio, text), (evidenceValue, url, rule)) = sample;
            var evidence = JsonSerializer.Serialize(new Dictionary<string, string> { ["reason"] = evidenceValue, [evidenceValue] = text });
            var alert = new FlagAlert(1, DateTime.UtcNow, 2, rule, "high", 0.9, evidence, "Clause " + text, "open", DateTime.UtcNow,
                "x", handle, displayName, bio, text, url, DateTime.UtcNow);
            var email = new AlertEmail(Options, TimeProvider.System);

            var message = email.ForFlag(alert);
            EmailChecks.AssertInert(message);
            EmailChecks.AssertHeadersSurviveTheWire(message);

            var failing = email.ForSourceFailing(new SourceFailingAlert(3, DateTime.UtcNow, handle, "x", rule, text, DateTime.UtcNow, null, bio));
            EmailChecks.AssertInert(failing);
            EmailChecks.AssertHeadersSurviveTheWire(failing);

            var digest = email.ForDigest(4, DateTime.UtcNow, [alert, alert with { FlagId = 5, Severity = "low" }], [new SeverityCount("high", 1), new SeverityCount("low", 7)]);
            EmailChecks.AssertInert(digest);
            EmailChecks.AssertHeadersSurviveTheWire(digest);
        }, iter: 150);
}
