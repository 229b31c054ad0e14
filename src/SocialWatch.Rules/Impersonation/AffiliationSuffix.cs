using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Impersonation;

/// <summary>
/// A handle that ends with the organisation's short name after a separator: "jo_ltc", "sam.ltc",
/// "pat-leightc". Why: that is how staff mark their employer in a user name ("name_org"), and the policy
/// forbids the organisation's name in user names; the separator makes the alias a word of its own,
/// which three letters glued to a word ("bioltc") are not. Its reading as someone else's abbreviation
/// (a currency ticker, another club) is ruled out by <see cref="AliasOtherMeaning"/>.
/// </summary>
internal static class AffiliationSuffix
{
    private static readonly char[] Separators = ['_', '.', '-'];

    public static NameMatch? Find(string handleCore, IReadOnlyList<NameTarget> shortTargets)
    {
        var at = handleCore.LastIndexOfAny(Separators);
        if (at <= 0 || at == handleCore.Length - 1 || !handleCore.AsSpan(0, at).ContainsAnyExcept(Separators))
        {
            return null;
        }

        var suffix = NameKey.Of(handleCore[(at + 1)..]);
        foreach (var target in shortTargets)
        {
            if (suffix == target.Key)
            {
                return new NameMatch(target, "affiliation suffix", 0, 0.85);
            }
        }

        return null;
    }
}
