using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Impersonation;

/// <summary>
/// A handle or display name that ends with the organisation's short name after a separator: "jo_ltc",
/// "sam.ltc", "pat-leightc", "jo_leigh_tc", "jo.ltc.5", "Jo Pryce | LTC", "Sam (LTC)". Why: that is how staff mark their employer in a
/// user name or profile name ("name_org", "Name | Org"), and the policy forbids the organisation's name in
/// user names; the separator makes the alias a word of its own, which three letters glued to a word
/// ("bioltc") or trailing a phrase ("Jo Smith LTC") are not. Its reading as someone else's abbreviation
/// (a currency ticker, another club) is ruled out by <see cref="AliasOtherMeaning"/>.
/// </summary>
internal static class AffiliationSuffix
{
    private static readonly char[] HandleSeparators = ['_', '.', '-'];
    private static readonly char[] NameSeparators = ['|', '-', '–', '—', '(', '@', ',', '/', '·', '•'];

    public static NameMatch? Find(string text, bool isHandle, IReadOnlyList<NameTarget> shortTargets)
    {
        if (isHandle && (HandleSuffix(text, shortTargets) ?? HandlePrefix(text, shortTargets)) is { } inHandle)
        {
            return inHandle;
        }

        var separators = isHandle ? HandleSeparators : NameSeparators;
        var trimmed = isHandle ? text : text.TrimEnd(' ', ')', '.', '!');
        var at = trimmed.LastIndexOfAny(separators);
        if (at <= 0 || at == trimmed.Length - 1 || !HasWordBefore(trimmed.AsSpan(0, at)))
        {
            return null;
        }

        var suffix = NameKey.Of(trimmed[(at + 1)..]);
        if (suffix.Length == 0)
        {
            return null;
        }

        foreach (var target in shortTargets)
        {
            if (suffix == target.Key)
            {
                return new NameMatch(target, "affiliation suffix", 0, 0.85);
            }
        }

        return null;
    }

    /// <summary>
    /// A handle read as separated words: the short name may be written in its own words ("jo_leigh_tc",
    /// "jo.leigh.tc" for "Leigh TC"), and a number or an empty word after it is how a platform makes a
    /// taken user name unique ("jo.ltc.5", "jo_ltc_"), not a new word.
    /// </summary>
    private static NameMatch? HandleSuffix(string handle, IReadOnlyList<NameTarget> shortTargets)
    {
        var words = handle.Split(HandleSeparators);
        var last = words.Length - 1;
        while (last > 0 && (words[last].Length == 0 || words[last].All(char.IsAsciiDigit)))
        {
            last--;
        }

        for (var first = last; first >= 1 && first >= last - 2; first--)
        {
            if (!HasWordBefore(string.Concat(words[..first])))
            {
                break;
            }

            if (first < last && PlaceWords.IsPlaceQualifier(NameKey.Of(words[first - 1])))
            {
                break; // "north_leigh_tc": another place's council
            }

            var suffix = NameKey.Of(string.Concat(words[first..(last + 1)]));
            foreach (var target in shortTargets)
            {
                if (suffix == target.Key)
                {
                    return new NameMatch(target, "affiliation suffix", 0, 0.85);
                }
            }
        }

        return null;
    }

    /// <summary>Words after an abbreviation that make it the name of a club or company, not an employer mark.</summary>
    private static readonly HashSet<string> BodyWords = new(StringComparer.Ordinal)
    {
        "fc", "afc", "rfc", "cc", "club", "players", "theatre", "theater", "band", "choir", "ltd", "limited",
        "uk", "group", "society", "trust", "academy", "school", "college", "united", "city", "town",
    };

    /// <summary>
    /// The alias first, then a person's name after a separator: "ltc.sue", "ltc_jamie", "ltc-jo-p". Why: staff
    /// mark their employer in front of their name as often as after it; the word after must read as a
    /// name (letters, not a club or company word like "fc" or "players"), and the handle must hold no glued
    /// alias ("ltcarpentry" has no separator).
    /// </summary>
    private static NameMatch? HandlePrefix(string handle, IReadOnlyList<NameTarget> shortTargets)
    {
        var words = handle.Split(HandleSeparators);
        if (words.Length < 2 || words[1].Length < 2 || !words[1].All(char.IsLetter)
            || BodyWords.Contains(words[1].ToLowerInvariant()))
        {
            return null;
        }

        var prefix = NameKey.Of(words[0]);
        foreach (var target in shortTargets)
        {
            if (prefix == target.Key)
            {
                return new NameMatch(target, "affiliation prefix", 0, 0.85);
            }
        }

        return null;
    }

    /// <summary>Something a reader takes for a name before the separator (a letter or digit).</summary>
    private static bool HasWordBefore(ReadOnlySpan<char> before)
    {
        foreach (var c in before)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
