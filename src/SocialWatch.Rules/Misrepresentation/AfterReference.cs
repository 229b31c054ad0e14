using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// What a claim-structure pattern finds straight after a reference to the council, before the sentence
/// ends. Why one place: each concept (a stance, a verb in -ing, a gift, a present-tense headline…) reads
/// the words after the council the same way and differs only in its pattern, anchored there with \G.
/// </summary>
internal static class AfterReference
{
    /// <summary>The named group of <paramref name="pattern"/> matched at the end of the reference, or null.</summary>
    public static TextSpan? Find(Regex pattern, string folded, TextSpan reference, int sentenceEnd, string group = "verb")
    {
        if (reference.End >= sentenceEnd)
        {
            return null;
        }

        var match = pattern.Match(folded, reference.End, sentenceEnd - reference.End);
        if (!match.Success)
        {
            return null;
        }

        var found = match.Groups[group];
        return new TextSpan(found.Index, found.Length, found.Value);
    }
}
