using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Impersonation;

/// <summary>
/// The leading words of the organisation's names ("Leigh" of "Leigh Town Council"), read as place names.
/// Why: a different place-name word in front of the same "Town Council" is a different organisation,
/// even when it differs by a few letters: "Leighton Town Council", "Eleigh Town Council" and "Rayleigh
/// Town Council" extend "Leigh". A look-alike of the place word is still ours: "Le1gh" and "Lelgh" key the
/// same, "Leigth" is a misspelling, and "Leighh"/"Lleigh" only double a letter.
/// </summary>
internal sealed class PlaceWords
{
    private readonly string[] _words;

    public PlaceWords(IEnumerable<string> organisationNames)
    {
        _words = organisationNames
            .Select(n => TokenisedName.Of(n))
            .Where(t => t.Count >= 2)
            .Select(t => t.Token(0).ToString())
            .Where(w => w.Length >= 3)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// True when <paramref name="word"/> (a token key) is another place: it extends one of the place words
    /// by letters in front or behind that are not a doubled letter, and it is not simply the start of the
    /// target or a word holding the whole target ("leightowncouncil" written as one word).
    /// </summary>
    public bool IsOtherPlace(ReadOnlySpan<char> word, string targetKey)
    {
        if (targetKey.AsSpan().StartsWith(word, StringComparison.Ordinal) || word.StartsWith(targetKey, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var place in _words)
        {
            if (word.Length <= place.Length || word.SequenceEqual(place))
            {
                continue;
            }

            if (word.EndsWith(place, StringComparison.Ordinal) && !IsDoubling(word[..(word.Length - place.Length)], place[0]))
            {
                return true;
            }

            if (word.StartsWith(place, StringComparison.Ordinal) && !IsDoubling(word[place.Length..], place[^1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Words that make a new place name when put before another ("North Leigh", "Great Leigh", "Abbots
    /// Leigh"): English place names are formed this way, so "North Leigh Town Council" is that place's council.
    /// "Old" is left out on purpose: an old town is usually part of the town ("Old Leigh").
    /// </summary>
    private static readonly HashSet<string> PlaceQualifiers = new(StringComparer.Ordinal)
    {
        "north", "south", "east", "west", "upper", "lower", "great", "little", "nether", "middle", "abbots", "kings",
        "monks", "bishops", "market", "long", "high", "church", "castle", "steeple",
    };

    /// <summary>True when <paramref name="key"/> is a word that makes a new place before another ("north").</summary>
    public static bool IsPlaceQualifier(string key) => PlaceQualifiers.Contains(key);

    /// <summary>
    /// True when the word before <paramref name="token"/> makes it part of another place's name: a place
    /// qualifier ("North Leigh"), or a word glued to it without a separator ("ThornLeigh", where only the
    /// capital splits the words) that together extend the place word ("thornleigh"). Why: a neighbouring
    /// council's name written in camel case or with a qualifier holds our name on a word boundary, yet it
    /// is another organisation; an impostor puts words beside the name with a space or separator.
    /// </summary>
    public bool IsPartOfOtherPlace(TokenisedName name, int token, string text, string targetKey)
    {
        if (token == 0)
        {
            return false;
        }

        var previous = name.Token(token - 1);
        if (PlaceQualifiers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(previous))
        {
            return true;
        }

        var glued = string.Concat(previous, name.Token(token));
        if (!IsOtherPlace(glued, targetKey))
        {
            return false;
        }

        // Glued in the text itself: one run of letters and digits holds both words.
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var part in word.Split(['.', '_', '-', '|', '(', ')', '@', '/', ',', ':', '\''], StringSplitOptions.RemoveEmptyEntries))
            {
                if (NameKey.Of(part).Contains(glued, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>One extra letter equal to its neighbour ("Leighh", "Lleigh") is a typing look-alike, not a new word.</summary>
    private static bool IsDoubling(ReadOnlySpan<char> extra, char neighbour) => extra.Length == 1 && extra[0] == neighbour;
}
