using System.Buffers;
using System.Globalization;
using System.Text;

namespace SocialWatch.Rules.Normalisation;

/// <summary>
/// Folds post text for matching: lower case, NFKC compatibility forms (full-width, ligatures, maths
/// letters) to plain letters, accents removed, look-alike letters from other scripts replaced by their
/// Latin prototype (UTS #39), zero-width and bidi-control characters dropped, NUL and lone surrogates
/// made spaces, typographic quotes and dashes made ASCII. Emoji are kept.
/// </summary>
/// <remarks>
/// All-ASCII text takes a fast path (one lower-casing). Per-character results are cached in a table
/// filled on first use, so the slow path costs a table look-up per character.
/// Offsets in the folded text differ from the original only when characters were dropped or expanded;
/// <see cref="ToOriginalOffset"/> re-walks the text to map them back (only done when building evidence).
/// </remarks>
internal static class TextFolding
{
    // One entry per UTF-16 code unit (BMP); null until computed. Races only write equal values.
    private static readonly string?[] CharTable = new string?[char.MaxValue + 1];

    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsPlainAscii(text))
        {
            return text.ToLowerInvariant();
        }

        char[]? rented = null;
        var capacity = text.Length * 3;
        Span<char> buffer = capacity <= 512 ? stackalloc char[512] : (rented = ArrayPool<char>.Shared.Rent(capacity));
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var folded = FoldAt(text, i, out var consumed);
            if (length + folded.Length > buffer.Length)
            {
                // Expansion beyond 3x is impossible for the table (at most 3 chars per unit); guard anyway.
                break;
            }

            folded.CopyTo(buffer[length..]);
            length += folded.Length;
            i += consumed - 1;
        }

        var result = new string(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>Maps an offset in <c>Fold(original)</c> back to the offset in <paramref name="original"/>.</summary>
    public static int ToOriginalOffset(string original, int foldedOffset)
    {
        if (IsPlainAscii(original))
        {
            return Math.Min(foldedOffset, original.Length);
        }

        var position = 0;
        for (var i = 0; i < original.Length; i++)
        {
            var folded = FoldAt(original, i, out var consumed);
            if (position + folded.Length > foldedOffset)
            {
                return i;
            }

            position += folded.Length;
            i += consumed - 1;
        }

        return original.Length;
    }

    /// <summary>True when the text is ASCII without NUL or other control characters that need folding.</summary>
    public static bool IsPlainAscii(string text)
    {
        foreach (var c in text)
        {
            if (c >= 0x80 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when the text has characters that folding could turn into ASCII letters or remove from
    /// between them (non-ASCII letters, digits, marks, format characters, NUL). Emoji, dashes and curly
    /// quotes do not count, so ordinary posts with emoji can be pre-filtered without folding.
    /// </summary>
    private static readonly SearchValues<char> AsciiWithoutNul =
        SearchValues.Create(Enumerable.Range(1, 0x7F).Select(c => (char)c).ToArray());

    public static bool MayHideLetters(string text)
    {
        // Vectorised: plain ASCII without NUL (most posts) is answered without a per-character loop.
        var first = text.AsSpan().IndexOfAnyExcept(AsciiWithoutNul);
        if (first < 0)
        {
            return false;
        }

        foreach (var c in text.AsSpan(first))
        {
            if (c < 0x80)
            {
                if (c == '\0')
                {
                    return true;
                }

                continue;
            }

            if (char.IsSurrogate(c))
            {
                continue; // emoji; astral maths letters are rare enough to accept missing in the pre-filter
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is not (UnicodeCategory.DashPunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation or UnicodeCategory.OtherSymbol
                or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.SpaceSeparator
                or UnicodeCategory.ModifierSymbol))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> FoldAt(string text, int index, out int consumed)
    {
        consumed = 1;
        var c = text[index];
        if (char.IsHighSurrogate(c))
        {
            if (index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                // Astral code points (emoji, maths letters): NFKC maps the maths alphabets to ASCII.
                consumed = 2;
                var pair = text.AsSpan(index, 2);
                var codePoint = char.ConvertToUtf32(c, text[index + 1]);
                if (codePoint is >= 0x1D400 and <= 0x1D7FF)
                {
                    return FoldString(pair.ToString());
                }

                return pair;
            }

            return " ";
        }

        if (char.IsLowSurrogate(c))
        {
            return " ";
        }

        return CharTable[c] ??= ComputeStable(c);
    }

    /// <summary>
    /// Folds one character, then folds the result again until nothing changes (a decomposition can yield
    /// characters that themselves fold, e.g. a circled letter), so that folding is idempotent.
    /// </summary>
    private static string ComputeStable(char c)
    {
        var current = ComputeChar(c);
        for (var round = 0; round < 3; round++)
        {
            var next = new System.Text.StringBuilder(current.Length);
            foreach (var ch in current)
            {
                next.Append(char.IsSurrogate(ch) ? ch.ToString() : ComputeChar(ch));
            }

            var folded = next.Length <= 3 ? next.ToString() : next.ToString(0, 3);
            if (folded == current)
            {
                break;
            }

            current = folded;
        }

        return current;
    }

    private static string ComputeChar(char c)
    {
        if (c < 0x80)
        {
            return c < 0x20 && c != '\n' && c != '\r' && c != '\t' ? " " : char.ToLowerInvariant(c).ToString();
        }

        switch (c)
        {
            case '\u2018' or '\u2019' or '\u201B' or '\u2032' or '\u02BC':
                return "'";
            case '\u201C' or '\u201D' or '\u201E' or '\u2033':
                return "\"";
            case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212':
                return "-";
            case '\u00A3':
                return "£";
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        switch (category)
        {
            case UnicodeCategory.Format:
                return ""; // zero-width space/joiners, bidi overrides, BOM, soft hyphen
            case UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark:
                return ""; // accents and other combining marks
            case UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator:
                return " ";
            case UnicodeCategory.Control:
                return " ";
            case UnicodeCategory.OtherSymbol or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse:
                return c.ToString(); // emoji and pictographs stay as they are
        }

        return FoldString(c.ToString());
    }

    /// <summary>NFKD, marks dropped, lower case, then look-alikes mapped to a Latin prototype.</summary>
    private static string FoldString(string s)
    {
        var decomposed = Confusables.SafeNormalize(s, NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
            {
                continue;
            }

            var lower = Rune.ToLowerInvariant(rune);
            if (lower.Value < 0x80)
            {
                builder.Append((char)lower.Value);
                continue;
            }

            // Other-script look-alikes: take the prototype when it is plain Latin (Cyrillic а → a).
            var prototype = Confusables.Prototype(lower.Value) ?? Confusables.Prototype(rune.Value);
            if (prototype is not null && IsAsciiLetterOrDigit(prototype))
            {
                builder.Append(prototype.ToLowerInvariant());
            }
            else
            {
                builder.Append(lower.ToString());
            }
        }

        // Keep the table's promise of at most 3 chars per code unit.
        return builder.Length <= 3 ? builder.ToString() : builder.ToString(0, 3);
    }

    private static bool IsAsciiLetterOrDigit(string s)
    {
        if (s.Length == 0)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
