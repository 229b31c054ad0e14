namespace SocialWatch.Rules.Misrepresentation;

/// <summary>A sentence of folded text: its span and whether it asks a question.</summary>
internal readonly record struct Sentence(int Start, int Length, bool IsQuestion)
{
    public int End => Start + Length;
}

/// <summary>
/// Splits folded text into sentences at '.', '!', '?' followed by a space or the end, and at line
/// breaks. Decimal points ("2.5"), times ("7.30pm") and domains ("gov.uk/news") do not split.
/// </summary>
internal static class Sentences
{
    public static List<Sentence> Split(string text)
    {
        var result = new List<Sentence>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                Add(result, text, start, i, false);
                start = i + 1;
                i++;
                continue;
            }

            if (c is '.' or '!' or '?')
            {
                var end = i;
                var question = false;
                while (end < text.Length && text[end] is '.' or '!' or '?')
                {
                    question |= text[end] == '?';
                    end++;
                }

                if (end == text.Length || char.IsWhiteSpace(text[end]) || text[end] is '"' or ')' or '\'')
                {
                    // Include a closing quote or bracket in the sentence.
                    while (end < text.Length && text[end] is '"' or ')' or '\'')
                    {
                        end++;
                    }

                    Add(result, text, start, end, question);
                    start = end;
                }

                i = end;
                continue;
            }

            i++;
        }

        Add(result, text, start, text.Length, false);
        return result;
    }

    private static void Add(List<Sentence> result, string text, int start, int end, bool question)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        if (end > start)
        {
            result.Add(new Sentence(start, end - start, question));
        }
    }
}
