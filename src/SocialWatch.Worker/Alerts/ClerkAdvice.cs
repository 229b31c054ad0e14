namespace SocialWatch.Worker.Alerts;

/// <summary>What each rule means and what the clerk can do about it, in the clerk's words. Kept
/// beside the email so the email and docs/clerk-guide.md say the same.</summary>
internal static class ClerkAdvice
{
    internal sealed record Advice(string Headline, string Meaning, IReadOnlyList<string> Actions);

    public static Advice For(string rule, string platform) => rule switch
    {
        "impersonation" => new(
            "Possible impersonation",
            "An account that is not the council's looks like it is: a look-alike name or handle, or the council's logo.",
            [
                $"Look at the account. If it is pretending to be the council, report it to {PlatformName(platform)} as impersonation{ReportHint(platform)}.",
                "If people are being misled, post a short notice from the council's official account saying which account is genuine.",
                "If the account belongs to a member of staff or a councillor, ask them to rename it: the policy does not allow the council's name or logo in personal accounts.",
            ]),
        "confidential_leak" => new(
            "Possible leak of confidential information",
            "A post by a registered staff or member account may reveal unpublished council business, financial details such as quotations or tenders, or personal data.",
            [
                "Contact the member of staff or councillor and ask them to remove the post.",
                "If personal data was published, follow the council's data protection procedure (a reportable breach must reach the ICO within 72 hours).",
                "Record what was done; a breach of confidentiality may lead to the disciplinary procedure.",
            ]),
        "misrepresentation" => new(
            "Possible misrepresentation of the council",
            "A post may say something untrue or misleading about the council, or present personal views as the council's.",
            [
                "Check the facts. If the post is wrong, correct the record with a short factual reply or statement from the council's official account.",
                "If it is a staff member's or councillor's post presenting personal views as the council's, contact them.",
                "If it needs a decision, bring it to the next committee meeting.",
            ]),
        _ => new(
            "Flag",
            $"SocialWatch's rule \"{rule}\" matched this post.",
            ["Read the post and the evidence below, and decide whether anything needs doing."]),
    };

    public static string PlatformName(string platform) => platform switch
    {
        "x" => "X",
        "facebook" => "Facebook",
        "bluesky" => "Bluesky",
        "mastodon" => "Mastodon",
        "rss" => "a news feed",
        _ => platform,
    };

    private static string ReportHint(string platform) => platform switch
    {
        "x" => " (on the profile: the ⋯ menu, Report, \"They're pretending to be me or someone else\")",
        "facebook" => " (on the page: the ⋯ menu, Find support or report, Pretending to be someone)",
        "bluesky" => " (on the profile: the ⋯ menu, Report account, Misleading account)",
        "mastodon" => " (on the profile: the ⋯ menu, Report, to the account's server moderators)",
        _ => "",
    };
}
