using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// Sentences that name the council beside an assertion word without saying the council did anything:
/// the council negated as the agent ("approved by the district council, not Leigh Town Council", "that
/// page isn't the council", "funded by members, not by the town council"), the council's decision as the time of something else ("before the council has
/// decided", "until the council decides": a temporal clause asserts nothing),
/// and the council said not to have decided yet ("hasn't decided anything yet", "hasn't taken a view").
/// The clerk has nothing to correct in any of them.
/// </summary>
internal static partial class CouncilNotActing
{
    /// <summary>True when the words just before the council reference negate it or make it a time clause.</summary>
    public static bool Before(string folded, int sentenceStart, TextSpan reference) =>
        reference.Start > sentenceStart && NegatedOrTemporal().IsMatch(folded.AsSpan(sentenceStart, reference.Start - sentenceStart));

    /// <summary>True when the words right after the council reference say it has not decided or taken a view.</summary>
    public static bool Undecided(string folded, TextSpan reference, int sentenceEnd) =>
        reference.End < sentenceEnd && NotDecided().IsMatch(folded, reference.End);

    // "not Leigh Town Council", "isn't the council", "rather than the council"; "before / until / till /
    // unless / pending the council …". "After the council decided" is kept: a past act told as a time.
    [GeneratedRegex(
        @"(?:\b(?:not|isn'?t|is not|wasn'?t|was not|aren'?t|are not|never|rather than|instead of)(?: (?:even|actually|really|from|by|funded by|paid for by))?"
        + @"|\b(?:before|until|till|unless|pending|ahead of|once|whenever)(?: (?:the|a|any))?(?: (?:final|formal|full))?(?: (?:decision|vote|meeting) (?:of|by))?)"
        + @" (?:the |our |a )?(?:real |actual |official )?(?:town |parish )?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex NegatedOrTemporal();

    // "hasn't decided (anything) (yet)", "has not taken a view", "haven't made a decision", "hasn't made its
    // mind up", "is yet to decide", "hasn't come to a view". Not "hasn't approved the grant": that tells what
    // the council did with an application, which the clerk may need to check.
    [GeneratedRegex(
        @"\G(?:'s|s)?(?: (?:hasn'?t|has not|haven'?t|have not|is yet to|are yet to|has yet to|have yet to|not))(?: (?:yet|even|actually|formally|officially))?"
        + @" (?:decided|decide|taken (?:a|any) (?:view|position|stance|decision)|take (?:a|any) (?:view|position|decision)|made (?:a|any|its|their) (?:decision|mind up|minds up)|reached (?:a|any) decision|come to (?:a|any) (?:view|decision)|voted|discussed|considered)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex NotDecided();
}
