namespace SocialWatch.Rules.Impersonation;

/// <summary>
/// The one plain sentence a clerk reads first (evidence "summary"): what was found on the account and why
/// it matters under the policy. The technical signals stay beside it in the evidence.
/// </summary>
internal static class ImpersonationSummary
{
    public static string Write(AccountInput account, string organisation, NameMatch? nameMatch, NameMatch? handleMatch,
        OfficialAccountOptions? copiedOfficial, (int Distance, bool Inverted)? logo, bool isStaff)
    {
        var findings = new List<string>();
        if (copiedOfficial is not null)
        {
            findings.Add($"has the same handle as {organisation}'s official {Platform(copiedOfficial.Platform)} account (@{copiedOfficial.Handle}) but is a different account");
        }

        if (nameMatch is not null)
        {
            findings.Add(Finding("its name", account.DisplayName ?? "", nameMatch, organisation));
        }

        if (handleMatch is not null && (nameMatch is null || handleMatch.Target != nameMatch.Target || handleMatch.How != nameMatch.How))
        {
            findings.Add(Finding("its handle", account.Handle ?? "", handleMatch, organisation));
        }

        if (logo is { } l)
        {
            var percent = (int)Math.Round(LogoMatch.Similarity(l.Distance) * 100);
            findings.Add(l.Inverted
                ? $"has an avatar that is {organisation}'s logo in reversed colours ({percent}% similar)"
                : $"has an avatar that matches {organisation}'s logo ({percent}% similar)");
        }

        var who = string.IsNullOrWhiteSpace(account.DisplayName)
            ? $"The account @{account.Handle}"
            : $"The account \"{account.DisplayName}\" (@{account.Handle})";
        var why = nameMatch is null && handleMatch is null && copiedOfficial is null
            ? $"the policy says {organisation}'s logos may not be used"
            : isStaff
                ? $"the policy says user names may not use {organisation}'s name, staff and members included"
                : $"the policy forbids other accounts using {organisation}'s name";
        var consequence = isStaff ? "so posts from it may be read as the organisation's" : $"so people may take it for {organisation}";
        return $"{who} {Join(findings)}, {consequence}; {why}.";
    }

    private static string Finding(string where, string text, NameMatch match, string organisation)
    {
        var name = match.Target.Kind switch
        {
            "alias" => $"{organisation}'s short name \"{match.Target.Source}\"",
            "official handle" => $"{organisation}'s official handle \"{match.Target.Source}\"",
            "website" => $"the name of {organisation}'s website \"{match.Target.Source}\"",
            _ when string.Equals(match.Target.Source, organisation, StringComparison.OrdinalIgnoreCase) => $"{organisation}'s name",
            _ => $"{organisation}'s name \"{match.Target.Source}\"",
        };
        var notes = LookAlikeNotes.Describe(text, match.Target.Source);
        var how = notes.Count > 0 ? $" ({Join(notes)})" : "";
        return match.How switch
        {
            "exact" when notes.Count > 0 => $"gives as {where} a look-alike of {name}{how}",
            "exact" => $"uses {name} as {where}",
            "contains" => $"puts {name} into {where}{how}",
            "near" => $"gives as {where} a misspelling of {name}{(notes.Count > 0 ? how : $" ({match.Distance} letter{(match.Distance == 1 ? "" : "s")} added, dropped or changed)")}",
            "alias with qualifier" => $"uses {name} with \"{match.Qualifier}\" in {where}, as an official channel would",
            "affiliation suffix" => $"ends {where} with {name}, as a member of its staff would",
            _ => $"uses {name} in {where}",
        };
    }

    private static string Platform(string platform) => platform.ToLowerInvariant() switch
    {
        "x" => "X",
        "facebook" => "Facebook",
        "bluesky" => "Bluesky",
        "mastodon" => "Mastodon",
        _ => platform,
    };

    private static string Join(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };
}
