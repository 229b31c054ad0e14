namespace SocialWatch.Rules.Misrepresentation;

/// <summary>An accurate report cites its source: links to official posts in any copied form.</summary>
internal sealed partial class MisrepresentationRule
{
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
