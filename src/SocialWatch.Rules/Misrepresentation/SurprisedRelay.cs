using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// A relay in surprise is not a question: "council moving bins to fortnightly now??", "LTC
/// selling the green?!". A statement in word order (no question word or inverted verb opening it) that ends
/// in doubled or mixed question marks passes the news on with astonishment; the writer is not asking
/// whether it is so but telling it. "Is the council selling the green??" opens as a question and stays one.
/// </summary>
internal static partial class SurprisedRelay
{
    /// <summary>True when a sentence marked as a question is a statement said in surprise.</summary>
    public static bool Is(ReadOnlySpan<char> sentence) =>
        Surprise().IsMatch(sentence) && !QuestionOpening().IsMatch(sentence);

    [GeneratedRegex(@"(?:\?\?|\?!|!\?)[?!]*\W*$", RegexOptions.CultureInvariant)]
    private static partial Regex Surprise();

    [GeneratedRegex(
        @"^\W*(?:so |and |but |wait,? |hang on,? )?(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|shall|may|might|must|why|what|when|where|who|whose|which|how|anyone|any|isn'?t|aren'?t|doesn'?t|don'?t|didn'?t|won'?t|wouldn'?t|can'?t|hasn'?t|haven'?t|really|seriously|true)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex QuestionOpening();
}
