using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// Colloquial posts drop the auxiliary: "council shutting the toilets again", "town council
/// giving the club another £20k", "TC scrapping the weekly bins". The council straight followed by a verb
/// in -ing with its object (a determiner, a number or a sum, a particle: "up", "off", or a plural with
/// where it goes: "moving bins to…") is the council
/// doing it, as "the council is shutting…" is. Nouns in -ing that follow "council" ("council meeting",
/// "council housing", "council planning committee") are not verbs, and take no object this way.
/// </summary>
internal static partial class DroppedAuxiliary
{
    /// <summary>The -ing verb right after the council reference, or null.</summary>
    public static TextSpan? After(string folded, TextSpan reference, int sentenceEnd) =>
        AfterReference.Find(Progressive(), folded, reference, sentenceEnd);

    [GeneratedRegex(
        @"\G(?: (?:now|already|quietly|finally|actually|really|seriously|still|just|apparently))? (?<verb>(?!(?:meeting|meetings|building|buildings|housing|planning|parking|evening|morning|training|something|anything|nothing|everything|wedding|bring|king|ring|thing|things|spring|string|during|ceiling|offerings|listing|hearing|ruling|sitting|recording|reading|briefing|tendering|ranking|rating|wording|marking|heading|painting|landing|being)\b)[a-z]{2,}ing)"
        + @" (?:the|a|an|our|its|their|his|her|another|all|every|more|off|out|up|down|over|away|through|in|£|\d|[a-z]{3,}s (?:to|from|for|into|at|on|in|and|by|over)\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Progressive();
}
