using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// The council said to be changing something, in the progressive with its auxiliary: "the council is
/// doubling beach hut permits to £300", "council's putting allotment rents up", "they're cutting the grant by
/// half". Why: a change under way needs no assertion word; what makes it a change is where the thing goes
/// (to or by a sum or number, up, down, off, out). "The council is doing a great job" or "is hosting a fun
/// day on 5 May" name an act but no change, and stay with the other concepts.
/// </summary>
internal static partial class ProgressiveChange
{
    /// <summary>The -ing verb after the council reference and its auxiliary, or null.</summary>
    public static TextSpan? After(string folded, TextSpan reference, int sentenceEnd) =>
        AfterReference.Find(Changing(), folded, reference, sentenceEnd);

    [GeneratedRegex(
        @"\G(?:'s|'re| is| are| was| were)(?: (?:now|already|quietly|finally|actually|really|apparently|just|only))? (?<verb>[a-z]{3,}ing)\b"
        + @"(?: [\w'-]+){0,5}? (?:(?:to|by|from) (?:£|\d|half|double|a third|a quarter)|up|down|off|out|away)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Changing();
}
