using System.Buffers;

namespace SocialWatch.Rules.Normalisation;

/// <summary>A span found in folded text.</summary>
internal readonly record struct TextSpan(int Start, int Length, string Term)
{
    public int End => Start + Length;
}

/// <summary>
/// A configured list of words and phrases, matched in folded text on word boundaries. An entry ending
/// in '*' matches any word that starts with it ("tender*" matches "tenders", "tendering").
/// Entries are folded the same way as the text, so "Part 2", "PART 2" and "Pаrt 2" all match.
/// </summary>
internal sealed class Lexicon
{
    private readonly Entry[] _entries;

    // One multi-string search (SearchValues: vectorised, Teddy/Aho-Corasick) finds every position where
    // some entry starts; the entries starting with that character are then checked there, in list order.
    private readonly SearchValues<string>? _search;
    private readonly Dictionary<char, Entry[]> _byFirstChar;

    public Lexicon(IEnumerable<string> terms)
    {
        _entries = terms
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => t.Trim())
            .Select(t => t.EndsWith('*')
                ? new Entry(TextFolding.Fold(t[..^1]), Prefix: true)
                : new Entry(TextFolding.Fold(t), Prefix: false))
            .Where(e => e.Text.Length > 0)
            .Distinct()
            .ToArray();
        _byFirstChar = _entries.GroupBy(e => e.Text[0]).ToDictionary(g => g.Key, g => g.ToArray());
        _search = _entries.Length == 0
            ? null
            : SearchValues.Create(_entries.Select(e => e.Text).Distinct(StringComparer.Ordinal).ToArray(), StringComparison.Ordinal);
    }

    public bool IsEmpty => _entries.Length == 0;

    /// <summary>True when any entry occurs in <paramref name="folded"/>.</summary>
    public bool ContainsAny(string folded) => Next(folded, 0, out _, out _);

    /// <summary>First occurrence of any entry (the earliest; at one position the first entry listed), or null.</summary>
    public TextSpan? FindFirst(string folded) =>
        Next(folded, 0, out var at, out var entry) ? new TextSpan(at, MatchLength(folded, at, entry!), entry!.Text) : null;

    private static readonly List<TextSpan> NoSpans = [];

    /// <summary>
    /// Every occurrence of every entry, by position. Allocates a list only when something is found; the
    /// empty result is shared, so callers must not modify the list.
    /// </summary>
    public IReadOnlyList<TextSpan> FindAll(string folded)
    {
        List<TextSpan>? spans = null;
        if (_search is null)
        {
            return NoSpans;
        }

        var from = 0;
        while (from < folded.Length)
        {
            var index = folded.AsSpan(from).IndexOfAny(_search);
            if (index < 0)
            {
                break;
            }

            var at = from + index;
            foreach (var entry in _byFirstChar[folded[at]])
            {
                if (MatchesAt(folded, at, entry))
                {
                    (spans ??= []).Add(new TextSpan(at, MatchLength(folded, at, entry), entry.Text));
                }
            }

            from = at + 1;
        }

        return spans ?? NoSpans;
    }

    /// <summary>The first position at or after <paramref name="from"/> where an entry matches on word boundaries.</summary>
    private bool Next(string folded, int from, out int at, out Entry? matched)
    {
        if (_search is not null)
        {
            while (from < folded.Length)
            {
                var index = folded.AsSpan(from).IndexOfAny(_search);
                if (index < 0)
                {
                    break;
                }

                at = from + index;
                foreach (var entry in _byFirstChar[folded[at]])
                {
                    if (MatchesAt(folded, at, entry))
                    {
                        matched = entry;
                        return true;
                    }
                }

                from = at + 1;
            }
        }

        at = -1;
        matched = null;
        return false;
    }

    private static bool MatchesAt(string folded, int at, Entry entry)
    {
        if (!folded.AsSpan(at).StartsWith(entry.Text, StringComparison.Ordinal))
        {
            return false;
        }

        var end = at + entry.Text.Length;
        var startOk = !IsWordChar(entry.Text[0]) || at == 0 || !IsWordChar(folded[at - 1]);
        var endOk = entry.Prefix || !IsWordChar(entry.Text[^1]) || end == folded.Length || !IsWordChar(folded[end]);
        return startOk && endOk;
    }

    private static int MatchLength(string folded, int at, Entry entry)
    {
        var end = at + entry.Text.Length;
        if (entry.Prefix)
        {
            while (end < folded.Length && IsWordChar(folded[end]))
            {
                end++;
            }
        }

        return end - at;
    }

    internal static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    private sealed record Entry(string Text, bool Prefix);
}
