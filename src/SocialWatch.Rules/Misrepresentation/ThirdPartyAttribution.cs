namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// A sentence whose speaker is an outside party ("a lawyer says the council could…", "according to my
/// solicitor…", "an expert reckons…") makes that party's claim, not the council's: the resident relays an
/// opinion about the council and puts no words in its mouth. Recognised by structure: an indefinite or
/// possessive determiner, one or two words that are not the council, then a verb of opinion ("reckons",
/// "thinks", "argues"), or a verb of saying followed by a hedging modal ("a lawyer says the council could…"),
/// all before the council reference; or "according to" followed by someone other than the council; or an
/// opinion named by a noun ("solicitor's view:", "legal advice is that…").
/// A neighbour who "says the council has voted to…" relays a decision: still a claim about the council.
/// </summary>
internal static class ThirdPartyAttribution
{
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "a", "an", "my", "one", "some", "his", "her", "our", "another" };

    private static readonly HashSet<string> OpinionVerbs = new(StringComparer.Ordinal)
    {
        "reckons", "reckoned", "thinks", "thought", "believes", "believed", "argues", "argued", "suggests", "suggested",
        "warns", "warned", "reckon", "think",
    };

    private static readonly HashSet<string> SayingVerbs = new(StringComparer.Ordinal) { "says", "said", "told", "tells", "claims", "claimed" };

    private static readonly string[] HedgingModals = [" could ", " might ", " may ", " would ", " should ", " could've ", " might've "];

    private static readonly HashSet<string> CouncilWords = new(StringComparer.Ordinal)
    {
        "council", "councillor", "councillors", "clerk", "officer", "officers", "mayor", "chair", "committee", "spokesperson",
        "spokesman", "spokeswoman",
    };

    /// <summary>True when an outside party speaks before <paramref name="referenceStart"/> in the sentence.</summary>
    public static bool Before(string folded, int sentenceStart, int referenceStart, int sentenceEnd)
    {
        var rest = folded.AsSpan(referenceStart, sentenceEnd - referenceStart);
        var hedged = false;
        foreach (var modal in HedgingModals)
        {
            hedged |= rest.Contains(modal, StringComparison.Ordinal);
        }

        var words = Words(folded, ClauseStart(folded, sentenceStart), referenceStart);
        for (var i = 0; i < words.Count; i++)
        {
            // "Solicitor's view: …", "my lawyer's advice is that…": an outside party's opinion, named by a noun.
            if (i + 1 < words.Count && words[i].EndsWith("'s", StringComparison.Ordinal) && OpinionNouns.Contains(words[i + 1])
                && !IsCouncil(words, i, i + 1))
            {
                return true;
            }

            if (words[i] is "legal" && i + 1 < words.Count && OpinionNouns.Contains(words[i + 1]))
            {
                return true;
            }

            if (words[i] == "according" && i + 2 < words.Count && words[i + 1] == "to" && !IsCouncil(words, i + 2, Math.Min(words.Count, i + 5)))
            {
                return true;
            }

            if (!Determiners.Contains(words[i]))
            {
                continue;
            }

            for (var verb = i + 2; verb <= Math.Min(i + 3, words.Count - 1); verb++)
            {
                if ((OpinionVerbs.Contains(words[verb]) || (hedged && SayingVerbs.Contains(words[verb]))) && !IsCouncil(words, i + 1, verb))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly HashSet<string> OpinionNouns = new(StringComparer.Ordinal)
    {
        "view", "views", "opinion", "advice", "take", "reading", "understanding", "assessment",
    };

    /// <summary>
    /// Where the speaker's words start: the sentence, or the clause before it when that clause ends with a
    /// colon ("Solicitor's view: the council has no power…" is one statement split by the colon).
    /// </summary>
    private static int ClauseStart(string folded, int sentenceStart)
    {
        var i = sentenceStart;
        while (i > 0 && folded[i - 1] == ' ')
        {
            i--;
        }

        if (i == 0 || folded[i - 1] != ':')
        {
            return sentenceStart;
        }

        var start = i - 1;
        while (start > 0 && folded[start - 1] is not ('.' or '!' or '?' or '\n'))
        {
            start--;
        }

        return start;
    }

    private static bool IsCouncil(List<string> words, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (CouncilWords.Contains(words[i]) || words[i].StartsWith("council", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Words(string folded, int start, int end)
    {
        var words = new List<string>();
        var i = start;
        while (i < end)
        {
            while (i < end && !char.IsAsciiLetter(folded[i]))
            {
                i++;
            }

            var from = i;
            while (i < end && (char.IsAsciiLetter(folded[i]) || folded[i] == '\''))
            {
                i++;
            }

            if (i > from)
            {
                words.Add(folded[from..i]);
            }
        }

        return words;
    }
}
