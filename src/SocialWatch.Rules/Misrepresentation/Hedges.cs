using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// A hedged sentence asserts nothing: it asks ("is it true that…", "does anyone know if…"), wishes
/// ("I hope…", "hopefully…"), repeats a rumour as a rumour, or says what the council should, could or
/// might do. A claim says what the council did, said or will do; a hedge is an opinion or a question
/// about it, and the clerk has nothing to correct. An invitation to take part ("have your say on the
/// council's plans", "take the survey") points at a public process and asserts nothing either.
/// </summary>
internal static partial class Hedges
{
    /// <summary>Openings that make a sentence a question or a wish, with or without a question mark.</summary>
    private static readonly string[] Openings =
    [
        "is it true", "is it right", "is it just me", "are they really", "is the council really", "does anyone", "anyone know",
        "do you know", "has anyone", "did anyone", "i wonder", "wondering", "i hope", "hopefully", "i wish", "if only",
        "let's hope", "lets hope", "here's hoping", "fingers crossed", "rumour", "rumours", "rumor", "heard a rumour",
        "why don't", "why doesn't", "why won't", "why can't", "why not", "when will", "will the council", "would the council",
        "could the council", "can the council", "should the council", "if the council", "if they", "imagine if",
        "have your say", "have a say", "tell the council", "take the survey", "fill in the survey", "comment on",
    ];

    /// <summary>Modal verbs that, right after the council as subject, turn an assertion into advice or speculation.</summary>
    private static readonly HashSet<string> HedgingModals = new(StringComparer.Ordinal)
    {
        "should", "shouldn't", "could", "couldn't", "might", "may", "must", "ought", "would", "needs", "need",
    };

    /// <summary>Words that report a rumour as such anywhere in the sentence.</summary>
    private static readonly string[] RumourWords = ["rumour", "rumor", "hearsay", "unconfirmed"];

    /// <summary>True when the sentence opens as a question or wish, or reports a rumour as a rumour.</summary>
    public static bool OpensAsHedge(ReadOnlySpan<char> sentence)
    {
        sentence = sentence.TrimStart(" \"'“‘-".AsSpan());
        foreach (var opening in Openings)
        {
            if (sentence.StartsWith(opening, StringComparison.Ordinal)
                && (sentence.Length == opening.Length || !char.IsAsciiLetter(sentence[opening.Length])))
            {
                return true;
            }
        }

        // A question in question order without its mark ("so is the council closing it or not",
        // "has LTC actually sold it"): the verb before its subject asks.
        if (QuestionOrder().IsMatch(sentence))
        {
            return true;
        }

                foreach (var word in RumourWords)
        {
            if (sentence.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a hedging modal follows the council reference within two words: "the council should
    /// fix", "LTC could easily", "they might". The assertion that follows is advice or speculation.
    /// </summary>
    public static bool ModalAfter(string folded, TextSpan reference, int sentenceEnd)
    {
        var i = reference.End;
        for (var word = 0; word < 2; word++)
        {
            while (i < sentenceEnd && !char.IsAsciiLetter(folded[i]))
            {
                i++;
            }

            var start = i;
            while (i < sentenceEnd && (char.IsAsciiLetter(folded[i]) || folded[i] == '\''))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }

            if (HedgingModals.GetAlternateLookup<ReadOnlySpan<char>>().Contains(folded.AsSpan(start, i - start)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a wish or an invitation comes before the council in the sentence, wherever the sentence
    /// starts: "would love it if the council bought…", "really wish LTC would…", "it'd be brilliant if the
    /// town council opened…", "residents invited to have their say on the council's plans". What follows is
    /// what the writer wants or is asked about, not what the council did.
    /// </summary>
    public static bool WishOrInvitationBefore(ReadOnlySpan<char> sentence, int councilAt)
    {
        foreach (var match in WishOrInvitation().EnumerateMatches(sentence))
        {
            return match.Index < councilAt;
        }

        return false;
    }

    [GeneratedRegex(
        @"\b(?:wish(?:es|ed)?|would love|'d love|love it if|loved it if|if only|be (?:great|nice|lovely|brilliant|good|amazing|fab|fantastic|ideal|wonderful) if|dream is|want the council to"
        + @"|(?:have|had) (?:your|their|our|a) say|invited to|invites you|take part in|give (?:your|their) views)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex WishOrInvitation();

    [GeneratedRegex(
        @"^(?:(?:so|and|but|ok|okay|right|wait|hang on|genuine question|honest question),? )?(?:is|are|was|were|has|have|did|does|do|will|would|can|could)(?: (?:the|our|leigh|ltc|they|it|anyone|anybody|somebody|someone|this|that))\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex QuestionOrder();
}

