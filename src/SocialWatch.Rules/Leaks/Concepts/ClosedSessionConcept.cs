using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Leaks.Concepts;

/// <summary>
/// What was read out, discussed or decided in a closed session (Part 2, exempt business, "behind
/// closed doors", in camera): the public was excluded because the matter is confidential, so telling
/// it is a leak. The marker alone is not ("there's a Part 2 item at the end"): a decision, a figure or
/// the subject of the matter ("the depot lease") told must come with it. A post pointing at the published agenda is a public notice ("Part 2 items aren't published").
/// </summary>
internal sealed partial class ClosedSessionConcept(RulesOptions options) : ILeakConcept
{
    private readonly Lexicon _markers = new(options.ClosedSessionPhrases);

    // The subject of the matter ("the depot lease", "the cleaning contract") is told too; the words of
    // the meeting itself (council, committee, item, session, agenda…) are not a subject.
    private static readonly HashSet<string> MeetingWords = new(StringComparer.Ordinal)
    {
        "council", "committee", "f&gp", "full council", "session", "item", "minutes", "agenda", "members", "councillor", "meeting",
    };

    /// <summary>
    /// The public sent out, said as a clause rather than a set phrase: "press and public were asked to
    /// leave", "with the press sent out", "once the public had gone", "in private".
    /// </summary>
    private static TextSpan? Excluded(string folded) =>
        ExcludedPattern().Match(folded) is { Success: true } m ? new TextSpan(m.Index, m.Length, m.Value) : null;

    [GeneratedRegex(
        @"\b(?:the )?(?:press|public)(?: and (?:the )?(?:press|public))? (?:were|was|had been|being|got) (?:asked to leave|excluded|sent out|cleared out|cleared|shown out)\b"
        + @"|\b(?:with|after|once|when) the (?:press|public)(?: and (?:the )?(?:press|public))? (?:sent out|excluded|gone|had gone|left|had left|out of the room|cleared)\b"
        + @"|\bin private\b(?! (?:life|message|messages|hire|rented|sector))"
        // Members' views taken in turn, said of a closed meeting: "it went round the room / table".
        + @"|\b(?:went|go|going|goes) (?:a)?round the (?:room|table)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex ExcludedPattern();

    private readonly Lexicon _subjects = new(options.CouncilBusinessWords.Where(w => !MeetingWords.Contains(w.TrimEnd('*'))));

    public LeakFinding? Check(LeakPost post)
    {
        if (post.PublicSource || (_markers.FindFirst(post.Folded) ?? Excluded(post.Folded)) is not { } marker)
        {
            return null;
        }

        var told = Disclosure.FindTold(post)
            ?? (_subjects.FindFirst(post.Folded) is { } subject
                ? LeakEvidence.Span(post.Original, post.Folded, subject.Start, subject.Length, "subject")
                : null);
        if (told is null)
        {
            return null;
        }

        var signals = new JsonArray
        {
            LeakEvidence.Span(post.Original, post.Folded, marker.Start, marker.Length, "closed_session"),
            told,
        };
        return new LeakFinding(
            "closed_session", post.Money.Count > 0 ? 0.9 : 0.85, PolicyClauses.ConfidentialInformationDefined,
            $"{LeakEvidence.Who} what was discussed or decided in a closed session (\"{marker.Term}\"); closed-session business is confidential council business until the council publishes it.",
            signals);
    }
}
