using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Leaks.Concepts;

/// <summary>
/// A councillor's advice "surgery" is a drop-in session for residents, not an operation: "my advice
/// surgery is on Saturday", "Cllr Jo Smith's surgery at the library", "ward surgery cancelled", "busy surgery
/// this morning: potholes and bins". Why: "surgery" is a health word beside a person's name, and members
/// announce their surgeries by name, where, when and what was raised. A surgery with a body part or an
/// operation's words ("surgery on her shoulder", "back surgery", "went ok", "recovering") stays health.
/// </summary>
internal static partial class AdviceSurgery
{
    /// <summary>The matter's words less the "surgery" that is an advice session.</summary>
    public static IReadOnlyList<TextSpan> Without(string folded, IReadOnlyList<TextSpan> words)
    {
        if (words.Count == 0 || !folded.Contains("surger", StringComparison.Ordinal) || !Session().IsMatch(folded) || Operation().IsMatch(folded))
        {
            return words;
        }

        return [.. words.Where(w => !w.Term.StartsWith("surger", StringComparison.Ordinal))];
    }

    // The session: named as a councillor's, advice or ward one, or given a place, a time or what residents raised.
    [GeneratedRegex(
        @"\b(?:advice|ward|councillor'?s?|cllr'?s?|member'?s?|constituency|drop-in|residents'?|community|weekly|monthly|street|pop-up|mobile)\s+surger(?:y|ies)\b"
        + @"|\bsurger(?:y|ies)\b[^.!?\n]{0,30}?\b(?:at the (?:library|hall|centre|community|town|council|church|cafe)|for residents|drop in|drop-in|pop in|come along|all welcome|by appointment|raised|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{1,2}(?::\d\d)?\s?(?:am|pm)|\d{1,2}\s?-\s?\d{1,2})\b"
        + @"|\b(?:busy|quiet|packed|good|long) surgery\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Session();

    // An operation on someone: a body part, the words of recovery or of being off, a hospital.
    [GeneratedRegex(
        @"\bsurgery on (?:his|her|their|my)\b|\b(?:knee|hip|back|shoulder|heart|eye|hernia|spine|wrist|ankle|foot|keyhole|major|minor|emergency)\s+surgery\b|\b(?:after|before|since|recovering from|recovery from|post-?op)\b[^.!?\n]{0,12}surgery\b|\bsurgery (?:went|was a success|next week|tomorrow) (?:ok|well|fine|badly|so she|so he)?|\bhospital\b|\boff (?:sick|work|for)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Operation();
}
