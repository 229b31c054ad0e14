using System.Text;

namespace SocialWatch.Rules.Normalisation;

/// <summary>
/// Reduces a display name or handle to the letters a reader sees, so look-alikes compare equal:
/// "Le1gh Town Counc1l", "LEIGH.TOWN.COUNCIL", "Leіgh Town Council" (Cyrillic і), "LeighTownCounciI",
/// "Leigh Tovvn Council" and "Leigh Town Cornrnunity" all become plain lower-case Latin letters.
/// </summary>
/// <remarks>
/// Steps: the text folding (NFKC, case, accents, zero-width, UTS #39 prototypes), a capital I inside a
/// lower-case word read as l, digits and symbols read as the letters they resemble, everything that is
/// not a letter dropped (separators, emoji, punctuation), then "rn" read as m, "vv" as w, and i as l
/// (so keys read oddly, "lelghtowncouncll", but every i/l/1/I look-alike meets).
/// </remarks>
internal static class NameKey
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var withCapitalI = ReadCapitalIAsL(text);
        var folded = TextFolding.Fold(withCapitalI);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var mapped = c switch
            {
                '0' => 'o',
                '1' or '|' or '!' => 'l',
                '3' => 'e',
                '4' or '@' => 'a',
                '5' or '$' => 's',
                '7' or '+' => 't',
                '8' => 'b',
                '9' => 'g',
                _ => c,
            };
            if (char.IsAsciiLetterLower(mapped))
            {
                builder.Append(mapped);
            }
            else if (char.IsLetter(mapped))
            {
                builder.Append(mapped); // other scripts without a Latin look-alike stay themselves
            }
        }

        // i, l, 1 and capital I are one letter to a reader of a handle ("Le1gh", "Counc1l", "CounciI").
        builder.Replace("rn", "m").Replace("vv", "w").Replace('i', 'l');
        return builder.ToString();
    }

    /// <summary>
    /// Splits a name or handle into word tokens (separators, camel case, digit runs) and keys each:
    /// "LTC_info_desk" → [ltc, info, desk], "LeighTCHelp" → [leigh, tc, help].
    /// </summary>
    public static IReadOnlyList<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var current = new StringBuilder();
        var folded = ReadCapitalIAsL(text);
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (!char.IsLetterOrDigit(c) && !char.IsSurrogate(c))
            {
                Flush();
                continue;
            }

            if (current.Length > 0 && char.IsUpper(c))
            {
                var previous = folded[i - 1];
                var next = i + 1 < folded.Length ? folded[i + 1] : '\0';
                // "leighTown" splits before T; "TCHelp" splits before H (upper followed by lower).
                if (char.IsLower(previous) || (char.IsUpper(previous) && char.IsLower(next)))
                {
                    Flush();
                }
            }

            current.Append(c);
        }

        Flush();
        return tokens;

        void Flush()
        {
            if (current.Length == 0)
            {
                return;
            }

            var key = Of(current.ToString());
            if (key.Length > 0)
            {
                tokens.Add(key);
            }

            current.Clear();
        }
    }

    /// <summary>"CounciI" and "CounciII" are Council with capital I for l; "LEIGH" and "Info" are left alone.</summary>
    private static string ReadCapitalIAsL(string text)
    {
        if (!text.Contains('I', StringComparison.Ordinal))
        {
            return text;
        }

        var chars = text.ToCharArray();
        var previousWasLowerOrReadAsL = false;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c == 'I' && previousWasLowerOrReadAsL)
            {
                chars[i] = 'l';
                continue;
            }

            previousWasLowerOrReadAsL = char.IsLower(c);
        }

        return new string(chars);
    }
}
