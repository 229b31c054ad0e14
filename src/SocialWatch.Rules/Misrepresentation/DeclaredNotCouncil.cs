using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// An account whose name or bio says it is not the council ("residents' group, not the town council", "not
/// affiliated with the council", "unofficial") does not speak in the council's voice, whatever its name
/// borrows: its notices of its own meetings and raffles are the group's. Why only the voice: its claims
/// about the council ("the council has voted to…") are still read like anyone's. "Not affiliated with any
/// party" (round 9) declares political neutrality, not that the account is not the council.
/// </summary>
internal static partial class DeclaredNotCouncil
{
    public static bool Is(AccountInput author) =>
        Declaration().IsMatch(author.Bio ?? "") || Declaration().IsMatch(author.DisplayName ?? "");

    [GeneratedRegex(
        @"\bnot (?:the |a |an |part of the |run by the |affiliated (?:with|to) the |connected (?:with|to) the |linked (?:with|to) the )?(?:official |real )?(?:[\p{L}-]+ )?(?:town )?council\b|\bnot (?:affiliated|connected|linked)\b(?! (?:with|to) (?:any|a) (?:political )?part(?:y|ies)\b)|\bunofficial\b|\bindependent of the (?:[\p{L}-]+ )?council\b|\bdo(?:es)? not speak for (?:the |it)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Declaration();
}
