using System.Globalization;
using System.Text;
using MimeKit;

namespace SocialWatch.Worker.Alerts;

/// <summary>A flag alert with everything its email shows. Times are UTC.</summary>
internal sealed record FlagAlert(
    long AlertId, DateTime AlertCreatedAt, long FlagId, string Rule, string Severity, double Score, string Evidence,
    string PolicyClause, string Status, DateTime FlaggedAt, string Platform, string Handle, string DisplayName, string Bio,
    string? PostText, string? PostUrl, DateTime? PostedAt);

/// <summary>How many flags of one severity a digest carries.</summary>
internal sealed record SeverityCount(string Severity, int Count);

/// <summary>A "source failing" alert. Times are UTC.</summary>
internal sealed record SourceFailingAlert(
    long AlertId, DateTime AlertCreatedAt, string SourceName, string Platform, string Kind, string Target,
    DateTime FailingSince, DateTime? LastSuccessAt, string? LastError);

/// <summary>
/// Builds the clerk's emails: a Subject that says what and where, an HTML part (inline styles, no
/// scripts, no remote images) and a plain-text part saying the same. Every string that came from a
/// platform goes through <see cref="Untrusted"/> first, so a post cannot add markup, links or headers.
/// </summary>
internal sealed class AlertEmail(AlertsOptions options, TimeProvider time, string? organisation = null, Func<long, Uri?>? flagPage = null)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private readonly TimeZoneInfo _zone = options.DigestZone();

    /// <summary>
    /// One flag, written for a Town Clerk reading it at a glance (and forwarding it): the subject names
    /// the account as people see it; the body opens with one sentence of what was found and why it
    /// matters, then the post, then what to do with the link to the flag's page; the technical signals
    /// come last.
    /// </summary>
    public MimeMessage ForFlag(FlagAlert a)
    {
        var advice = ClerkAdvice.For(a.Rule, a.Platform);
        var where = ClerkAdvice.PlatformName(a.Platform);
        var evidence = FlagEvidence.Parse(a.Evidence, a.PostText);
        var account = Account(a.Platform, a.Handle, a.DisplayName, 60);
        var subject = $"{advice.Headline} on {where}: {account}";
        var page = new Page(subject, a.Severity);
        page.Lead(evidence.Summary is { } summary ? Untrusted.Name(summary, 400) : advice.Meaning);
        page.Facts(
            ("Who", Account(a.Platform, a.Handle, a.DisplayName, 100)),
            ("Where", where),
            ("Posted", a.PostedAt is { } posted ? When(posted) : "(a finding about the account, not one post)"),
            ("Flagged", When(a.FlaggedAt)));
        if (a.PostText is not null)
        {
            page.Heading("What they posted");
            page.Quote(Untrusted.Quote(a.PostText));
        }
        page.Link(Untrusted.HttpsLink(a.PostUrl) ?? ProfileLink(a.Platform, a.Handle), a.PostUrl is null ? $"Open the account on {where}" : $"Open the post on {where}");
        if (evidence.Contradicts is { } contradicts)
        {
            page.Heading("The council's statement it contradicts");
            page.Quote(Untrusted.Quote(contradicts.Text, 600));
            if (contradicts.PostedAt is { } statementAt)
            {
                page.Paragraph($"Posted {When(statementAt)}.");
            }
        }
        if (evidence.LogoSimilarity is { } similarity)
        {
            page.Paragraph($"The account's picture looks {(similarity * 100).ToString("0", CultureInfo.InvariantCulture)}% like the council's logo.");
        }
        page.Heading("What you can do");
        page.List(advice.Actions);
        var link = flagPage?.Invoke(a.FlagId);
        page.Heading("When it is dealt with");
        if (link is not null)
        {
            page.Paragraph("Record what you did on the flag's page (acknowledge, action taken or false alarm, with a note), so the flag leaves the open list:");
            page.Link(link, $"Open flag {a.FlagId} on the review page");
        }
        else
        {
            page.Paragraph("Record what you did, so the flag leaves the open list. At the command line:");
            page.Code($"{options.CommandHint} flags resolve {a.FlagId} --as actioned --note \"what you did\"");
            page.Paragraph("or, if it needs nothing, --as dismissed. In a database client (pgAdmin, DBeaver, psql):");
            page.Code($"SELECT review_flag({a.FlagId}, 'actioned', 'what you did');");
        }
        page.Heading("The policy clause it touches");
        page.Quote(Untrusted.Text(a.PolicyClause));
        page.Heading("Technical details");
        page.Paragraph(advice.Meaning);
        if (!string.IsNullOrWhiteSpace(a.Bio))
        {
            page.Facts(("Profile text", Untrusted.Name(a.Bio, 500)));
        }
        page.Facts([
            .. evidence.Details.Select(d => (Untrusted.Line(d.Label, 40), Untrusted.Name(d.Value, 500))),
            ("Severity", $"{a.Severity} (score {a.Score.ToString("0.00", CultureInfo.InvariantCulture)})"),
            ("Rule", Untrusted.Line(a.Rule, 60)),
            ("Flag number", a.FlagId.ToString(CultureInfo.InvariantCulture)),
        ]);
        Footer(page, $"Alert {a.AlertId} about flag {a.FlagId}.");
        return Message(page, $"alert-{a.AlertId}.{Epoch(a.AlertCreatedAt)}", subject);
    }

    /// <summary>
    /// The account as people know it: "Display Name (@handle)", defanged so that a Mastodon handle
    /// (name@instance) cannot become a mailto: link. A Facebook page's handle is often its numeric id,
    /// which means nothing to a reader: then only the page's name is shown.
    /// </summary>
    internal static string Account(string platform, string handle, string displayName, int max)
    {
        var name = Untrusted.Name(displayName, max);
        var showHandle = !(string.IsNullOrWhiteSpace(handle) || handle.All(char.IsAsciiDigit));
        var at = showHandle ? "@" + Untrusted.Handle(handle, max) : null;
        return (name.Length, at) switch
        {
            (0, null) => platform == "facebook" ? "a Facebook page" : "an account with no name",
            (0, _) => at,
            (_, null) => platform == "facebook" ? $"{name} (Facebook page)" : name,
            _ => $"{name} ({at})",
        };
    }

    public MimeMessage ForSourceFailing(SourceFailingAlert a)
    {
        var name = Untrusted.Line(a.SourceName, 60);
        var subject = $"SocialWatch: source {name} has not worked since {When(a.FailingSince)}";
        var page = new Page(subject, "medium");
        page.Paragraph($"SocialWatch has been unable to read the source \"{name}\" since {When(a.FailingSince)}. Until it works again, posts from it are not being checked.");
        page.Facts(
            ("Source", name),
            ("Platform", ClerkAdvice.PlatformName(a.Platform)),
            ("Watching", $"{Untrusted.Line(a.Kind, 40)}: {Untrusted.Name(a.Target, 200)}"),
            ("Last worked", a.LastSuccessAt is { } ok ? When(ok) : "never"),
            ("Last error", Untrusted.Name(a.LastError, 500)));
        page.Heading("What you can do");
        page.List([
            "Pass this email to whoever looks after SocialWatch (IT support). Common causes: an expired platform token, a changed account name, or the platform's service being down.",
            $"They can see every source's state with: {options.CommandHint} sources list",
            "You will get this email once for each spell of failure; nothing is lost meanwhile, SocialWatch catches up when the source works again.",
        ]);
        Footer(page, $"Alert {a.AlertId}.");
        return Message(page, $"alert-{a.AlertId}.{Epoch(a.AlertCreatedAt)}", subject);
    }

    public MimeMessage ForDigest(long digestId, DateTime slotAt, IReadOnlyList<FlagAlert> flags, IReadOnlyList<SeverityCount> counts)
    {
        var total = counts.Sum(c => c.Count);
        var bySeverity = string.Join(", ", counts.OrderBy(c => Rank(c.Severity)).Select(c => $"{c.Count} {c.Severity}"));
        var subject = $"SocialWatch digest for {TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(slotAt, DateTimeKind.Utc), _zone).ToString("ddd d MMM", English)}: {total} flag{(total == 1 ? "" : "s")} to review ({bySeverity})";
        var page = new Page(subject, flags.Count > 0 ? flags[0].Severity : "low");
        page.Paragraph($"{total} new flag{(total == 1 ? "" : "s")} since the last digest. None needed an immediate email; most likely, something to read rather than act on at once.");
        foreach (var f in flags)
        {
            var advice = ClerkAdvice.For(f.Rule, f.Platform);
            page.Item(
                $"{advice.Headline} on {ClerkAdvice.PlatformName(f.Platform)}: {Account(f.Platform, f.Handle, f.DisplayName, 60)}",
                f.Severity,
                $"Flag {f.FlagId} · {Untrusted.Line(f.Rule, 60)} · {f.Severity} · {(f.PostedAt is { } p ? "posted " + When(p) : "account")}{(f.Status == "open" ? "" : $" · already {f.Status}")}",
                f.PostText is null ? null : Untrusted.Quote(f.PostText, 280),
                Untrusted.HttpsLink(f.PostUrl) ?? ProfileLink(f.Platform, f.Handle),
                flagPage?.Invoke(f.FlagId),
                $"{options.CommandHint} flags show {f.FlagId}");
        }
        if (total > flags.Count)
        {
            page.Heading($"… and {total - flags.Count} more");
            page.Paragraph("Only the first flags are listed, highest severity first. To see them all, at the command line:");
            page.Code($"{options.CommandHint} flags list --status open");
            page.Paragraph("or in a database client:");
            page.Code("SELECT * FROM flagged_posts WHERE status = 'open' ORDER BY flagged_at DESC;");
        }
        page.Heading("Dealing with them");
        if (flagPage?.Invoke(0) is { } site)
        {
            page.Paragraph("Each flag is dealt with on its own page (the link under each one above); the review page lists them all.");
            page.Link(new Uri(site, "../"), "Open the review page");
        }
        else
        {
            page.Paragraph("Each flag is dealt with on its own (see docs/clerk-guide.md for what each kind means):");
            page.Code($"{options.CommandHint} flags resolve ID --as actioned|dismissed --note \"what you did\"");
        }
        Footer(page, $"Digest {digestId}.");
        return Message(page, $"digest-{digestId}.{Epoch(slotAt)}", subject);
    }

    internal static int Rank(string severity) => severity switch { "high" => 0, "medium" => 1, _ => 2 };

    private void Footer(Page page, string reference)
    {
        var guide = Untrusted.HttpsLink(options.ClerkGuideUrl);
        var forWhom = string.IsNullOrWhiteSpace(organisation) ? "" : " for " + Untrusted.Line(organisation, 100);
        page.Footer($"{reference} Sent by SocialWatch{forWhom}. Addresses inside posts are shown as example[.]com and name[@]example[.]com so that they cannot be clicked; the only links are to the post itself and to the flag's page."
            + (guide is null ? "" : " What these emails mean: see the clerk's guide."), guide);
    }

    private MimeMessage Message(Page page, string localPart, string subject)
    {
        var message = new MimeMessage();
        message.From.Add(options.FromAddress());
        message.To.AddRange(options.ToAddresses());
        message.Subject = Untrusted.Line(subject, 160);
        message.Date = time.GetUtcNow();
        // The Message-ID depends only on the alert, so a resend after a crash carries the same one.
        message.MessageId = $"{localPart}@{options.MessageIdDomain()}";
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        var body = new BodyBuilder { TextBody = page.Text(), HtmlBody = page.Html() };
        message.Body = body.ToMessageBody();
        return message;
    }

    private string When(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone).ToString("ddd d MMM yyyy, HH:mm", English) + " (UK time)";

    private static long Epoch(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds();

    /// <summary>An account's page, for account-level flags, built only from a handle that is a valid handle.</summary>
    private static Uri? ProfileLink(string platform, string handle) =>
        platform == "x" && System.Text.RegularExpressions.Regex.IsMatch(handle, "^[A-Za-z0-9_]{1,15}$") ? new Uri("https://x.com/" + handle) : null;

    /// <summary>The two parts of one email, written side by side so they say the same. Everything
    /// passed in is already visible text; this class HTML-encodes all of it.</summary>
    private sealed class Page
    {
        private const string Body = "margin:0;padding:16px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45;";
        private const string H2 = "font-size:16px;margin:20px 0 6px 0;color:#1a1a1a;";
        private const string QuoteStyle = "margin:4px 0 8px 0;padding:8px 12px;border-left:4px solid #8a8a8a;background:#f3f3f3;";
        private const string CodeStyle = "margin:4px 0 8px 0;padding:6px 10px;background:#f3f3f3;font-family:Consolas,Menlo,monospace;font-size:13px;";
        private readonly StringBuilder _html = new();
        private readonly StringBuilder _text = new();
        private readonly string _title;

        public Page(string title, string severity)
        {
            _title = Untrusted.Line(title, 200);
            var colour = severity switch { "high" => "#b00020", "medium" => "#a15c00", _ => "#3d5a80" };
            _html.Append("<div style=\"max-width:700px;\">")
                .Append("<p style=\"margin:0 0 8px 0;\"><span style=\"display:inline-block;padding:2px 8px;border-radius:3px;color:#ffffff;background:")
                .Append(colour).Append(";font-size:12px;font-weight:bold;\">").Append(Untrusted.Html(severity.ToUpperInvariant())).Append("</span></p>")
                .Append("<h1 style=\"font-size:20px;margin:0 0 12px 0;\">").Append(Untrusted.Html(_title)).Append("</h1>\n");
            _text.AppendLine(_title).AppendLine(new string('=', Math.Min(_title.Length, 72))).AppendLine();
        }

        public void Heading(string text)
        {
            _html.Append("<h2 style=\"").Append(H2).Append("\">").Append(Untrusted.Html(text)).Append("</h2>\n");
            _text.AppendLine().AppendLine(text).AppendLine(new string('-', Math.Min(text.Length, 72)));
        }

        /// <summary>The opening sentence, a little larger: what was found and why it matters.</summary>
        public void Lead(string text)
        {
            _html.Append("<p style=\"margin:4px 0 12px 0;font-size:17px;\">").Append(Untrusted.Html(text)).Append("</p>\n");
            _text.AppendLine(text).AppendLine();
        }

        public void Paragraph(string text)
        {
            _html.Append("<p style=\"margin:4px 0 8px 0;\">").Append(Untrusted.Html(text)).Append("</p>\n");
            _text.AppendLine(text).AppendLine();
        }

        public void Quote(string text)
        {
            _html.Append("<div style=\"").Append(QuoteStyle).Append("\">").Append(Untrusted.Html(text)).Append("</div>\n");
            foreach (var line in text.Split('\n'))
            {
                _text.Append("> ").AppendLine(line);
            }
            _text.AppendLine();
        }

        public void Code(string text)
        {
            _html.Append("<div style=\"").Append(CodeStyle).Append("\">").Append(Untrusted.Html(text)).Append("</div>\n");
            _text.Append("    ").AppendLine(text).AppendLine();
        }

        public void Facts(params (string Label, string Value)[] facts)
        {
            _html.Append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:4px 0 8px 0;\">");
            foreach (var (label, value) in facts)
            {
                _html.Append("<tr><td style=\"padding:2px 12px 2px 0;color:#555555;vertical-align:top;white-space:nowrap;\">").Append(Untrusted.Html(label))
                    .Append("</td><td style=\"padding:2px 0;vertical-align:top;\">").Append(Untrusted.Html(value)).Append("</td></tr>");
                _text.Append(label).Append(": ").AppendLine(value);
            }
            _html.Append("</table>\n");
            _text.AppendLine();
        }

        public void List(IEnumerable<string> items)
        {
            _html.Append("<ul style=\"margin:4px 0 8px 0;padding-left:22px;\">");
            foreach (var item in items)
            {
                _html.Append("<li style=\"margin:2px 0;\">").Append(Untrusted.Html(item)).Append("</li>");
                _text.Append("  * ").AppendLine(item);
            }
            _html.Append("</ul>\n");
            _text.AppendLine();
        }

        public void Link(Uri? uri, string label)
        {
            if (uri is null)
            {
                return;
            }
            // The only anchors in an email: the post (an https address that parsed as one) and the flag's
            // page (Web:BaseUrl, the council's own setting).
            _html.Append("<p style=\"margin:4px 0 8px 0;\"><a href=\"").Append(System.Net.WebUtility.HtmlEncode(uri.AbsoluteUri))
                .Append("\" style=\"color:#0b57d0;\">").Append(Untrusted.Html(label)).Append("</a></p>\n");
            _text.Append(label).Append(": ").AppendLine(uri.AbsoluteUri).AppendLine();
        }

        public void Item(string title, string severity, string meta, string? quote, Uri? link, Uri? flagPage, string command)
        {
            var colour = severity switch { "high" => "#b00020", "medium" => "#a15c00", _ => "#3d5a80" };
            _html.Append("<div style=\"margin:12px 0;padding:8px 12px;border-left:4px solid ").Append(colour).Append(";\">")
                .Append("<div style=\"font-weight:bold;\">").Append(Untrusted.Html(title)).Append("</div>")
                .Append("<div style=\"color:#555555;font-size:13px;\">").Append(Untrusted.Html(meta)).Append("</div>");
            _text.Append("* ").AppendLine(title).Append("  ").AppendLine(meta);
            if (quote is not null)
            {
                _html.Append("<div style=\"").Append(QuoteStyle).Append("\">").Append(Untrusted.Html(quote)).Append("</div>");
                foreach (var line in quote.Split('\n'))
                {
                    _text.Append("  > ").AppendLine(line);
                }
            }
            if (link is not null)
            {
                _html.Append("<div><a href=\"").Append(System.Net.WebUtility.HtmlEncode(link.AbsoluteUri)).Append("\" style=\"color:#0b57d0;\">Open on the platform</a></div>");
                _text.Append("  ").AppendLine(link.AbsoluteUri);
            }
            if (flagPage is not null)
            {
                _html.Append("<div><a href=\"").Append(System.Net.WebUtility.HtmlEncode(flagPage.AbsoluteUri)).Append("\" style=\"color:#0b57d0;\">Open the flag on the review page</a></div>");
                _text.Append("  Review: ").AppendLine(flagPage.AbsoluteUri);
            }
            _html.Append("<div style=\"color:#555555;font-size:13px;\">Details: <span style=\"font-family:Consolas,Menlo,monospace;\">").Append(Untrusted.Html(command)).Append("</span></div></div>\n");
            _text.Append("  Details: ").AppendLine(command).AppendLine();
        }

        public void Footer(string text, Uri? guide)
        {
            _html.Append("<p style=\"margin:24px 0 0 0;color:#666666;font-size:12px;\">").Append(Untrusted.Html(text));
            if (guide is not null)
            {
                _html.Append(" <a href=\"").Append(System.Net.WebUtility.HtmlEncode(guide.AbsoluteUri)).Append("\" style=\"color:#666666;\">The clerk's guide</a>");
            }
            _html.Append("</p>\n");
            _text.AppendLine().AppendLine("--").AppendLine(text);
            if (guide is not null)
            {
                _text.AppendLine(guide.AbsoluteUri);
            }
        }

        public string Html() =>
            "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>"
            + Untrusted.Html(_title) + "</title></head>\n<body style=\"" + Body + "\">\n" + _html + "</div>\n</body></html>\n";

        public string Text() => _text.ToString();
    }
}
