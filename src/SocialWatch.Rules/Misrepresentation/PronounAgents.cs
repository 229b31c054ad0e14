using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// "The council met on Tuesday. They voted to close the library.": a pronoun in the sentence after a
/// council reference carries the council on as the agent. Only the subject pronouns that can stand for
/// an organisation ("they", "it" and their contractions), and only as the first or second word of the
/// sentence, where a subject stands.
/// </summary>
internal static class PronounAgents
{
    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal)
    {
        "they", "they're", "theyre", "they've", "theyve", "they'll", "theyll", "it", "it's", "it'll",
    };

    public static TextSpan? Find(string folded, Sentence sentence)
    {
        var i = sentence.Start;
        for (var word = 0; word < 2; word++)
        {
            while (i < sentence.End && !char.IsAsciiLetter(folded[i]))
            {
                i++;
            }

            var start = i;
            while (i < sentence.End && (char.IsAsciiLetter(folded[i]) || folded[i] == '\''))
            {
                i++;
            }

            if (i == start)
            {
                return null;
            }

            var candidate = folded.AsSpan(start, i - start);
            if (Pronouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(candidate))
            {
                return new TextSpan(start, i - start, candidate.ToString());
            }
        }

        return null;
    }
}
