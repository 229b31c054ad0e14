using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// The council's name used for someone posing as it: "someone pretending to be Leigh Town Council asked me
/// for my bank details", "a page calling itself the town council says…", "a fake council account". What
/// follows is what the impostor did, reported by a resident who saw through it; the council is not the
/// actor, and the clerk's business is the impostor's account (the impersonation rule), not a claim about
/// the council.
/// </summary>
internal static partial class ImpostorMention
{
    /// <summary>True when the words just before the council reference say an impostor is using its name.</summary>
    public static bool Before(string folded, int sentenceStart, TextSpan reference) =>
        reference.Start > sentenceStart && ImpostorWords().IsMatch(folded.AsSpan(sentenceStart, reference.Start - sentenceStart));

    /// <summary>
    /// A resident warning that a look-alike's claim is not the council's: "that account isn't the
    /// council", "this page is not the real town council", "it's a fake page". The post is about an
    /// impostor; what it repeats of the impostor's claim is not asserted of the council.
    /// </summary>
    public static bool WarnsOfLookAlike(string folded) => LookAlikeWarning().IsMatch(folded);

    [GeneratedRegex(
        @"\b(?:that|this|the|these|those) (?:[\p{L}-]+ )?(?:page|pages|account|accounts|profile|profiles|post|posts)\b[^.!?\n]{0,60}\b(?:isn'?t|is not|aren'?t|are not|not) (?:from )?(?:the|our) (?:real |actual |official |proper )?(?:town |parish )?council\b"
        + @"|\b(?:it'?s|that'?s|is) (?:a )?(?:fake|bogus|copycat|scam|impostor|imposter) (?:page|account|profile)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex LookAlikeWarning();

    [GeneratedRegex(
        @"\b(?:pretending to be|posing as|claiming to be|calling (?:itself|themselves|himself|herself)|pretends to be|poses as|impersonating|masquerading as|fake|bogus|copycat|scam)(?: the| our| a)? (?:town |parish )?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex ImpostorWords();
}
