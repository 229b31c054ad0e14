using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// A news headline reports a decision in the present tense and without a full stop ("Town Council Scraps
/// Festival", "Library to close on Saturdays, council decides"): its verbs are those of change as much as
/// of assertion. A sentence is read as a headline when it has no final punctuation and most of its longer
/// words are capitalised, or when it opens a feed item (the first line of an RSS summary).
/// </summary>
internal static partial class Headlines
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

    /// <summary>
    /// The infinitive headline: the council first, then "to" and a verb, with no verb of its own ("Council
    /// to axe Sunday market", "Leigh TC set to hike hut fees", "NEWS: town council to buy the old bank",
    /// "Council poised to sell…"). Headline grammar for what the council will do, whatever the verb is, so
    /// it needs no assertion word. The council must open the sentence (after at most a "BREAKING:" label);
    /// "time for the council to act" and "I asked the council to explain" put it elsewhere.
    /// </summary>
    public static TextSpan? Infinitive(string folded, Sentence sentence, TextSpan reference)
    {
        if (reference.Start < sentence.Start || reference.End > sentence.End
            || !LabelOnly().IsMatch(folded.AsSpan(sentence.Start, reference.Start - sentence.Start)))
        {
            return null;
        }

        var found = InfinitiveAfterSubject().Match(folded, reference.End, sentence.End - reference.End);
        return found.Success ? new TextSpan(found.Index, found.Length, found.Value.Trim()) : null;
    }

    // Before the council: nothing, an article, or a news label ending in a colon or dash.
    [GeneratedRegex(@"^\W*(?:(?:breaking|news|exclusive|update|latest|revealed|just in|local news)\W*[:|-]\W*)?(?:the |our |local )?(?:town |parish )?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelOnly();

    [GeneratedRegex(
        @"\G\s*(?:(?:is|are)\s+)?(?:(?:set|poised|due|expected|planning|preparing|looking|moving|bidding|ready|about|likely)\s+)?to\s+(?!be\s+(?:thanked|praised|congratulated)\b)[a-z]+",
        RegexOptions.CultureInvariant)]
    private static partial Regex InfinitiveAfterSubject();

    /// <summary>
    /// The present-tense headline: the council straight followed by a verb in -s and what it acts on
    /// ("Town council objects to plans for flats", "Council spends £38,000 on lights", "LTC backs…"). In a
    /// headline the simple present reports what was done, whatever the verb. Nouns after "council" that end
    /// in -s ("council's", "council elections", "council tax rises") are not verbs: the verb must be followed
    /// by a determiner, a sum, a number or a preposition. Up to two adverbs may come between ("Council now
    /// quietly spends…"): headlines stack them.
    /// </summary>
    public static TextSpan? PresentTense(string folded, TextSpan reference, int sentenceEnd) =>
        AfterReference.Find(PresentAfterSubject(), folded, reference, sentenceEnd);

    [GeneratedRegex(
        @"\G(?: (?:now|finally|quietly|secretly|still|already|again|also|formally|officially|reportedly)){0,2} (?<verb>(?!(?:elections|meetings|offices|members|minutes|services|papers|plans|tax|rates|chambers|officers|news|updates|accounts|grounds|is|was|has|as|this|its|his|always|says|asks|thanks|needs|wants|hopes)\b)[a-z]{3,}(?:s|es)) (?:the|a|an|its|new|all|every|more|to|on|over|against|for|plans?|£|\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex PresentAfterSubject();

    /// <summary>
    /// A headline that puts a sum on the council's business ("Skate park bill revealed at £120k as
    /// town council faces questions"): the sum is reported as fact about what the council spends.
    /// </summary>
    public static TextSpan? Sum(string folded, Sentence sentence)
    {
        var found = HeadlineSum().Match(folded, sentence.Start, sentence.Length);
        return found.Success ? new TextSpan(found.Index, found.Length, found.Value) : null;
    }

    [GeneratedRegex(@"£\s?\d[\d,.]*\s?(?:k|m|bn|million|thousand)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex HeadlineSum();
}
