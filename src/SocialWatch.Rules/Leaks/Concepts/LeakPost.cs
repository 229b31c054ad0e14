using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Leaks.Concepts;

/// <summary>
/// What every leak concept may look at in one staff post, computed once: the original and folded
/// text, the day it was posted, the money amounts, the first person's name, a role word, and whether
/// the post points at a published source.
/// </summary>
internal sealed class LeakPost
{
    public required string Original { get; init; }

    public required string Folded { get; init; }

    public required DateOnly PostedOn { get; init; }

    public required IReadOnlyList<MoneyAmount> Money { get; init; }

    /// <summary>A person-like name in the original text (not the street of an address), or null.</summary>
    public required (int Start, int Length)? PersonName { get; init; }

    /// <summary>The same name in folded offsets, for "within N words" tests.</summary>
    public (int Start, int End)? PersonNameFolded { get; init; }

    /// <summary>A staff role word ("the clerk", "our caretaker", "colleague"), or null.</summary>
    public required TextSpan? Role { get; init; }

    /// <summary>The post links the organisation's website or says the matter is published.</summary>
    public required bool PublicSource { get; init; }

    /// <summary>Words between two spans of the folded text (0 when they touch or overlap).</summary>
    public int WordGap(int aStart, int aEnd, int bStart, int bEnd) =>
        bStart >= aEnd ? Words.CountBetween(Folded, aEnd, bStart)
        : aStart >= bEnd ? Words.CountBetween(Folded, bEnd, aStart)
        : 0;

    /// <summary>A named person or a role within <paramref name="window"/> words of the span, as evidence, or null.</summary>
    public System.Text.Json.Nodes.JsonObject? PersonNear(int start, int end, int window, bool rolesCount = true)
    {
        if (PersonNameFolded is { } n && WordGap(start, end, n.Start, n.End) <= window && PersonName is { } original)
        {
            return LeakEvidence.Original(Original, original.Start, original.Length, "person_name");
        }

        if (rolesCount && Role is { } role && WordGap(start, end, role.Start, role.End) <= window)
        {
            return LeakEvidence.Span(Original, Folded, role.Start, role.Length, "role");
        }

        return null;
    }
}
