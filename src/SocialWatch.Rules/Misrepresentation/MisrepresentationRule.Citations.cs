using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>An accurate report cites its source: links to official posts in any copied form, or the council's own post on another platform.</summary>
internal sealed partial class MisrepresentationRule
{
    /// <summary>
    /// "As the council said on Facebook, …", "Leigh Town Council posted on Instagram that …", "per the
    /// council's Facebook page": a report that names where the council itself said it, on a platform the
    /// rules may not watch, cites its source as much as a link does. It still counts as a misrepresentation
    /// when it contradicts an official statement (the citation does not make a wrong report right).
    /// </summary>
    private static bool CitesCouncilElsewhere(string folded) => CouncilPostElsewhere().IsMatch(folded);

    [GeneratedRegex(
        @"\b(?:said|says|posted|announced|confirmed|put out|shared|wrote|stated|published)(?: it| this| that)? (?:on|in) (?:their |its |the council'?s |the )?(?:facebook|instagram|twitter|x|nextdoor|bluesky|mastodon|threads|newsletter|noticeboard|website|page)\b"
        + @"|\b(?:per|according to|from) (?:the |their |its )?(?:town )?council'?s? (?:facebook|instagram|twitter|nextdoor|bluesky|mastodon|newsletter|page|noticeboard)\b"
        // "its on their page", "it's in the council minutes", "says so on the councils facebook", "the
        // published minutes": the writer points at the council's own record, typed in any case, with or
        // without the apostrophes.
        + @"|\b(?:its|it's|it is|that's|thats|says so|it says|all|as) (?:on|in) (?:their|its|the) ?(?:own |town )?(?:council'?s? )?(?:own )?(?:facebook|instagram|twitter|website|web site|page|minutes|newsletter|noticeboard|post)\b"
        + @"|\b(?:published|approved|signed-off|official) minutes\b|\b(?:in|on|from) the (?:town )?council'?s? (?:own )?minutes\b"
        + @"|\bcouncil'?s? (?:posted|put|shared) it (?:on|in)\b|\bcouncils own (?:website|page|post|facebook)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex CouncilPostElsewhere();

    /// <summary>True when the post links an official post the rules have seen (an accurate report cites its source).</summary>
    private static bool LinksOfficialPost(string text, OfficialStatements.Snapshot statements)
    {
        if (!text.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!token.Contains('/', StringComparison.Ordinal) || !token.Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            var url = token.TrimEnd('.', ',', ')', '!', '?', '"', '\'').TrimStart('(', '"', '\'');
            if (statements.FindById(url) is not null)
            {
                return true;
            }

            foreach (var candidate in LinkForms(url))
            {
                if (statements.FindById(candidate) is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The forms a link to a post is written in: with or without the scheme, "www." or "mobile.", a
    /// tracking query ("?s=20") or a trailing slash, twitter.com for x.com; and an X status number, which
    /// is the post's id. Why: a resident copying the link from an app gets one of these, and it still cites
    /// the official post.
    /// </summary>
    private static IEnumerable<string> LinkForms(string url)
    {
        var rest = url;
        var scheme = rest.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            rest = rest[(scheme + 3)..];
        }

        var cut = rest.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            rest = rest[..cut];
        }

        rest = rest.TrimEnd('/');
        foreach (var prefix in (ReadOnlySpan<string>)["www.", "mobile.", "m."])
        {
            if (rest.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[prefix.Length..];
                break;
            }
        }

        if (rest.StartsWith("twitter.com/", StringComparison.OrdinalIgnoreCase))
        {
            rest = "x.com/" + rest["twitter.com/".Length..];
        }

        yield return "https://" + rest;
        yield return "https://www." + rest;
        var status = rest.IndexOf("/status/", StringComparison.OrdinalIgnoreCase);
        if (status >= 0)
        {
            yield return rest[(status + "/status/".Length)..].Split('/')[0];
        }
    }
}
