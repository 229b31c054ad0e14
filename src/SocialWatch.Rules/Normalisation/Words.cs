namespace SocialWatch.Rules.Normalisation;

/// <summary>Word positions in folded text, for "within N words" tests.</summary>
internal static class Words
{
    /// <summary>Number of words that start in [from, to) of the text.</summary>
    public static int CountBetween(string text, int from, int to)
    {
        if (from > to)
        {
            (from, to) = (to, from);
        }

        from = Math.Clamp(from, 0, text.Length);
        to = Math.Clamp(to, 0, text.Length);
        var count = 0;
        for (var i = from; i < to; i++)
        {
            if (Lexicon.IsWordChar(text[i]) && (i == 0 || !Lexicon.IsWordChar(text[i - 1])))
            {
                count++;
            }
        }

        return count;
    }
}
