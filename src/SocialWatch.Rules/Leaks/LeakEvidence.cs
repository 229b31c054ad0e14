using System.Text.Json.Nodes;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Leaks;

/// <summary>Evidence spans with the text and offsets of the original post (what the clerk sees).</summary>
internal static class LeakEvidence
{
    /// <summary>The opening every summary shares, so a clerk reads who posted before what.</summary>
    public const string Who = "A registered staff account posted";

    public static JsonObject Span(string original, string folded, int start, int length, string kind)
    {
        var originalStart = TextFolding.ToOriginalOffset(original, start);
        var originalEnd = TextFolding.ToOriginalOffset(original, start + length);
        if (originalEnd <= originalStart)
        {
            originalEnd = Math.Min(original.Length, originalStart + length);
        }

        return Original(original, originalStart, originalEnd - originalStart, kind);
    }

    public static JsonObject Original(string original, int start, int length, string kind) => new()
    {
        ["kind"] = kind,
        ["text"] = original.Substring(start, Math.Min(length, original.Length - start)),
        ["start"] = start,
        ["length"] = length,
    };

    /// <summary>"a, b and c".</summary>
    public static string JoinWords(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
