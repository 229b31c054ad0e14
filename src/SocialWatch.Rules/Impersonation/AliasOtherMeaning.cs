using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Impersonation;

/// <summary>
/// Tells when a short alias on an account means something else. Why: an abbreviation is shared ("LTC" is
/// also a cryptocurrency ticker, a tennis club, a care provider), and the account usually says which:
/// (1) its display name or bio spells out a different expansion whose initials make the alias ("Lawn
/// Tennis Club"); (2) it speaks of currencies and markets (<c>AliasOtherMeaningWords</c>: crypto, price,
/// trading…), the context of a ticker.
/// </summary>
internal sealed class AliasOtherMeaning
{
    private readonly Lexicon _contextWords;
    private readonly HashSet<string> _organisationNameKeys;

    public AliasOtherMeaning(IEnumerable<string> contextWords, IEnumerable<string> organisationNames)
    {
        _contextWords = new Lexicon(contextWords);
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
}
