using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// A relay in surprise is not a question: "council moving bins to fortnightly now??", "LTC
/// selling the green?!". A statement in word order (no question word or inverted verb opening it) that ends
/// in doubled or mixed question marks passes the news on with astonishment; the writer is not asking
/// whether it is so but telling it. "Is the council selling the green??" opens as a question and stays one,
/// and so (round 9) does a statement whose last clause asks ("scrapping the concerts, is it true??",
/// "toddler group still on tues or not??"): an auxiliary or wh-word opening the clause before the marks, a
/// tag "or not", "is it true", "is this real" make it a genuine question with doubled marks.
/// </summary>
internal static partial class SurprisedRelay
{
    /// <summary>True when a sentence marked as a question is a statement said in surprise.</summary>
    public static bool Is(ReadOnlySpan<char> sentence) =>
        Surprise().IsMatch(sentence) && !QuestionOpening().IsMatch(sentence) && !QuestionTail().IsMatch(sentence);

    /// <summary>
    /// "is this real??", "is it true?", "is that legit", or "can't see it on the council page": the writer
    /// doubts what the post passes on, so nothing in it is asserted for the clerk to correct. A question that
    /// asks something else ("wait is it friday now?? the council says…") doubts nothing the post relays.
    /// </summary>
    public static bool Doubts(ReadOnlySpan<char> sentence)
    {
        // Cheap gates, each a part every match of its pattern has: the doubting question ends in "?", the
        // failed search names where it looked (" on the page"; "cant see it" has neither "n't" nor "not").
        var asks = sentence.IndexOf('?') >= 0;
        var looked = sentence.IndexOf(" on ", StringComparison.Ordinal) >= 0;
        return (asks && Doubt().IsMatch(sentence)) || (looked && NotFoundOnCouncilPage().IsMatch(sentence));
    }

    // "can't see it on the council page", "couldn't find anything on their website": the writer checked the
    // council's own page for what the post passes on and did not find it.
    [GeneratedRegex(
        @"\b(?:can'?t|cannot|can not|couldn'?t|could not) (?:see|find) (?:it|this|that|anything)(?: about (?:it|this|that))? on (?:the |their |its )?(?:town )?(?:council'?s? |official )?(?:page|website|site|feed|facebook)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex NotFoundOnCouncilPage();

    // The clause before the marks asks: it opens with an auxiliary or wh-word after a comma, colon, semicolon
    // or dash ("…, is it true??"), or it ends in "or not" / "is it true" / "is this real".
    [GeneratedRegex(
        @"(?:(?:^|[,;:]|\s-|\s\u2014)\s*(?:so |and |but )?(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|why|what|when|where|who|how|really|seriously|true)\b[^,;:]*|\bor not|\b(?:is|isn'?t) (?:it|this|that) (?:true|real|right|legit|genuine))\W*(?:\?\?|\?!|!\?)[?!]*\W*$",
        RegexOptions.CultureInvariant)]
    private static partial Regex QuestionTail();

    [GeneratedRegex(
        @"(?:^|[,;:.]\s*)\W*(?:so |but |wait,? |ok |hang on,? )?(?:is|are|isn'?t) (?:this|that|it|these|they) (?:for )?(?:real|true|legit|genuine|a scam|right|official)\b[^?]*\?",
        RegexOptions.CultureInvariant)]
    private static partial Regex Doubt();

    [GeneratedRegex(@"(?:\?\?|\?!|!\?)[?!]*\W*$", RegexOptions.CultureInvariant)]
    private static partial Regex Surprise();

    [GeneratedRegex(
        @"^\W*(?:so |and |but |wait,? |hang on,? )?(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|shall|may|might|must|why|what|when|where|who|whose|which|how|anyone|any|isn'?t|aren'?t|doesn'?t|don'?t|didn'?t|won'?t|wouldn'?t|can'?t|hasn'?t|haven'?t|really|seriously|true)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex QuestionOpening();
}
