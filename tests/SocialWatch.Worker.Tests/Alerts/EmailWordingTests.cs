using SocialWatch.Worker.Tests.Hostile;
using static SocialWatch.Worker.Tests.Alerts.AlertTestKit;

namespace SocialWatch.Worker.Tests.Alerts;

/// <summary>The alert as the Town Clerk reads it: who (by name and handle, never an id), one sentence of
/// what and why, the post, what to do with the link to the flag's page, the details last; and no
/// address in it that a mail client could turn into a link.</summary>
public sealed class EmailWordingTests
{
    [Fact]
    public async Task A_mastodon_handle_is_defanged_in_the_subject_title_heading_and_every_line()
    {
        await using var smtp = SmtpSink.Create();
        var db = await TestDatabase.CreateAsync();
        var account = await AccountAsync(db, "leightowncouncil@mastodon.social", "Leigh Town Council", platform: "mastodon");
        var post = await PostAsync(db, account, "Official: write to clerk@leigh-council.example about the closure.");
        await AddFlagAsync(db, Flag(account, post));
        using var host = Host(Settings(db).WithSmtp(smtp));
        await host.Dispatcher().RunOnceAsync(CancellationToken.None);

        var mail = Assert.Single(smtp.Mailbox);
        Assert.Equal("Possible impersonation on Mastodon: Leigh Town Council (@leightowncouncil[@]mastodon[.]social)", mail.Subject);
        foreach (var part in new[] { mail.Subject, mail.HtmlBody!, mail.TextBody! })
        {
            Assert.DoesNotContain("leightowncouncil@mastodon", part, StringComparison.Ordinal);
            Assert.DoesNotContain("mastodon.social", part, StringComparison.Ordinal);
            Assert.DoesNotContain("clerk@leigh", part, StringComparison.Ordinal);
            Assert.DoesNotContain("mailto:", part, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("<title>Possible impersonation on Mastodon: Leigh Town Council (@leightowncouncil[@]mastodon[.]social)</title>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<h1 style=\"font-size:20px;margin:0 0 12px 0;\">Possible impersonation on Mastodon: Leigh Town Council (@leightowncouncil[@]mastodon[.]social)</h1>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("Possible impersonation on Mastodon: Leigh Town Council (@leightowncouncil[@]mastodon[.]social)\n", mail.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("write to clerk[@]leigh-council[.]example", mail.TextBody, StringComparison.Ordinal);
        EmailChecks.AssertInert(mail);
    }

    [Fact]
    public async Task A_facebook_page_known_by_a_numeric_id_is_named_by_its_page_name()
    {
        await using var smtp = SmtpSink.Create();
        var db = await TestDatabase.CreateAsync();
        var account = await AccountAsync(db, "100064123456789", "Leigh Town Council News", platform: "facebook");
        var post = await PostAsync(db, account, "The market moves to Tuesdays.");
        await AddFlagAsync(db, Flag(account, post));
        using var host = Host(Settings(db).WithSmtp(smtp));
        await host.Dispatcher().RunOnceAsync(CancellationToken.None);

        var mail = Assert.Single(smtp.Mailbox);
        Assert.Equal("Possible impersonation on Facebook: Leigh Town Council News (Facebook page)", mail.Subject);
        Assert.DoesNotContain("100064123456789", mail.TextBody!.Split("Technical details")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_body_opens_with_the_summary_then_the_post_then_what_to_do_and_the_flag_page_then_the_details()
    {
        await using var smtp = SmtpSink.Create();
        var db = await TestDatabase.CreateAsync();
        var account = await AccountAsync(db, "ss9_dave", "Dave Price");
        var post = await PostAsync(db, account, "So the council has decided to close Leigh Library on Saturdays.");
        var flag = (await AddFlagAsync(db, Flag(account, post, rule: "misrepresentation", evidence: """
            {"summary": "Dave Price says the council will close the library on Saturdays, which contradicts the council's own post that its hours are unchanged.",
             "claim": {"kind": "claim_sentence", "text": "So the council", "start": 0, "length": 14},
             "contradicts": {"text": "Leigh Library is keeping its current opening hours.", "url": "https://x.com/LeighTownCouncil/status/1", "posted_at": "2026-11-30T09:00:00Z"}}
            """)))!.Value;
        var settings = Settings(db).WithSmtp(smtp);
        settings["Web:BaseUrl"] = "https://socialwatch.leigh.example";
        settings["Watch:Organisation:Names:0"] = "Othertown Parish Council";
        using var host = Host(settings);
        await host.Dispatcher().RunOnceAsync(CancellationToken.None);

        var mail = Assert.Single(smtp.Mailbox);
        Assert.Equal("Possible misrepresentation of the council on X: Dave Price (@ss9_dave)", mail.Subject);
        var text = mail.TextBody!.ReplaceLineEndings("\n");
        var lines = text.Split('\n');
        Assert.StartsWith("Dave Price says the council will close the library on Saturdays", lines[3], StringComparison.Ordinal);
        var order = new[]
        {
            "Dave Price says", "What they posted", "close Leigh Library on Saturdays", "The council's statement it contradicts",
            "keeping its current opening hours", "What you can do", $"https://socialwatch.leigh.example/flags/{flag}", "Technical details", "Flag number",
        }.Select(s => text.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order().ToList(), order);
        Assert.Contains($"<a href=\"https://socialwatch.leigh.example/flags/{flag}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Sent by SocialWatch for Othertown Parish Council.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("for Leigh Town Council", text, StringComparison.Ordinal);
        Assert.DoesNotContain("start 0", text.Split("Technical details")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_digest_names_accounts_the_same_way_and_links_each_flag_to_its_page()
    {
        await using var smtp = SmtpSink.Create();
        var db = await TestDatabase.CreateAsync();
        var account = await AccountAsync(db, "ltc@mastodon.social", "Leigh Town Council", platform: "mastodon");
        var post = await PostAsync(db, account, "A quiet week.");
        var flag = (await AddFlagAsync(db, Flag(account, post, rule: "misrepresentation", severity: "low", score: 0.4)))!.Value;
        var time = new ManualTime();
        var settings = Settings(db).WithSmtp(smtp);
        settings["Web:BaseUrl"] = "https://socialwatch.leigh.example/review";
        using var host = Host(settings, time);
        // Four days on, at least one weekday digest slot has passed since the flag was written.
        time.Advance(TimeSpan.FromDays(4));
        await host.Dispatcher().RunOnceAsync(CancellationToken.None);

        var digest = Assert.Single(smtp.Mailbox);
        Assert.Contains("Leigh Town Council (@ltc[@]mastodon[.]social)", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("ltc@mastodon", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://socialwatch.leigh.example/review/flags/{flag}", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://socialwatch.leigh.example/review/", digest.HtmlBody, StringComparison.Ordinal);
        EmailChecks.AssertInert(digest);
    }
}
