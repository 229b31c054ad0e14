using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// Hearsay relays are claims to check, not hedges: "according to my neighbour the council is
/// closing the library", "my mate says LTC has sold the green". Someone else's words before the council
/// make an opinion theirs when they predict or judge ("a lawyer says the council could be sued", "an
/// expert reckons the council will approve"); when they relay an act done or under way (the council
/// "is closing", "has sold", "agreed"), the post passes on a claim about the council that the clerk
/// should check, whoever it is said to come from. A published source before it is a citation, not hearsay.
/// </summary>
internal static partial class Hearsay
{
    /// <summary>
    /// True when the words right after the council reference tell an act done or under way, and the source
    /// named before it is a person, not a published document ("according to its published accounts",
    /// "page 12 of the minutes" cite the council's own record, which is no hearsay).
    /// </summary>
    public static bool ActToldAfter(string folded, int sentenceStart, TextSpan reference, int sentenceEnd) =>
        reference.End < sentenceEnd && ActDoneOrUnderWay().IsMatch(folded, reference.End)
        && !PublishedSource().IsMatch(folded.AsSpan(sentenceStart, reference.Start - sentenceStart));

    [GeneratedRegex(@"\b(?:published|minutes|accounts|agenda|annual report|website|web site|page \d+|papers|statement|press release|newsletter)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PublishedSource();

    // "is closing", "are selling", "has sold", "have agreed to", "'s scrapped", "already voted", "approved".
    // A modal ("will", "could", "might") is a prediction and is left to the hedge.
    [GeneratedRegex(
        @"\G(?:'s|'re|'ve|s)?(?: (?:is|are|was|were|has|have|had))?(?: (?:already|now|just|quietly|finally|secretly|been|gone and))* (?!(?:need|feed|seed|bed|red|bled|shed|speed|weed|indeed)\b)(?:[a-z]{2,}ing|[a-z]{2,}ed|sold|shut|cut|bought|spent|put|set|let|made|given|taken|gone|done)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex ActDoneOrUnderWay();
}
