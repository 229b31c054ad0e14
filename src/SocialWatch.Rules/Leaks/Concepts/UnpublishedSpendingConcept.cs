using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Leaks.Concepts;

/// <summary>
/// Council spending told by someone inside it: a sum said to be the council's own money or budget ("£60k
/// of our money on consultants", "forty grand of our budget gone on…"), or a sum paid to consultants.
/// Why: the policy names "certain financial information" as confidential; a member of staff saying what
/// the council's money went on, before the accounts or a published report say so, is that information
/// (a resident saying it is a claim, the misrepresentation rule's business). "£5 of my own money on a
/// raffle ticket" is the writer's money, and a post that points at the published accounts, or an approved
/// budget, is public.
/// </summary>
internal sealed partial class UnpublishedSpendingConcept : ILeakConcept
{
    public LeakFinding? Check(LeakPost post)
    {
        if (post.PublicSource || post.Money.Count == 0)
        {
            return null;
        }

        foreach (var amount in post.Money)
        {
            var rest = post.Folded.AsSpan(amount.End, Math.Min(60, post.Folded.Length - amount.End));
            foreach (var found in OursOrConsultants().EnumerateMatches(rest))
            {
                var money = LeakEvidence.Span(post.Original, post.Folded, amount.Start, amount.Length, "money");
                money["value_gbp"] = amount.Value;
                var signals = new JsonArray
                {
                    money,
                    LeakEvidence.Span(post.Original, post.Folded, amount.End + found.Index, found.Length, "council_spending"),
                };
                return new LeakFinding(
                    "unpublished_spending", 0.8, PolicyClauses.ConfidentialInformationDefined,
                    $"{LeakEvidence.Who} what the council's money was spent on ({money["text"]}) before it is published; the council's financial information is confidential.",
                    signals);
            }
        }

        return null;
    }

    // Straight after the sum: "of our money / budget / reserves", "of the council's money", or, within a
    // few words, "on (a) … consultant(s)/consultancy".
    [GeneratedRegex(
        @"^ ?(?:of (?:our|the council'?s|council|the|public|taxpayers'?|residents'?) (?:own )?(?:money|budget|reserves|funds|cash|precept)\b"
        + @"|(?:[a-z']+ ){0,3}?(?:on|for|to) (?:a |an |the |some )?(?:[a-z-]+ )?consultan(?:t|ts|cy|cies)\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex OursOrConsultants();
}
