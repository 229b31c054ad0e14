using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Impersonation;

/// <summary>
/// The organisation's long names (8+ letters as keys) found in a display name or handle, on word
/// boundaries. Why boundaries: a neighbouring council's name can contain the town's letters
/// ("Rayleigh Town Council" holds "leigh town council"), and it is another organisation; an impostor adds
/// words around the name ("Official Leigh Town Council", "LeighTownCouncil_Sue"), not letters glued
/// in front of it. So a match must start where a word starts, or right after a glued qualifier such as
/// "official" or "not" ("notleightowncouncil"); it may end anywhere ("LeighTownCouncil2024").
/// A look-alike (edit distance within the limits) is also anchored at a word start.
/// </summary>
internal sealed class NameMatching
{
    private readonly string[] _gluedPrefixes;
    private readonly PlaceWords _placeWords;
    private readonly int _maxEditsLong;
    private readonly int _maxEditsShort;

    public NameMatching(IEnumerable<string> gluedPrefixWords, PlaceWords placeWords, int maxEditsLong, int maxEditsShort)
    {
        _gluedPrefixes = gluedPrefixWords.Select(NameKey.Of).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        _placeWords = placeWords;
        _maxEditsLong = maxEditsLong;
        _maxEditsShort = maxEditsShort;
    }

    public NameMatch? Find(TokenisedName name, NameTarget target, string text = "")
    {
        var key = name.Key;
        if (key == target.Key)
        {
            return new NameMatch(target, "exact", 0, 1.0);
        }

        var maxEdits = target.ExactSpelling ? 0 : target.Key.Length >= 12 ? _maxEditsLong : _maxEditsShort;
        var mayBeNear = maxEdits > 0 && key.Length >= target.Key.Length - maxEdits && MayBeNear(key, target.Key, maxEdits);
        if (!mayBeNear && !key.Contains(target.Key, StringComparison.Ordinal))
        {
            return null; // the common case: the name holds no trace of the target
        }

        NameMatch? best = null;
        for (var token = 0; token < name.Count; token++)
        {
            var tokenStart = name.StartOf(token);
            var match = MatchAt(name, token, tokenStart, target, maxEdits, mayBeNear, text);
            foreach (var prefix in _gluedPrefixes)
            {
                if (match is not null)
                {
                    break;
                }

                if (name.Token(token).Length > prefix.Length && name.Token(token).StartsWith(prefix, StringComparison.Ordinal))
                {
                    match = MatchAt(name, token, tokenStart + prefix.Length, target, maxEdits, mayBeNear, text);
                }
            }

            if (match is not null && (best is null || match.Score > best.Score))
            {
                best = match;
            }
        }

        return best;
    }

    private NameMatch? MatchAt(TokenisedName name, int token, int start, NameTarget target, int maxEdits, bool mayBeNear, string text)
    {
        var rest = name.Key.AsSpan(start);
        if (_placeWords.IsOtherPlace(name.Token(token), target.Key) || (!AfterGluedPrefix(name, token) && _placeWords.IsPartOfOtherPlace(name, token, text, target.Key)))
        {
            return null;
        }

        if (rest.StartsWith(target.Key, StringComparison.Ordinal))
        {
            return new NameMatch(target, "contains", 0, 0.95);
        }

        if (!mayBeNear || rest.Length < target.Key.Length - maxEdits)
        {
            return null;
        }

        if (target.ExactTail is { } tail && !HasWord(name, tail))
        {
            return null; // "Oakhurst District Council", "Oakhurst Town FC" are one or two letters from "Oakhurst TC"
        }

        var distance = EditDistance.BestPrefix(target.Key, rest);
        return distance <= maxEdits ? new NameMatch(target, "near", distance, 0.9 - (0.05 * distance)) : null;
    }

    /// <summary>
    /// True when <paramref name="word"/> is one of the name's words, or its single letters in a row ("T. C.").
    /// Why: the abbreviation after a place is what says "council"; a look-alike may misspell the place but
    /// not turn the abbreviation into another word's first letters.
    /// </summary>
    private static bool HasWord(TokenisedName name, string word)
    {
        for (var token = 0; token < name.Count; token++)
        {
            if (name.Token(token).SequenceEqual(word))
            {
                return true;
            }

            var letters = 0;
            while (token + letters < name.Count && name.Token(token + letters).Length == 1 && letters < word.Length
                   && name.Token(token + letters)[0] == word[letters])
            {
                letters++;
            }

            if (letters == word.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"OfficialLeighTownCouncil", "TheLeighTC": a word of claim before the name, not another place.</summary>
    private bool AfterGluedPrefix(TokenisedName name, int token)
    {
        if (token == 0)
        {
            return false;
        }

        var previous = name.Token(token - 1);
        foreach (var prefix in _gluedPrefixes)
        {
            if (previous.SequenceEqual(prefix))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Cheap pre-filter before the edit-distance table: with at most k edits (a transposition can break two
    /// pieces), one of 2k+1 pieces of the target must appear unchanged in the key.
    /// </summary>
    private static bool MayBeNear(string key, string target, int maxEdits)
    {
        var pieces = (2 * maxEdits) + 1;
        var pieceLength = target.Length / pieces;
        if (pieceLength < 2)
        {
            return true;
        }

        for (var p = 0; p < pieces; p++)
        {
            var start = p * pieceLength;
            var length = p == pieces - 1 ? target.Length - start : pieceLength;
            if (key.AsSpan().IndexOf(target.AsSpan(start, length), StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
