using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>Who is speaking: the council (its names, clerk, mayor, councillors, a pronoun after it) or a third party whose words are only relayed.</summary>
internal sealed partial class MisrepresentationRule
{
    /// <summary>
    /// The first assertion word of a sentence whose speaker can be the council: one said or done by a
    /// third person ("Zoë says hi", "my fiancée agrees", "Cllr Smith said") is passed over.
    /// </summary>
    private TextSpan? CouncilAssertion(string original, string folded, Sentence sentence, string sentenceText, TextSpan reference)
    {
        var first = _assertions.FindFirst(sentenceText);
        if (first is not { } candidate)
        {
            return null;
        }

        var absolute = candidate with { Start = candidate.Start + sentence.Start };
        if (OtherCouncilActs(folded, sentence.Start, absolute, reference))
        {
            return null;
        }

        if (CouncilSays(absolute))
        {
            return absolute;
        }

        foreach (var span in _assertions.FindAll(sentenceText))
        {
            absolute = span with { Start = span.Start + sentence.Start };
            if (!OtherCouncilActs(folded, sentence.Start, absolute, reference) && CouncilSays(absolute))
            {
                return absolute;
            }
        }

        return null;

        // Not the council's own act denied ("did not vote to close"), not a third person's words, not a fundraiser.
        bool CouncilSays(TextSpan assertion) =>
            !Denials.Covers(folded, reference, assertion)
            && !SpeakerIsThirdParty(original, folded, sentence.Start, assertion, reference)
            && !IsFundraising(folded, assertion);
    }

    /// <summary>
    /// "Rochford District Council says it will scrap…; Leigh Town Council residents are not affected":
    /// an assertion before our council's reference, after another council named earlier in the sentence
    /// (a council word that the references did not take for ours), is that council's act or words.
    /// </summary>
    private static bool OtherCouncilActs(string folded, int sentenceStart, TextSpan assertion, TextSpan reference) =>
        assertion.End <= reference.Start && OtherCouncilBefore().IsMatch(folded.AsSpan(sentenceStart, assertion.Start - sentenceStart));

    [GeneratedRegex(@"\b(?:district|city|county|borough|parish|unitary) council\b", RegexOptions.CultureInvariant)]
    private static partial Regex OtherCouncilBefore();

    /// <summary>
    /// "Raised £620 at the council's quiz night", "we raised over £1,000 for the lifeboat": "raised" with a
    /// sum straight after it is money collected, not a price or rent put up ("raised the rents", "raised
    /// parking charges by 10%" name what went up before any sum).
    /// </summary>
    private static bool IsFundraising(string folded, TextSpan assertion) =>
        assertion.Term.StartsWith("rais", StringComparison.Ordinal) && SumFollows().IsMatch(folded, assertion.End);

    [GeneratedRegex(@"\G (?:(?:just |well )?(?:over|nearly|almost|about|around|a whopping|an amazing|a massive|an incredible) )?(?:£|\d)", RegexOptions.CultureInvariant)]
    private static partial Regex SumFollows();

    /// <summary>
    /// "The chair said the council would close…": in reported speech "would" is the "will" of the words
    /// reported, not a hedge. A verb of saying before the council and "would" right after it.
    /// </summary>
    private static TextSpan? ReportedWould(string folded, Sentence sentence, TextSpan reference)
    {
        var before = folded.AsSpan(sentence.Start, reference.Start - sentence.Start);
        if (!ReportingVerb().IsMatch(before))
        {
            return null;
        }

        var after = folded.AsSpan(reference.End, sentence.End - reference.End).TrimStart(' ');
        return after.StartsWith("would ", StringComparison.Ordinal) || after.StartsWith("was going to ", StringComparison.Ordinal)
            ? new TextSpan(sentence.End - after.Length, after.IndexOf(' '), "would")
            : null;
    }

    [GeneratedRegex(@"\b(?:said|told (?:us|me|them|everyone|residents|the meeting)|announced|confirmed|promised|explained)(?: that)? (?:the |our )?$", RegexOptions.CultureInvariant)]
    private static partial Regex ReportingVerb();

    // "Why did the council already tell…", "why has LTC decided…": a why-question about a past act takes
    // the act as given; it asserts it as much as a statement does. "Why don't/won't they…" (suggestions)
    // and questions with no council act are not this.
    [GeneratedRegex(@"\G\W*why (?:did|has|have|had|is|are|was|were) (?!n't|not\b)", RegexOptions.CultureInvariant)]
    private static partial Regex PresupposingQuestion();

    // "The council are putting double yellows in next spring", "LTC is closing the hall from April": the
    // present progressive with a time to come is the future.
    [GeneratedRegex(
        @"\G\s*(?:(?:are|is|'re|'s)\s+(?:now\s+|also\s+|quietly\s+)?[a-z]+ing)\b(?=[^.!?\n]{0,70}\b(?:next (?:week|month|year|spring|summer|autumn|winter|term|financial year)|from (?:next|the new year|january|february|march|april|may|june|july|august|september|october|november|december)|this (?:spring|summer|autumn|winter|coming)|in the (?:spring|summer|autumn|new year)|by (?:christmas|easter|the summer|the end of)|later this year)\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex FutureProgressive();

    private static readonly HashSet<string> PossessiveDeterminers = new(StringComparer.Ordinal) { "my", "his", "her", "their" };

    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.Ordinal)
    {
        "say", "says", "said", "told", "tells", "agrees", "agreed", "agree to", "confirm", "announce", "backs", "backed",
    };

    // The writer ("I signed the council's petition") does things too; that is not the council acting.
    private static readonly HashSet<string> PersonPronouns = new(StringComparer.Ordinal) { "he", "she", "i", "i've", "i'd", "i'll" };

    /// <summary>Words that can name the council (or its people) as the one who says or does something.</summary>
    private static readonly HashSet<string> CouncilSpeakers = new(StringComparer.Ordinal)
    {
        "council", "councils", "council's", "councillor", "councillors", "clerk", "committee", "members", "they", "it",
        "we", "you", "town", "ltc", "tc", "officers", "staff", "team", "chair", "mayor",
    };

    /// <summary>
    /// True when the word just before an assertion word is someone other than the council: a capitalised
    /// name that is not part of the council reference ("Zoë says"), a person after a possessive
    /// ("my fiancée agrees", "her mum said"), or he/she.
    /// </summary>
    private static bool SpeakerIsThirdParty(string original, string folded, int sentenceStart, TextSpan assertion, TextSpan reference)
    {
        var end = assertion.Start;
        while (end > sentenceStart && folded[end - 1] == ' ')
        {
            end--;
        }

        var start = end;
        while (start > sentenceStart && (char.IsLetter(folded[start - 1]) || folded[start - 1] == '\''))
        {
            start--;
        }

        if (start == end || (start < reference.End && end > reference.Start))
        {
            return false; // no word before it, or the word is the council reference itself
        }

        var word = folded.AsSpan(start, end - start);

        if (CouncilSpeakers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return false;
        }

        if (PersonPronouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return true;
        }

        // "my fiancée agrees", "her mum said": a possessive determiner before the word.
        var before = start;
        while (before > sentenceStart && folded[before - 1] == ' ')
        {
            before--;
        }

        var beforeStart = before;
        while (beforeStart > sentenceStart && char.IsLetter(folded[beforeStart - 1]))
        {
            beforeStart--;
        }

        if (before > beforeStart && PossessiveDeterminers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(folded.AsSpan(beforeStart, before - beforeStart)))
        {
            return true;
        }

        // A capitalised name before a verb of saying or agreeing ("Zoë says", "Cllr Smith said"): capital
        // then lower case in the original. Only for those verbs: a headline's "Library Will Close" is not a person.
        if (!SpeechVerbs.Contains(assertion.Term))
        {
            return false;
        }

        var originalStart = TextFolding.ToOriginalOffset(original, start);
        return originalStart + 1 < original.Length && char.IsUpper(original[originalStart]) && char.IsLower(original[originalStart + 1]);
    }
}
