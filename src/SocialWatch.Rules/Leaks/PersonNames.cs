namespace SocialWatch.Rules.Leaks;

/// <summary>
/// Finds what looks like a person's name in original (not folded) text: two or three capitalised words
/// in a row ("Karen Lowe", "Mr Dev Patel"), skipping words that are usually capitalised for other
/// reasons (days, months, titles of meetings, and the words of the organisation's own names from the
/// watch file: "Leigh" in "Leigh Town Council" is a town, not a surname).
/// </summary>
internal sealed class PersonNames
{
    private static readonly HashSet<string> CommonNotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "i", "we", "our", "my", "his", "her", "their", "this", "that", "these", "those", "it",
        "full", "town", "council", "councils", "city", "county", "borough", "committee", "old", "new",
        "great", "little", "north", "south", "east", "west", "upper", "lower", "saint", "st", "part", "item",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "christmas", "easter", "good", "happy", "thanks", "thank", "hi", "hello", "dear", "so", "and", "but",
        "if", "when", "what", "who", "why", "how", "not", "no", "yes", "just", "off", "on", "in", "at", "for",
        "road", "street", "lane", "parade", "avenue", "broadway", "wharf", "library", "community", "centre",
        "f&gp", "nhs", "hmrc", "uk", "tc", "bank", "holiday", "public", "planning", "finance", "general",
        "purposes", "setting", "sad", "lovely", "big", "note", "ring", "mr", "mrs", "ms", "miss", "dr", "cllr",
    };

    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase) { "mr", "mrs", "ms", "miss", "dr", "cllr" };

    private readonly HashSet<string> _notNames;

    /// <param name="organisationNames">The organisation's names and aliases; their words are never a person's name.</param>
    public PersonNames(IEnumerable<string> organisationNames)
    {
        _notNames = new HashSet<string>(CommonNotNames, StringComparer.OrdinalIgnoreCase);
        foreach (var name in organisationNames)
        {
            foreach (var word in name.Split([' ', '-', '_', '.', '\'', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                _notNames.Add(word);
            }
        }
    }

    /// <summary>First name-like span (start, length) in the original text, or null.</summary>
    public (int Start, int Length)? FindFirst(string text) => FindFirst(text, 0);

    /// <summary>First name-like span starting at or after <paramref name="from"/>, or null.</summary>
    public (int Start, int Length)? FindFirst(string text, int from)
    {
        var i = Math.Clamp(from, 0, text.Length);
        var runStart = -1;
        var runWords = 0;
        var runEnd = 0;
        var titled = false;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetter(text[i]))
            {
                if (text[i] != ' ' && runWords > 0)
                {
                    if (IsName(runWords, titled))
                    {
                        return (runStart, runEnd - runStart);
                    }

                    runWords = 0;
                    titled = false;
                }

                i++;
            }

            var start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '\''))
            {
                i++;
            }

            if (i == start)
            {
                break;
            }

            var word = text.AsSpan(start, i - start);
            if (word.EndsWith("'s", StringComparison.Ordinal))
            {
                word = word[..^2];
            }

            var capitalised = word.Length >= 2 && char.IsUpper(word[0]) && IsLowerRest(word[1..]);
            var title = Titles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
            if (title && char.IsUpper(word[0]))
            {
                runStart = -1;
                runWords = 0;
                titled = true;
                continue;
            }

            if (capitalised && !_notNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            {
                if (runWords == 0)
                {
                    runStart = start;
                }

                runWords++;
                runEnd = start + word.Length;
                if (runWords >= 2 || (titled && runWords >= 1 && i < text.Length && text[i] != ' '))
                {
                    return (runStart, runEnd - runStart);
                }
            }
            else
            {
                if (IsName(runWords, titled))
                {
                    return (runStart, runEnd - runStart);
                }

                runWords = 0;
                titled = false;
            }
        }

        return IsName(runWords, titled) ? (runStart, runEnd - runStart) : null;
    }

    private static bool IsName(int words, bool titled) => words >= 2 || (titled && words >= 1);

    private static bool IsLowerRest(ReadOnlySpan<char> rest)
    {
        foreach (var c in rest)
        {
            if (!char.IsLower(c) && c != '\'' && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
