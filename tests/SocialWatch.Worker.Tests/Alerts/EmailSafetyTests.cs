using Dapper;
using Npgsql;
using SocialWatch.Worker.Alerts;
using static SocialWatch.Worker.Tests.Alerts.AlertTestKit;

namespace SocialWatch.Worker.Tests.Alerts;

/// <summary>A hostile post reaches the clerk inert: no markup, no links, no headers, no reordering.</summary>
public sealed class EmailSafetyTests
{
    private const string Rlo = "\u202E";

    [Fact]
    public async Task A_post_with_script_html_a_fake_bcc_header_and_bidi_overrides_arrives_inert()
    {
        await using var smtp = SmtpSink.Create();
        var db = await TestDatabase.CreateAsync();
        var handle = "LeighTownCounci1\r\nBcc: victim@evil.example";
        var name = "Leigh Town Council</td><script>alert(1)</script>\r\nBcc: attacker@evil.example";
        var bio = "<img src=\"https://evil.example/track.png\"> Official" + Rlo + "lanoitan";
        var text = "<script>document.location='https://evil.example/'</script>\n"
            + "<a href=\"https://evil.example/login\">Pay your parking fine here</a>\n"
            + "Bcc: everyone@evil.example\r\nSubject: hijacked\n"
            + "Invoice " + Rlo + "fdp.exe" + "\u2066 visit www.evil.example now \u0007\u001b[31m";
        long flagId;
        await using (var connection = new NpgsqlConnection(db))
        {
            var account = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO accounts (platform, platform_id, handle, display_name, bio) VALUES ('x', '1', @handle, @name, @bio) RETURNING id",
                new { handle, name, bio });
            var post = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO posts (platform, platform_id, account_id, text, url, created_at, raw) VALUES ('x', '2', @account, @text, 'javascript:alert(1)', now(), '{}') RETURNING id",
                new { account, text });
            flagId = (await AddFlagAsync(db, Flag(account, post, evidence: """{"reason": "<b>bold</b> \u202E claim", "matched": ["<i>x</i>"]}""")))!.Value;
        }
        using var host = Host(Settings(db).WithSmtp(smtp));
        await host.Dispatcher().RunOnceAsync(CancellationToken.None);

        var received = Assert.Single(smtp.Accepted);
        var mail = received.Message;
        // Headers: only the clerk, no Bcc, the subject one line and free of controls.
        Assert.Equal([Clerk], received.Recipients);
        Assert.Empty(mail.Bcc);
        Assert.Single(mail.To);
        Assert.Null(mail.Headers["Bcc"]);
        Assert.DoesNotContain("\n", mail.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", mail.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("hijacked", mail.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Possible impersonation on X: Leigh Town Council", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("(@LeighTownCounci1 Bcc: victim[@]evil[.]example)", mail.Subject, StringComparison.Ordinal);
        var rawHeaders = System.Text.Encoding.ASCII.GetString(received.Raw).Split("\r\n\r\n")[0];
        Assert.DoesNotContain(rawHeaders.Split("\r\n"), h => h.StartsWith("Bcc", StringComparison.OrdinalIgnoreCase) || h.StartsWith("Subject: hijacked", StringComparison.Ordinal));
        Assert.Single(rawHeaders.Split("\r\n"), h => h.StartsWith("Subject:", StringComparison.Ordinal));

        foreach (var body in new[] { mail.HtmlBody, mail.TextBody })
        {
            Assert.NotNull(body);
            Assert.DoesNotContain(Rlo, body, StringComparison.Ordinal);
            Assert.DoesNotContain("\u2066", body, StringComparison.Ordinal);
            Assert.DoesNotContain("\u001b", body, StringComparison.Ordinal);
            Assert.Contains("[U+202E]", body, StringComparison.Ordinal);
            Assert.Contains("[U+2066]", body, StringComparison.Ordinal);
            Assert.DoesNotContain("https://evil.example", body, StringComparison.Ordinal);
            Assert.DoesNotContain("www.evil.example", body, StringComparison.Ordinal);
            Assert.DoesNotContain("javascript:", body, StringComparison.Ordinal);
        }
        var html = mail.HtmlBody!;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("</td><script", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;a href=&quot;https[:]//evil[.]example/login&quot;&gt;", html, StringComparison.Ordinal);
        // The post's own URL was not https, so there is no link at all.
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.Contains("review_flag(" + flagId, html, StringComparison.Ordinal);
        // The text part quotes the post line by line; the fake header stays inside the quote.
        Assert.Contains("> Bcc: everyone[@]evil[.]example", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_email_says_who_where_when_what_fired_why_the_clause_what_to_do_and_how_to_resolve()
    {
        await using var smtp = SmtpSink.Create();
        var db = await TestDatabase.CreateAsync();
        var account = await AccountAsync(db, "LeighTownCounci1", "Leigh Town Council", "The official account of Leigh Town Council");
        var post = await PostAsync(db, account, "The council has cancelled the carnival.", "https://x.com/LeighTownCounci1/status/123");
        var flagId = (await AddFlagAsync(db, Flag(account, post)))!.Value;
        using var host = Host(Settings(db).WithSmtp(smtp));
        await host.Dispatcher().RunOnceAsync(CancellationToken.None);

        var mail = Assert.Single(smtp.Mailbox);
        Assert.Equal("Possible impersonation on X: Leigh Town Council (@LeighTownCounci1)", mail.Subject);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        foreach (var body in new[] { mail.HtmlBody!, mail.TextBody! })
        {
            Assert.Contains("Leigh Town Council (@LeighTownCounci1)", body, StringComparison.Ordinal);
            Assert.Contains("The council has cancelled the carnival.", body, StringComparison.Ordinal);
            Assert.Contains("https://x.com/LeighTownCounci1/status/123", body, StringComparison.Ordinal);
            Assert.Contains("display name within 1 edit of Leigh Town Council", body, StringComparison.Ordinal);
            Assert.Contains("may not use Leigh Town Council", body, StringComparison.Ordinal);
            Assert.Contains("report it to X as impersonation", body, StringComparison.Ordinal);
            Assert.Contains($"socialwatch flags resolve {flagId} --as actioned", body, StringComparison.Ordinal);
            Assert.Contains("(UK time)", body, StringComparison.Ordinal);
        }
        Assert.Contains("<a href=\"https://x.com/LeighTownCounci1/status/123\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(mail.HtmlBody!, "<a "));
        Assert.DoesNotContain("<img", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("a\u202Eb", "a[U+202E]b")]
    [InlineData("x\u2069y\u200Fz", "x[U+2069]y[U+200F]z")]
    [InlineData("bell\u0007esc\u001b[0m", "bell[U+0007]esc[U+001B][0m")]
    [InlineData("line\r\nbreak", "line\nbreak")]
    public void Text_shows_controls_and_bidi_characters_as_visible_escapes(string input, string expected) =>
        Assert.Equal(expected, Untrusted.Text(input));

    [Theory]
    [InlineData("see https://evil.example/x now", "see https[:]//evil[.]example/x now")]
    [InlineData("www.leigh-on-sea.gov.uk", "www[.]leigh-on-sea[.]gov[.]uk")]
    [InlineData("e.g. £5.50, i.e. cheap", "e.g. £5.50, i.e. cheap")]
    public void Quoted_text_defangs_addresses_so_they_cannot_be_clicked(string input, string expected) =>
        Assert.Equal(expected, Untrusted.Quote(input));

    [Fact]
    public void A_subject_line_is_one_shortened_line()
    {
        var line = Untrusted.Line("a\r\nBcc: x@y\tz" + new string('q', 300), 50);
        Assert.Equal(50, line.Length);
        Assert.StartsWith("a Bcc: x@y z", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://x.com/a/status/1", true)]
    [InlineData("http://x.com/a", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("https://user:pw@evil.example/", false)]
    [InlineData("//evil.example/", false)]
    public void Only_https_post_addresses_become_links(string url, bool linked) =>
        Assert.Equal(linked, Untrusted.HttpsLink(url) is not null);
}
