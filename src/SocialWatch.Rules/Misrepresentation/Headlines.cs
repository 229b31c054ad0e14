namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// A news headline reports a decision in the present tense and without a full stop ("Town Council Scraps
/// Festival", "Library to close on Saturdays, council decides"): its verbs are those of change as much as
/// of assertion. A sentence is read as a headline when it has no final punctuation and most of its longer
/// words are capitalised, or when it opens a feed item (the first line of an RSS summary).
/// </summary>
internal static class Headlines
{
    public static bool IsHeadline(string original, int originalStart, int originalEnd, bool feedItemOpening)
    {
        if (originalEnd <= originalStart)
        {
            return false;
        }

        var text = original.AsSpan(originalStart, originalEnd - originalStart).TrimEnd();
        if (text.Length == 0 || text[^1] is '.' or '!' or '?' or ')')
        {
            return false;
        }

        if (feedItemOpening)
        {
            return true;
        }

        var longWords = 0;
        var capitalised = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetter(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            if (i - start >= 4)
            {
                longWords++;
                if (char.IsUpper(text[start]))
                {
                    capitalised++;
                }
            }
        }

        return longWords >= 3 && capitalised * 4 >= longWords * 3;
    }
}
