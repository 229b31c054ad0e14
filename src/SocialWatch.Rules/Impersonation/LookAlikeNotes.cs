using System.Globalization;
using System.Text;

namespace SocialWatch.Rules.Impersonation;

/// <summary>
/// Says in plain words how a name imitates the organisation's: "a 1 for the l", "a look-alike letter
/// from another alphabet (і) for the i", "the letters ow swapped", "rn for m". Why: a clerk cannot see a
/// Cyrillic і or tell a capital I from an l; the sentence names what the key comparison found.
/// </summary>
internal static class LookAlikeNotes
{
    public static IReadOnlyList<string> Describe(string text, string resembles)
    {
        var notes = new List<string>();
        var hidden = new StringBuilder();
        var visible = Visible(text, hidden);
        var target = Visible(resembles, new StringBuilder());
        if (hidden.Length > 0)
        {
            notes.Add(hidden.ToString());
        }

        if (visible.Count == target.Count)
        {
            // Same length: compare letter by letter, which names each substitution and swap.
            for (var i = 0; i < visible.Count; i++)
            {
                var (a, b) = (visible[i], char.ToLowerInvariant(target[i]));
                if (char.ToLowerInvariant(a) == b && a != 'I')
                {
                    continue;
                }

                if (a == 'I' && b == 'i')
                {
                    continue;
                }

                if (i + 1 < visible.Count && char.ToLowerInvariant(visible[i + 1]) == b && char.ToLowerInvariant(a) == char.ToLowerInvariant(target[i + 1]))
                {
                    Add($"the letters {char.ToLowerInvariant(target[i])}{char.ToLowerInvariant(target[i + 1])} swapped");
                    i++;
                    continue;
                }

                Add($"{Name(a)} for the {b}");
            }
        }
        else
        {
            var lower = string.Concat(visible).ToLowerInvariant();
            var plain = string.Concat(target).ToLowerInvariant();
            if (lower.Contains("rn", StringComparison.Ordinal) && plain.Contains('m', StringComparison.Ordinal) && !plain.Contains("rn", StringComparison.Ordinal))
            {
                Add("rn for m");
            }

            if (lower.Contains("vv", StringComparison.Ordinal) && plain.Contains('w', StringComparison.Ordinal) && !plain.Contains("vv", StringComparison.Ordinal))
            {
                Add("vv for w");
            }

            foreach (var c in visible.Where(c => c > 0x7F || char.IsDigit(c)).Distinct())
            {
                Add($"{Name(c)} among its letters");
            }
        }

        return notes;

        void Add(string note)
        {
            if (!notes.Contains(note))
            {
                notes.Add(note);
            }
        }
    }

    private static string Name(char c) => c switch
    {
        'I' => "a capital I",
        > (char)0x7F when char.IsLetter(c) => $"a look-alike letter from another alphabet ({c})",
        _ => $"a {c}",
    };

    /// <summary>The characters a reader compares (no spaces, separators or marks); invisible ones noted in <paramref name="hidden"/>.</summary>
    private static List<char> Visible(string text, StringBuilder hidden)
    {
        var chars = new List<char>(text.Length);
        var invisible = false;
        var marks = false;
        foreach (var c in WithoutLoneSurrogates(text).Normalize(NormalizationForm.FormD))
        {
            switch (char.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Format:
                    invisible = true;
                    break;
                case UnicodeCategory.NonSpacingMark:
                    marks |= c > 0x7F;
                    break;
                case UnicodeCategory.Surrogate:
                    break;
                default:
                    if (char.IsLetterOrDigit(c) || c is '|' or '!' or '$' or '@' or '+')
                    {
                        chars.Add(c);
                    }

                    break;
            }
        }

        if (invisible)
        {
            hidden.Append("invisible characters between its letters");
        }

        if (marks)
        {
            hidden.Append(hidden.Length > 0 ? " and " : "").Append("added accent marks");
        }

        return chars;
    }

    /// <summary>Unpaired surrogates dropped: normalising a string that holds one throws.</summary>
    private static string WithoutLoneSurrogates(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else if (!char.IsSurrogate(text[i]))
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }
}
