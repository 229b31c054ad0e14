using System.Text;

namespace SocialWatch.Worker.Storage;

/// <summary>
/// PostgreSQL refuses NUL in text and jsonb, and invalid UTF-16 (a lone surrogate) cannot be encoded
/// as UTF-8 at all. Platforms send both. Rather than lose the post, each is replaced by U+FFFD, the
/// Unicode replacement character, so the rest of the text is kept as it was.
/// </summary>
internal static class StoredText
{
    private const char Replacement = '\uFFFD';

    public static string Clean(string text)
    {
        if (!NeedsCleaning(text))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                builder.Append(Replacement);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append(Replacement);
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    /// <summary>Cleans raw JSON for a jsonb column: the characters above, and the escapes
    /// <c>\u0000</c> and lone-surrogate <c>\uD800</c>-style escapes, which jsonb also refuses.</summary>
    public static string CleanJson(string json)
    {
        var text = Clean(json);
        if (!text.Contains("\\u", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\\' || i + 1 >= text.Length)
            {
                builder.Append(c);
                continue;
            }
            var next = text[i + 1];
            if (next != 'u' || i + 5 >= text.Length || !TryHex(text.AsSpan(i + 2, 4), out var code))
            {
                // Any other escape (\\, \", \n …) is copied whole, so an escaped backslash is never
                // mistaken for the start of a \u escape.
                builder.Append(c).Append(next);
                i++;
                continue;
            }
            var isHigh = code is >= 0xD800 and <= 0xDBFF;
            var isLow = code is >= 0xDC00 and <= 0xDFFF;
            if (code == 0 || isLow)
            {
                builder.Append("\\uFFFD");
                i += 5;
            }
            else if (isHigh)
            {
                var pairedLow = i + 11 < text.Length && text[i + 6] == '\\' && text[i + 7] == 'u'
                    && TryHex(text.AsSpan(i + 8, 4), out var low) && low is >= 0xDC00 and <= 0xDFFF;
                if (pairedLow)
                {
                    builder.Append(text, i, 12);
                    i += 11;
                }
                else
                {
                    builder.Append("\\uFFFD");
                    i += 5;
                }
            }
            else
            {
                builder.Append(text, i, 6);
                i += 5;
            }
        }
        return builder.ToString();
    }

    /// <summary>Only NUL and a lone surrogate need work; a well-formed pair (an emoji) leaves the text as it is.</summary>
    private static bool NeedsCleaning(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return true;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return true;
            }
        }
        return false;
    }

    private static bool TryHex(ReadOnlySpan<char> digits, out int value) =>
        int.TryParse(digits, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out value);
}
