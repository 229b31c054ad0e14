using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Impersonation;

/// <summary>
/// Tells when a short alias on an account means something else. Why: an abbreviation is shared ("LTC" is
/// also a cryptocurrency ticker, a tennis club, a care provider), and the account usually says which:
/// (1) its display name or bio spells out a different expansion whose initials make the alias ("Lawn
/// Tennis Club"); (2) it speaks of currencies and markets (<c>AliasOtherMeaningWords</c>: crypto, price,
/// trading…), the context of a ticker; (3) its handle, display name or bio names a kind of
/// organisation or a trade that is not a council (<c>AliasOtherOrganisationWords</c>: club, research,
/// consultants, lettings, care home…), so the alias is that body's own abbreviation.
/// </summary>
internal sealed partial class AliasOtherMeaning
{
    private readonly Lexicon _contextWords;
    private readonly Lexicon _otherOrganisationWords;
    private readonly HashSet<string> _organisationNameKeys;

    public AliasOtherMeaning(IEnumerable<string> contextWords, IEnumerable<string> otherOrganisationWords, IEnumerable<string> organisationNames)
    {
        _contextWords = new Lexicon(contextWords);
        _otherOrganisationWords = new Lexicon(otherOrganisationWords);
        _organisationNameKeys = new HashSet<string>(organisationNames.Select(NameKey.Of).Where(k => k.Length > 0), StringComparer.Ordinal);
    }

    /// <summary>Why <paramref name="alias"/> means something else on this account, or null when nothing says so.</summary>
    public string? Reason(string alias, AccountInput account)
    {
        var context = (account.DisplayName ?? "") + " \n " + (account.Bio ?? "");
        var folded = TextFolding.Fold(context);
        if (_contextWords.FindFirst(folded) is { } word)
        {
            return $"the account speaks of \"{word.Term}\", so \"{alias}\" reads as another meaning of the abbreviation";
        }

        // The handle too, its glued words split: "soundproof_ltc" names its trade there.
        var withHandle = folded + " \n " + TextFolding.Fold(HandleWords().Replace(account.Handle ?? "", " "));
        if (_otherOrganisationWords.FindFirst(withHandle) is { } kind)
        {
            return $"the account names itself as \"{kind.Term}\", another kind of body than a council, so \"{alias}\" is its own abbreviation";
        }

        return OtherExpansion(alias, folded) is { } expansion
            ? $"the account spells \"{alias}\" out as \"{expansion}\""
            : null;
    }

    /// <summary>Consecutive words whose initials are the alias's letters and which are not one of the organisation's names.</summary>
    private string? OtherExpansion(string alias, string folded)
    {
        var letters = alias.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray();
        if (letters.Length is < 2 or > 6 || alias.Any(char.IsWhiteSpace))
        {
            return null;
        }

        var words = folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(',', '.', ':', ';', '(', ')', '"', '\'', '|', '-', '&', '!', '?'))
            .Where(w => w.Length > 0)
            .ToArray();
        for (var start = 0; start + letters.Length <= words.Length; start++)
        {
            var spells = true;
            for (var i = 0; i < letters.Length && spells; i++)
            {
                spells = words[start + i][0] == letters[i];
            }

            if (!spells)
            {
                continue;
            }

            var expansion = string.Join(' ', words, start, letters.Length);
            if (!_organisationNameKeys.Contains(NameKey.Of(expansion)))
            {
                return expansion;
            }
        }

        return null;
    }

    // Where a handle's words join: a separator, or a capital after a small letter ("LtcLettings").
    [GeneratedRegex(@"[_.\-]+|(?<=\p{Ll})(?=\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex HandleWords();
}
