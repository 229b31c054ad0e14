using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Leaks.Concepts;

/// <summary>
/// Pre-decision figures: a price (in any written form: "£42,300", "£42k", "42 grand", "forty-two
/// thousand pounds") near a word of procurement (quote, bid, tender, offer, lease…), or an evaluation
/// score or rank ("scored 78/100", "85%", "ranked first", "came top") near a word of evaluation
/// (scoring, panel, shortlist, bidder…) inside a selection process (a panel, bidders, a contract: "scored
/// 82 at the pub quiz" is not one), or a table of names and marks written out ("Greenway 78, Playscape
/// 64"). The policy names "quotations and tender costs" as
/// confidential. Hard negatives: a post pointing at a published notice, an approved or adopted budget
/// (decided in public), market prices (<see cref="MarketContext"/>) and money raised for a cause
/// (<see cref="FundraisingContext"/>).
/// </summary>
internal sealed partial class PreDecisionFiguresConcept(RulesOptions options) : ILeakConcept
{
    private readonly Lexicon _procurement = new(options.ProcurementWords);
    private readonly Lexicon _evaluation = new(options.EvaluationWords);
    private readonly int _window = options.MoneyProcurementWindowWords;

    public LeakFinding? Check(LeakPost post)
    {
        if (post.PublicSource || AlreadyDecided().IsMatch(post.Folded))
        {
            return null;
        }

        var folded = post.Folded;
        if (post.Money.Count > 0 && _procurement.FindAll(folded) is { Count: > 0 } procurement)
        {
            foreach (var amount in post.Money)
            {
                if (MarketContext.Around(folded, amount.Start, amount.End) || FundraisingContext.Around(folded, amount.Start, amount.End))
                {
                    continue;
                }

                foreach (var word in procurement)
                {
                    if (post.WordGap(amount.Start, amount.End, word.Start, word.End) <= _window)
                    {
                        var money = LeakEvidence.Span(post.Original, folded, amount.Start, amount.Length, "money");
                        money["value_gbp"] = amount.Value;
                        if (amount.Approximate)
                        {
                            money["approximate"] = true;
                        }

                        var signals = new JsonArray { money, LeakEvidence.Span(post.Original, folded, word.Start, word.Length, "procurement_word") };
                        foreach (var other in post.Money)
                        {
                            if (other != amount)
                            {
                                var more = LeakEvidence.Span(post.Original, folded, other.Start, other.Length, "money");
                                more["value_gbp"] = other.Value;
                                signals.Add(more);
                            }
                        }

                        return Finding($"{LeakEvidence.Who} a price ({money["text"]}) next to \"{word.Term}\" before a decision; quotations and tender costs are confidential.", signals);
                    }
                }
            }
        }

        if (SumsInWords().Match(folded) is { Success: true } sums && ThousandWord().IsMatch(sums.ValueSpan) && sums.ValueSpan.IndexOfAny(',', ';') >= 0
            && !MarketContext.Around(folded, sums.Index, sums.Index + sums.Length)
            && _procurement.FindAll(folded).Where(w => post.WordGap(sums.Index, sums.Index + sums.Length, w.Start, w.End) <= _window).ToList() is [var near, ..])
        {
            var signals = new JsonArray
            {
                LeakEvidence.Span(post.Original, folded, sums.Index, sums.Length, "sums_in_words"),
                LeakEvidence.Span(post.Original, folded, near.Start, near.Length, "procurement_word"),
            };
            return Finding($"{LeakEvidence.Who} a list of sums in words (\"{sums.Value}\") next to \"{near.Term}\" before a decision; quotations and tender costs are confidential.", signals);
        }

        if (ItemCosting().Match(folded) is { Success: true } costing && !MarketContext.Around(folded, costing.Index, costing.Index + costing.Length))
        {
            var signals = new JsonArray { LeakEvidence.Span(post.Original, folded, costing.Index, costing.Length, "item_costing") };
            return Finding($"{LeakEvidence.Who} what a piece of work will cost (\"{costing.Value}\") before a decision; quotations and tender costs are confidential.", signals);
        }

        if ((Score().Match(folded) is { Success: true } found ? found : ScoreList().Match(folded)) is { Success: true } score
            && _evaluation.FindAll(folded) is { Count: > 0 } evaluation
            && (ProcessWords().IsMatch(folded) || _procurement.FindFirst(folded) is not null))
        {
            foreach (var word in evaluation)
            {
                if (post.WordGap(score.Index, score.Index + score.Length, word.Start, word.End) <= _window
                    && !MarketContext.Around(folded, score.Index, score.Index + score.Length))
                {
                    var signals = new JsonArray
                    {
                        LeakEvidence.Span(post.Original, folded, score.Index, score.Length, "evaluation_score"),
                        LeakEvidence.Span(post.Original, folded, word.Start, word.Length, "evaluation_word"),
                    };
                    return Finding($"{LeakEvidence.Who} an evaluation score or ranking (\"{score.Value}\") before a decision; tender evaluation is confidential until the award is published.", signals);
                }
            }
        }

        return null;
    }

    private static LeakFinding Finding(string summary, JsonArray signals) =>
        new("pre_decision_figures", 0.85, PolicyClauses.ConfidentialInformationDefined, summary, signals);

    // "78/100", "78 out of 100", "82 out of a hundred", "85%", "85 per cent", "42 points"; "ranked (a bidder) first", "came top",
    // "top-scoring", "highest score".
    [GeneratedRegex(
        @"(?<![\w.])\d{1,3}(?:\.\d+)? ?(?:/|out of) ?\d{1,3}(?![\w/])"
        // The scale in words ("82 out of a hundred", "sixty-odd out of a hundred", "seven out of ten"): the
        // same score said as people say it.
        + @"|\b(?:\d{1,3}|[a-z]+(?:-[a-z]+)?) out of (?:a |one )?(?:hundred|ten|twenty|fifty)\b|(?<![\w.])\d{1,3}(?:\.\d+)? ?(?:%|per ?cent\b|points\b|pts\b|marks\b)"
        + @"|\b(?:ranked|came|placed|finished|scored)(?: [\w'-]+){0,3} (?:top|first|second|third|last|bottom|1st|2nd|3rd|highest|lowest)\b|\b(?:top|highest|lowest)[ -]scor\w*|\b(?:top|first|highest|lowest|best|bottom) (?:on|for) (?:price|quality|cost|value|both)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Score();

    private const string NumberWord =
        "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
        + "|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|grand";

    // Two or more sums in words, listed ("nine thousand two hundred, eleven and a half, and thirteen
    // thousand"): a list of quotes read out, where later items drop the "thousand" the first one said.
    [GeneratedRegex(
        @"\b(?:" + NumberWord + @")(?:[ -](?:" + NumberWord + @"|and a half|and a quarter|and|a half))*(?:(?:,| ;|;| or| and)+ (?:and |or )?(?:" + NumberWord + @")(?:[ -](?:" + NumberWord + @"|and a half|and a quarter|and|a half))*)+\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex SumsInWords();

    // An item and its cost read out, the sum in words of thousands straight after a comma, dash or
    // colon and ending the clause ("the porch, nineteen thousand;", "new boiler for the hall - fourteen
    // thousand, give or take"): a costing list, with no price word needed. "Parade route, two thousand
    // people" goes on with what is counted, so it is not a sum.
    [GeneratedRegex(
        @"\b[a-z]{3,}(?:,| -| :|:) (?:about |around |roughly |nearly |almost |just under |just over |over |under )?(?:(?:" + NumberWord + @")[ -](?:and )?(?:a half )?)+(?:thousand|grand)(?: (?:five|two|three|four|six|seven|eight|nine) hundred)?(?= ?(?:[.,;!)]|$| give or take| or so| ish| odd| all in| plus vat| \+ ?vat| quid| pounds))",
        RegexOptions.CultureInvariant)]
    private static partial Regex ItemCosting();

    [GeneratedRegex(@"\b(?:thousand|grand)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandWord();

    // Names with their marks, listed: "Greenway 78, Playscape 64, Timberplay 59", "A: 82; B: 71".
    // Two or more "word number" pairs in a row is a ranking table written out.
    [GeneratedRegex(@"\b(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b)[a-z][\w&'-]* ?:? (?<!\d)\d{1,3}(?:\.\d)?(?:[,;] ?| and )(?:(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b)[a-z][\w&'-]* ?:? \d{1,3}(?:\.\d)?(?:[,;] ?| and |\b))+", RegexOptions.CultureInvariant)]
    private static partial Regex ScoreList();

    // A score is a tender's or a candidate's only inside a selection process: "scored 82 at the pub quiz"
    // has the score and the word but no process; "the panel", "bidders", "the contract" say whose it is.
    [GeneratedRegex(@"\b(?:panel|evaluat\w*|shortlist\w*|criteria|weighting\w*|tenderers?|bidders?|bids?|tenders?|contracts?|quotes?|quotations?|suppliers?|candidates?|applicants?|interview\w*|procurement)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ProcessWords();

    // Decided in public: "the approved budget", "budget was approved/adopted/agreed at full council".
    [GeneratedRegex(
        @"\b(?:approved|adopted|agreed|published|final) (?:\d{4}(?:/\d{2,4})? )?(?:budget|precept|accounts|award)\b|\b(?:budget|precept|accounts|contract) (?:was|were|has been|have been|is) (?:approved|adopted|set|agreed|awarded|published)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex AlreadyDecided();
}
