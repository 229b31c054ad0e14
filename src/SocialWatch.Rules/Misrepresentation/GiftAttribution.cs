using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// Thanks that tell a council act: "thanks to the town council, who have given us a £2,000 grant", "we'd
/// like to thank the council for giving us the old pavilion", "thanks LTC for handing us the top field".
/// Why: a club thanking the council for something it has given (a grant, a venue, a field) says the
/// council decided to give it; when no official statement announced it, the clerk should check it. Thanks
/// for an event or for something seen ("for a lovely afternoon", "for the new benches") tell no act of
/// giving and stay unflagged, as thanks always were.
/// </summary>
internal static partial class GiftAttribution
{
    /// <summary>The giving verb after the council reference in a thanks sentence, or null.</summary>
    public static TextSpan? After(string folded, TextSpan reference, int sentenceEnd) =>
        AfterReference.Find(Giving(), folded, reference, sentenceEnd);

    // Within a few words of the council: a relative or "for" and a verb of giving, then who received it
    // ("us", "the club", "our juniors") or what was given (a sum, a grant, a place).
    [GeneratedRegex(
        @"\G[^.!?]{0,24}?\b(?:(?:who|which|that|for|they)(?: have| has|'ve|'s| had| just| kindly| very kindly| generously)* (?<verb>given|gave|handed|granted|awarded|gifted|donated|funded|lent|loaned|offered|allocated|let us have|let us use)"
        + @"|for (?:kindly |generously )?(?<verb>giving|handing|granting|awarding|gifting|donating|funding|lending|loaning|offering|allocating|letting us (?:have|use)))\b"
        + @"(?: over)?(?: to)? (?:us|the club|our|the team|the group|the society|£\s?\d|a (?:grant|donation|venue|hall|field|pitch|room|plot|lease|home)|the (?:old |new |top |bottom )?[\p{L}-]+)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Giving();
}
