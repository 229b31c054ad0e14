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

    [GeneratedRegex(
        @"\b(?:pretending to be|posing as|claiming to be|calling (?:itself|themselves|himself|herself)|pretends to be|poses as|impersonating|masquerading as|fake|bogus|copycat|scam)(?: the| our| a)? (?:town |parish )?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex ImpostorWords();
}
