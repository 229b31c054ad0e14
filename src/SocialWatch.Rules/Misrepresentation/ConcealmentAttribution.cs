using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// Concealment or a motive put on the council: "the council is hiding the report", "LTC are
/// covering up the flooding", "the town council is keeping quiet about the cost", "sitting on the survey".
/// An accusation about what the council does with information is a claim about it, and the clerk should
/// know of it; it uses no assertion word. The council must be the subject (right before the verb);
/// "I'm keeping quiet about the council's plans" is the writer's silence.
/// </summary>
internal static partial class ConcealmentAttribution
{
    /// <summary>The concealment verb right after the council reference, or null.</summary>
    public static TextSpan? After(string folded, TextSpan reference, int sentenceEnd) =>
        AfterReference.Find(Concealing(), folded, reference, sentenceEnd);

    [GeneratedRegex(
        @"\G(?:'s|s|'re|'ve)?(?: (?:is|are|was|were|has been|have been|has|have|been|now|still|clearly|obviously|conveniently|quietly|deliberately|again))*"
        + @" (?<verb>hiding|hid|hidden|hides|hide|covering (?:up|it up|this up|that up)|covered (?:up|it up)|cover(?:s)? up|keeping (?:quiet|schtum|shtum|mum|it quiet|it secret|it hidden|(?:it|this|that|the [\p{L}-]+) (?:quiet|secret|hidden|under wraps))"
        + @"|kept (?:quiet|it quiet|it secret)|sitting on|sat on|burying|buried|bury|hushing (?:up|it up)|hushed (?:up|it up)|sweeping (?:it|this|that|the [\p{L}-]+) under|swept (?:it|this|that) under|suppressing|suppressed|withholding|withheld|hiding behind)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Concealing();
}
