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
    /// <summary>Longest plain-ASCII text keyed on the stack; longer or non-ASCII text takes the general path.</summary>
    internal const int StackLimit = 256;

    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= StackLimit && TextFolding.IsPlainAscii(text))
        {
            // Fast path, one allocation (the result): a capital I needs no special reading here because
            // I, i and l all end as l; the rn/vv/i rewrites are done in place.
            Span<char> buffer = stackalloc char[text.Length];
            var length = KeyAscii(text, buffer);
            return length == 0 ? "" : new string(buffer[..length]);
        }

        return OfGeneral(text);
    }

    /// <summary>
    /// The key of plain-ASCII text written into <paramref name="destination"/> (at least as long as the
    /// text); returns its length. Same result as the general path for ASCII.
    /// </summary>
    internal static int KeyAscii(ReadOnlySpan<char> text, Span<char> destination)
    {
        var length = 0;
        foreach (var original in text)
        {
            var c = char.ToLowerInvariant(original);
            var mapped = LetterFor(c);
            if (char.IsAsciiLetterLower(mapped))
            {
                destination[length++] = mapped;
            }
        }

        // "rn" -> m and "vv" -> w (left to right, as sequential replacements give: the two share no letter),
        // and i -> l.
        var write = 0;
        for (var read = 0; read < length; read++)
        {
            var c = destination[read];
            if (c == 'r' && read + 1 < length && destination[read + 1] == 'n')
            {
                destination[write++] = 'm';
                read++;
            }
            else if (c == 'v' && read + 1 < length && destination[read + 1] == 'v')
            {
                destination[write++] = 'w';
                read++;
            }
            else
            {
                destination[write++] = c == 'i' ? 'l' : c;
            }
        }

        return write;
    }

    /// <summary>
    /// <see cref="Tokens"/> without allocating, for plain-ASCII text of at most <see cref="StackLimit"/>
    /// characters: the token keys are written one after another into <paramref name="keys"/>, and the end
    /// offset of each into <paramref name="tokenEnds"/>. Returns the number of tokens, or -1 when the text
    /// needs the general path.
    /// </summary>
    internal static int TokenKeys(string text, Span<char> keys, Span<int> tokenEnds)
    {
        if (text.Length > StackLimit || keys.Length < text.Length || tokenEnds.Length < text.Length || !TextFolding.IsPlainAscii(text))
        {
            return -1;
        }

        Span<char> read = stackalloc char[text.Length];
        ReadCapitalIAsL(text, read);
        var count = 0;
        var keyLength = 0;
        var tokenStart = -1;
        for (var i = 0; i <= read.Length; i++)
        {
            var split = i == read.Length || !char.IsLetterOrDigit(read[i]);
            if (!split && tokenStart >= 0 && char.IsUpper(read[i]))
            {
                var previous = read[i - 1];
                var next = i + 1 < read.Length ? read[i + 1] : '\0';
                split = char.IsLower(previous) || (char.IsUpper(previous) && char.IsLower(next));
            }

            if (split && tokenStart >= 0)
            {
                var length = KeyAscii(read[tokenStart..i], keys[keyLength..]);
                if (length > 0)
                {
                    keyLength += length;
                    tokenEnds[count++] = keyLength;
                }

                tokenStart = -1;
            }

            if (i < read.Length && char.IsLetterOrDigit(read[i]) && tokenStart < 0)
            {
                tokenStart = i;
            }
        }

        return count;
    }

    private static void ReadCapitalIAsL(ReadOnlySpan<char> text, Span<char> destination)
    {
        var previousWasLowerOrReadAsL = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == 'I' && previousWasLowerOrReadAsL)
            {
                destination[i] = 'l';
                continue;
            }

            destination[i] = c;
            previousWasLowerOrReadAsL = char.IsLower(c);
        }
    }

    /// <summary>The letter a digit or symbol stands in for in a look-alike name ("L3igh T0wn"), or the character itself.</summary>
    private static char LetterFor(char c) => c switch
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

    internal static string OfGeneral(string text)
    {
        var withCapitalI = ReadCapitalIAsL(text);
        var folded = TextFolding.Fold(withCapitalI);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var mapped = LetterFor(c);
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
