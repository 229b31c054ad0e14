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
    }

    public bool IsEmpty => _entries.Length == 0;

    /// <summary>True when any entry occurs in <paramref name="folded"/>.</summary>
    public bool ContainsAny(string folded)
    {
        foreach (var entry in _entries)
        {
            if (Find(folded, entry, 0) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>First occurrence of any entry, or null.</summary>
    public TextSpan? FindFirst(string folded)
    {
        TextSpan? best = null;
        foreach (var entry in _entries)
        {
            var at = Find(folded, entry, 0);
            if (at >= 0 && (best is null || at < best.Value.Start))
            {
                best = new TextSpan(at, MatchLength(folded, at, entry), entry.Text);
            }
        }

        return best;
    }

    /// <summary>Every occurrence of every entry (candidate path only: allocates).</summary>
    public List<TextSpan> FindAll(string folded)
    {
        var spans = new List<TextSpan>();
        foreach (var entry in _entries)
        {
            var from = 0;
            while (from < folded.Length)
            {
                var at = Find(folded, entry, from);
                if (at < 0)
                {
                    break;
                }

                spans.Add(new TextSpan(at, MatchLength(folded, at, entry), entry.Text));
                from = at + entry.Text.Length;
            }
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return spans;
    }

    private static int Find(string folded, Entry entry, int from)
    {
        while (from <= folded.Length - entry.Text.Length)
        {
            var at = folded.IndexOf(entry.Text, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return -1;
            }

            var end = at + entry.Text.Length;
            var startOk = !IsWordChar(entry.Text[0]) || at == 0 || !IsWordChar(folded[at - 1]);
            var endOk = entry.Prefix || !IsWordChar(entry.Text[^1]) || end == folded.Length || !IsWordChar(folded[end]);
            if (startOk && endOk)
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
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
