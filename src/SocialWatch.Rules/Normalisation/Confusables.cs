using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace SocialWatch.Rules.Normalisation;

/// <summary>
/// Unicode's UTS #39 confusables mapping (Data/confusables.txt, embedded), loaded once on first use.
/// Maps a code point to its prototype sequence; the skeleton of a string is NFD, prototypes, NFD.
/// </summary>
internal static class Confusables
{
    private static readonly Lazy<FrozenDictionary<int, string>> Map = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static int Count => Map.Value.Count;

    /// <summary>The prototype of one code point, or null when it is its own prototype.</summary>
    public static string? Prototype(int codePoint) =>
        Map.Value.TryGetValue(codePoint, out var prototype) ? prototype : null;

    /// <summary>UTS #39 skeleton: NFD, every code point replaced by its prototype, NFD again.</summary>
    public static string Skeleton(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = SafeNormalize(text, NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var prototype = Prototype(rune.Value);
            if (prototype is null)
            {
                builder.Append(rune.ToString());
            }
            else
            {
                builder.Append(prototype);
            }
        }

        return SafeNormalize(builder.ToString(), NormalizationForm.FormD);
    }

    /// <summary>
    /// string.Normalize throws on lone surrogates and on some non-characters (U+FFFE); replace them with
    /// U+FFFD first so that garbage never throws, and fall back to the text unchanged as a last resort.
    /// </summary>
    internal static string SafeNormalize(string text, NormalizationForm form)
    {
        try
        {
            return text.Normalize(form);
        }
        catch (ArgumentException)
        {
            var chars = text.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                var c = chars[i];
                if (char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                {
                    var codePoint = char.ConvertToUtf32(c, chars[i + 1]);
                    if ((codePoint & 0xFFFE) == 0xFFFE)
                    {
                        chars[i] = '\uFFFD';
                        chars[i + 1] = '\uFFFD';
                    }

                    i++;
                }
                else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' || c is >= '\uFDD0' and <= '\uFDEF')
                {
                    chars[i] = '\uFFFD';
                }
            }

            try
            {
                return new string(chars).Normalize(form);
            }
            catch (ArgumentException)
            {
                return new string(chars);
            }
        }
    }

    private static FrozenDictionary<int, string> Load()
    {
        using var stream = typeof(Confusables).Assembly.GetManifestResourceStream("SocialWatch.Rules.Data.confusables.txt")
            ?? throw new InvalidOperationException("The embedded resource SocialWatch.Rules.Data.confusables.txt is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var map = new Dictionary<int, string>(10_000);
        while (reader.ReadLine() is { } line)
        {
            // Data lines: "0031 ;\t006C ;\tMA\t# ( 1 → l ) ...". Comments and blank lines start otherwise.
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var data = hash >= 0 ? line.AsSpan(0, hash) : line.AsSpan();
            var firstSemicolon = data.IndexOf(';');
            if (firstSemicolon <= 0)
            {
                continue;
            }

            var rest = data[(firstSemicolon + 1)..];
            var secondSemicolon = rest.IndexOf(';');
            if (secondSemicolon < 0)
            {
                continue;
            }

            if (!int.TryParse(data[..firstSemicolon].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var source))
            {
                continue;
            }

            var target = new StringBuilder();
            foreach (var part in rest[..secondSemicolon].Trim().ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var cp) && Rune.IsValid(cp))
                {
                    target.Append(new Rune(cp).ToString());
                }
            }

            map[source] = target.ToString();
        }

        return map.ToFrozenDictionary();
    }
}
