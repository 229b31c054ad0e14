using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// A registered councillor or officer telling, as done, a decision of the council: "we agreed to sell…",
/// "we've decided…", "we voted to scrap…", "we're taking on the lease…", "members agreed…", "as your council
/// we say no…". The label settled in round 9 (samples/corpus/README.md): such a post asserts what the council
/// decided before the council has published it, so the clerk must check it (and where the matter is not
/// public it is a leak as well, which the leak rule reads on its own). Only a finite decision told as done is
/// read: "we discussed", "we'll decide next month", "I voted against", "what we agreed", a question, an
/// arrangement ("we agreed to meet on Tuesday") and another group's "we" ("we agreed at book club") are not;
/// a post that points to the published minutes, agenda or notice tells a public decision.
/// </summary>
internal static partial class MemberDecision
{
    /// <summary>The decision told in the first statement sentence that tells one, with the words that tell it.</summary>
    public static (Sentence Sentence, TextSpan Told)? Find(string folded, List<Sentence> sentences)
    {
        foreach (var sentence in sentences)
        {
            for (var m = Told().Match(folded, sentence.Start, sentence.Length); m.Success; m = m.NextMatch())
            {
                var end = m.Index + m.Length;
                if (Arrangement().IsMatch(folded, end) || AnotherGroup().IsMatch(folded, end))
                {
                    continue;
                }

                return (sentence, new TextSpan(m.Index, m.Length, m.Value));
            }
        }

        return null;
    }

    /// <summary>True when the post says the decision is public: minutes, agenda or a notice up or published.</summary>
    public static bool Published(string folded) => PublishedMarker().IsMatch(folded);

    // Who decides: the member's "we" (with its auxiliary), the members, councillors, a committee, full council,
    // or the council itself (an officer's "the council is buying…" passes on a decision as surely as "we").
    // Not after "what / whether / if / all": "can't remember what we agreed" reports no decision.
    // What is told: a verb of deciding in the past ("agreed", "voted to", "made our minds up"), or an act the
    // council is already doing in the progressive ("we're taking on", "the council is dropping"); and
    // "as your council we…", a member speaking as the council whatever the verb.
    [GeneratedRegex(
        @"(?<!\b(?:what|whether|if|all|unless|until|before|once|when) )"
        + @"(?<![a-z'])(?:(?:we|members|councillors|(?:the )?(?:sub[- ]?)?committee|cttee|full council|the (?:town )?council)(?:'ve| have| has| had)?"
        + @"(?: (?:just|already|all|finally|unanimously|now|officially|quietly|formally|basically|also))*"
        + @" (?:agreed|agred|decided|voted|resolved|approved|chose|chosen|picked|opted|settled on|went for|gone for|went with|gone with|signed off|said (?:no|yes)|made (?:our|their|its) minds? up|offered (?:the|her|him|them) (?:job|post|role|contract|lease|tender))\b"
        + @"|(?:we're|we are|members are|councillors are|(?:the )?(?:town )?council(?:'s| is))(?: (?:just|already|now|quietly|definitely|officially|basically|also))*"
        + @" (?:taking on|buying|selling|closing|shutting|dropping|scrapping|ending|axing|binning|getting rid of|going (?:with|for|ahead with))\b"
        + @"|\bas (?:your|a|the) (?:town )?council,? we\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Told();

    // "we agreed to meet on Tuesday", "agreed to catch up": people arranging to meet, not a council decision.
    [GeneratedRegex(
        @"\G(?: (?:to|that we'd|we'd)) (?:meet|catch up|talk|speak|chat|differ|disagree|keep in touch|walk|grab|go for (?:a )?(?:drink|coffee|pint|walk))\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Arrangement();

    // "we agreed at the residents' association", "we voted in the book club": another group's "we".
    [GeneratedRegex(
        @"\G(?: (?:at|in|with|for|as)) (?:the |our |my |a )?(?:[a-z']+ ){0,2}(?:association|club|society|choir|team|church|school|pta|family|household|band|gym|group)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex AnotherGroup();

    // "the minutes are up", "agenda is on the website", "the decision was published", "as agreed in public":
    // the decision is public. Not "unpublished", "not (yet) published", "won't be out for weeks".
    [GeneratedRegex(
        @"\b(?:minutes|agenda|papers|decision|notice)\b[^.!?]{0,40}?\b(?:is|are|was|were|now|been)(?: now)? (?:up|online|out|live|on the (?:council )?(?:website|site|page))\b"
        + @"|(?<!\bun)(?<!\bnot )(?<!\bnot yet )(?<!\bbefore it's )(?<!\bbefore it is )\bpublished\b|\bin public\b|\bpublic meeting\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex PublishedMarker();
}
