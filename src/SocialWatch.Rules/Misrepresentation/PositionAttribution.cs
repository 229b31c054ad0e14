using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// A position put on the council with a copula instead of a verb of deciding: "the council is against
/// the cycle lane", "LTC is dead against…", "the town council is firmly behind the plans", "councillors
/// are in favour of…", "LTC now against…" (a copula or a time or firmness word before the stance: "a
/// complaint to the council against my neighbour" has neither). Why: these attribute a stance to the council as surely as "the council backs…",
/// and the clerk should check them; no assertion word is in them. "Behind" needs an intensifier or a
/// plan noun after it, since "the council is behind the library" can be a place.
/// </summary>
internal static partial class PositionAttribution
{
    /// <summary>The stance right after the council reference, or null.</summary>
    public static TextSpan? After(string folded, TextSpan reference, int sentenceEnd) =>
        AfterReference.Find(Stance(), folded, reference, sentenceEnd, "stance");

    /// <summary>
    /// The council as the subject of a verb of position ("Leigh TC back the flats", "council wants
    /// it gone", "LTC opposes the bid", "the town council favours option B"). Not when what it wants is the
    /// public's say ("the council wants your views", "wants to hear from you"): that is an invitation.
    /// </summary>
    public static TextSpan? VerbAfter(string folded, TextSpan reference, int sentenceEnd) =>
        AfterReference.Find(PositionVerb(), folded, reference, sentenceEnd);

    [GeneratedRegex(
        @"\G(?:'s|s)?(?: (?:now|still|really|fully|clearly|openly|obviously|apparently|secretly|quietly|just|actually|definitely|officially|all))*"
        + @" (?<verb>backs?|backed|supports?|supported|opposes?|opposed|wants?|wanted|favou?rs?|favou?red|prefers?|preferred)\b"
        + @"(?! (?:your|you|to hear|to know|views|feedback|comments|residents'? views|people'?s views|ideas|suggestions|input))",
        RegexOptions.CultureInvariant)]
    private static partial Regex PositionVerb();

    private const string Intensifier = @"(?: (?:\w+ly|dead|firmly|fully|totally|completely|all|now|still|very much|strongly|100%|squarely|very))*";

    [GeneratedRegex(
        @"\G(?:'s|s|'re)?(?: (?:is|are|was|were|has been|have been|seems?|seem to be|seems to be|remains?|came out|has come out|have come out|now|still|firmly|officially))"
        + @"(?<stance>" + Intensifier + @" (?:against|opposed to|in favou?r of|supportive of|in support of|anti|pro)\b"
        + @"|(?: (?:\w+ly|dead|firmly|fully|totally|completely|squarely|100%|all))+ behind\b"
        + @"| behind (?:the |this |these |their )?(?:plans?|proposals?|scheme|idea|move|campaign|bid|application|development|ban|closure|sale)\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Stance();
}
