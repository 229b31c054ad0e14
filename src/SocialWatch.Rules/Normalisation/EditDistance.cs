namespace SocialWatch.Rules.Normalisation;

/// <summary>Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions).</summary>
internal static class EditDistance
{
    private const int MaxLength = 128;

    /// <summary>Distance between two whole strings.</summary>
    public static int Between(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Compute(a, b, freeStart: false, freeEnd: false);

    /// <summary>
    /// Least distance between <paramref name="pattern"/> and any substring of <paramref name="text"/>
    /// (Sellers' approximate substring matching with transpositions): "leightwoncouncilnews" contains
    /// "leightowncouncil" at distance 1.
    /// </summary>
    public static int BestSubstring(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text) => Compute(pattern, text, freeStart: true, freeEnd: true);

    /// <summary>
    /// Least distance between <paramref name="pattern"/> and any prefix of <paramref name="text"/>: the
    /// match is anchored where the text starts (a word boundary) and may end anywhere, so
    /// "leightwoncouncilnews" starts with "leightowncouncil" at distance 1 but "rayleightowncouncil" is
    /// three edits from it.
    /// </summary>
    public static int BestPrefix(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text) => Compute(pattern, text, freeStart: false, freeEnd: true);

    private static int Compute(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, bool freeStart, bool freeEnd)
    {
        if (pattern.Length > MaxLength)
        {
            pattern = pattern[..MaxLength];
        }

        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }

        // Rows over the pattern; columns over the text. With freeStart the match may begin anywhere in
        // the text (row 0 is all zero) and end anywhere (minimum over the last row).
        var width = text.Length + 1;
        Span<int> previous2 = stackalloc int[width];
        Span<int> previous = stackalloc int[width];
        Span<int> current = stackalloc int[width];
        for (var j = 0; j < width; j++)
        {
            previous[j] = freeStart ? 0 : j;
        }

        for (var i = 1; i <= pattern.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j < width; j++)
            {
                var cost = pattern[i - 1] == text[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && pattern[i - 1] == text[j - 2] && pattern[i - 2] == text[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
            }

            var rotate = previous2;
            previous2 = previous;
            previous = current;
            current = rotate;
        }

        if (!freeEnd)
        {
            return previous[width - 1];
        }

        var best = int.MaxValue;
        foreach (var value in previous)
        {
            best = Math.Min(best, value);
        }

        return best;
    }
}
