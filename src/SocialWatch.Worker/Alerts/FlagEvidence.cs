using System.Globalization;
using System.Text.Json;

namespace SocialWatch.Worker.Alerts;

/// <summary>A passage of the post the rule pointed at (UTF-16 offsets into the post text).</summary>
internal sealed record EvidenceSpan(int Start, int Length, string Kind);

/// <summary>The official statement a post contradicts.</summary>
internal sealed record Contradiction(string Text, string? Url, DateTime? PostedAt);

/// <summary>
/// What a clerk needs from a flag's evidence JSON, read the same way by the email and the review page:
/// the one-sentence summary the rule wrote, the passages of the post to highlight, how close the avatar
/// is to the council's logo, and the official statement contradicted. Every key is optional: older flags
/// and other rules lack some, and then that part is simply not shown.
/// </summary>
internal sealed class FlagEvidence
{
    public string? Summary { get; private init; }

    public IReadOnlyList<EvidenceSpan> Spans { get; private init; } = [];

    /// <summary>0–1, 1 being the council's logo itself.</summary>
    public double? LogoSimilarity { get; private init; }

    public Contradiction? Contradicts { get; private init; }

    /// <summary>The rest, as label/value lines of visible words (the "technical details").</summary>
    public IReadOnlyList<(string Label, string Value)> Details { get; private init; } = [];

    public static FlagEvidence Parse(string? json, string? postText)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
        }
        catch (JsonException)
        {
            return new FlagEvidence { Details = [("Evidence", json ?? "")] };
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new FlagEvidence { Details = [("Evidence", root.GetRawText())] };
            }
            var spans = new List<EvidenceSpan>();
            CollectSpans(root, "", postText ?? "", spans, depth: 0);
            return new FlagEvidence
            {
                Summary = String(root, "summary") is { Length: > 0 } s ? s : null,
                Spans = Merge(spans),
                LogoSimilarity = LogoFrom(root),
                Contradicts = ContradictionFrom(root),
                Details = root.EnumerateObject()
                    .Where(p => p.Name is not ("summary" or "logo_similarity" or "contradicts"))
                    .Take(20)
                    .Select(p => (Label(p.Name), Words(p.Value)))
                    .ToList(),
            };
        }
    }

    private static double? LogoFrom(JsonElement root)
    {
        if (root.TryGetProperty("logo_similarity", out var s) && s.ValueKind == JsonValueKind.Number)
        {
            return Math.Clamp(s.GetDouble(), 0, 1);
        }
        // Flags written before the rule gave the similarity: a 64-bit image hash distance.
        if (root.TryGetProperty("logo", out var logo) && logo.ValueKind == JsonValueKind.Object
            && logo.TryGetProperty("image_distance", out var d) && d.ValueKind == JsonValueKind.Number)
        {
            return Math.Clamp(1.0 - (d.GetDouble() / 64.0), 0, 1);
        }
        return null;
    }

    private static Contradiction? ContradictionFrom(JsonElement root)
    {
        if (!root.TryGetProperty("contradicts", out var c) || c.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var text = String(c, "text") ?? String(c, "statement_text");
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var url = String(c, "url") ?? String(c, "statement_url");
        DateTime? posted = DateTimeOffset.TryParse(String(c, "posted_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime : null;
        return new Contradiction(text, url, posted);
    }

    /// <summary>Every object with integer "start" and "length" inside the post is a passage; when it also
    /// carries the "text" it found, that text must be what sits there (else the passage is looked for).</summary>
    private static void CollectSpans(JsonElement e, string name, string post, List<EvidenceSpan> spans, int depth)
    {
        if (depth > 6)
        {
            return;
        }
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray().Take(100))
            {
                CollectSpans(item, name, post, spans, depth + 1);
            }
            return;
        }
        if (e.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        if (e.TryGetProperty("start", out var s) && s.TryGetInt32(out var start) && e.TryGetProperty("length", out var l) && l.TryGetInt32(out var length) && length > 0)
        {
            var text = String(e, "text");
            var kind = String(e, "kind") ?? name;
            if (start >= 0 && start + length <= post.Length && (text is null || string.CompareOrdinal(post, start, text, 0, length) == 0))
            {
                spans.Add(new EvidenceSpan(start, length, kind));
            }
            else if (text is { Length: > 0 } && post.IndexOf(text, StringComparison.Ordinal) is var found and >= 0)
            {
                spans.Add(new EvidenceSpan(found, text.Length, kind));
            }
        }
        foreach (var p in e.EnumerateObject())
        {
            CollectSpans(p.Value, p.Name, post, spans, depth + 1);
        }
    }

    /// <summary>Sorted, overlapping passages joined, so the text can be cut into plain and marked pieces.</summary>
    private static List<EvidenceSpan> Merge(List<EvidenceSpan> spans)
    {
        var merged = new List<EvidenceSpan>();
        foreach (var s in spans.OrderBy(s => s.Start).ThenByDescending(s => s.Length))
        {
            if (merged.Count > 0 && s.Start <= merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                var end = Math.Max(last.Start + last.Length, s.Start + s.Length);
                merged[^1] = last with { Length = end - last.Start };
            }
            else
            {
                merged.Add(s);
            }
        }
        return merged;
    }

    /// <summary>The post cut into (text, marked) pieces; passages that would split a surrogate pair are widened.</summary>
    public IEnumerable<(string Text, bool Marked)> Pieces(string post)
    {
        var at = 0;
        foreach (var span in Spans)
        {
            var start = Math.Max(span.Start, at);
            var end = Math.Min(post.Length, span.Start + span.Length);
            if (start > 0 && start < post.Length && char.IsLowSurrogate(post[start]))
            {
                start--;
            }
            if (end < post.Length && end > 0 && char.IsLowSurrogate(post[end]))
            {
                end++;
            }
            if (end <= start)
            {
                continue;
            }
            if (start > at)
            {
                yield return (post[at..start], false);
            }
            yield return (post[start..end], true);
            at = end;
        }
        if (at < post.Length)
        {
            yield return (post[at..], false);
        }
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Label(string name)
    {
        // "subject" is what a claim is about; shown as a bare "Subject:" line it reads like a mail header.
        var label = (name.Equals("subject", StringComparison.OrdinalIgnoreCase) ? "about" : name).Replace('_', ' ');
        return label.Length > 0 ? char.ToUpperInvariant(label[0]) + label[1..] : label;
    }

    /// <summary>Evidence values as words a clerk reads, not JSON: nested objects become
    /// "key value; key value", lists are joined.</summary>
    internal static string Words(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString() ?? "",
        JsonValueKind.Array when e.EnumerateArray().All(x => x.ValueKind is JsonValueKind.String or JsonValueKind.Number) =>
            string.Join(", ", e.EnumerateArray().Select(Words)),
        JsonValueKind.Array => string.Join(" | ", e.EnumerateArray().Select(Words)),
        JsonValueKind.Object => string.Join("; ", e.EnumerateObject().Select(p => $"{p.Name.Replace('_', ' ')} {Words(p.Value)}")),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Null => "",
        _ => e.GetRawText(),
    };
}
