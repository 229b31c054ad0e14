using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Leaks.Concepts;

/// <summary>
/// The second half of every "marker + disclosure" concept: a marker of secrecy or of a closed session
/// says the matter is not public, and only a disclosure makes the post a leak. A disclosure is council
/// business named (<see cref="RulesOptions.CouncilBusinessWords"/>), a money amount, or a decision
/// told ("agreed", "voted", "read out", "going with"). "Keep it quiet but we're engaged" has none.
/// </summary>
internal sealed partial class Disclosure(RulesOptions options)
{
    private readonly Lexicon _business = new(options.CouncilBusinessWords);

    /// <summary>The first disclosure in the post as evidence, or null.</summary>
    public JsonObject? Find(LeakPost post)
    {
        if (FindTold(post) is { } told)
        {
            return told;
        }

        // The name of the meeting a secret belongs to ("long closed session tonight; what's said in
        // the room stays in the room") says a meeting took place, which is public; it discloses nothing of
        // what was said there. Business named besides the meeting ("… but the toilets are closing") does.
        foreach (var business in _business.FindAll(post.Folded))
        {
            if (!MeetingName().IsMatch(business.Term))
            {
                return LeakEvidence.Span(post.Original, post.Folded, business.Start, business.Length, "council_business");
            }
        }

        return null;
    }

    [GeneratedRegex(@"\bwhat(?:ever)?(?:'s| is| gets| was| were| has been)? (?:said (?:and|or) )?$", RegexOptions.CultureInvariant)]
    private static partial Regex IdiomSubject();

    [GeneratedRegex(@"^(?:session|meeting|committee|item|agenda|minutes|full council)$", RegexOptions.CultureInvariant)]
    private static partial Regex MeetingName();

    /// <summary>
    /// A decision or a figure told (not merely business named): what a closed-session marker needs,
    /// since "there's a Part 2 item at the meeting" names business but tells nothing.
    /// </summary>
    public static JsonObject? FindTold(LeakPost post)
    {
        foreach (var decision in Decision().EnumerateMatches(post.Folded))
        {
            // "what's discussed stays in the room": the verb is the secrecy idiom's own subject, not a
            // decision told.
            if (!IdiomSubject().IsMatch(post.Folded.AsSpan(0, decision.Index)))
            {
                return LeakEvidence.Span(post.Original, post.Folded, decision.Index, decision.Length, "decision");
            }
        }

        if (post.Money.Count > 0)
        {
            var amount = post.Money[0];
            var json = LeakEvidence.Span(post.Original, post.Folded, amount.Start, amount.Length, "money");
            json["value_gbp"] = amount.Value;
            return json;
        }

        return null;
    }

    [GeneratedRegex(
        @"\b(?:agreed|agree to|decided|decision|voted|approved|rejected|refused|discussed|read out|recommend(?:s|ed|ing)?|accepted|settled?|settling|awarded|going with|chose|chosen|picked|taking on|to end|to close|to sell|to buy|demand(?:s|ed)?|earmark(?:s|ed)?"
        + @"|buying|selling|moving to|is moving|are moving|scrapping|dropping|appoint(?:ed|ing)|hiring|won the|winning bid"
        // A thing being passed to someone ("the yard is being offered to…", "the lease is going to…"),
        // and a cost hinted by comparison instead of a figure ("cost as much as a small car").
        + @"|(?:is|are|being) (?:offered|handed|leased|let|sold|transferred) to|cost(?:s|ing)?(?: (?:about|nearly|roughly|almost|easily|more or less))? (?:as much as|more than) (?:a|an)"
        + @")\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Decision();
}
