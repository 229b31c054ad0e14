using System.Text.Json.Serialization;

namespace SocialWatch.Connectors.Http;

/// <summary>
/// How far a time-ordered source has been read: the newest time stored and the ids stored at exactly
/// that time. Platforms that page by time (Facebook's <c>since</c>, Bluesky's <c>sortAt</c>) give
/// ties, and an inclusive <c>since</c> returns the newest stored item again; the ids at the mark let
/// the connector drop those instead of storing them twice.
/// </summary>
internal sealed record Watermark(DateTimeOffset Time, IReadOnlyList<string>? IdsAtTime)
{
    /// <summary>The ids at the mark; a stored cursor may have lost them (hand-edited, corrupted).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Ids => IdsAtTime ?? [];

    /// <summary>True when an item at <paramref name="time"/> was not stored before this mark.</summary>
    public bool IsNew(DateTimeOffset time, string id) => time > Time || (time == Time && !Ids.Contains(id, StringComparer.Ordinal));

    /// <summary>The mark after storing these items too.</summary>
    public static Watermark? Advance(Watermark? mark, IEnumerable<(DateTimeOffset Time, string Id)> items)
    {
        foreach (var (time, id) in items)
        {
            if (mark is null || time > mark.Time)
            {
                mark = new Watermark(time, [id]);
            }
            else if (time == mark.Time && !mark.Ids.Contains(id, StringComparer.Ordinal))
            {
                mark = mark with { IdsAtTime = [.. mark.Ids, id] };
            }
        }
        return mark;
    }

    /// <summary>The oldest of a mark and these items (ids kept at the oldest time): how far down a run has read.</summary>
    public static Watermark? Lowest(Watermark? mark, IEnumerable<(DateTimeOffset Time, string Id)> items)
    {
        foreach (var (time, id) in items)
        {
            if (mark is null || time < mark.Time)
            {
                mark = new Watermark(time, [id]);
            }
            else if (time == mark.Time && !mark.Ids.Contains(id, StringComparer.Ordinal))
            {
                mark = mark with { IdsAtTime = [.. mark.Ids, id] };
            }
        }
        return mark;
    }

    /// <summary>The later of two marks (ids merged when they are at the same time).</summary>
    public static Watermark? Max(Watermark? a, Watermark? b)
    {
        if (a is null || b is null)
        {
            return a ?? b;
        }
        if (a.Time != b.Time)
        {
            return a.Time > b.Time ? a : b;
        }
        return a with { IdsAtTime = [.. a.Ids.Union(b.Ids, StringComparer.Ordinal)] };
    }
}
