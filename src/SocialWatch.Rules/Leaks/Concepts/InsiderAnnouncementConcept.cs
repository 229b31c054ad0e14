using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Leaks.Concepts;

/// <summary>
/// A member telling a council decision before it is announced, in the voice of an insider: "I have to
/// tell you straight: the council WILL be closing the Elm Road office", "residents deserve to know before
/// it's official - we are shutting the pavilion", "you heard it here first, the council is scrapping the
/// lights". Why: the marker says the writer knows something not yet public and is telling it as settled;
/// the act told (the council, "we" or "they" with a future or an act under way) is the unpublished
/// business. The same marker before an opinion ("I have to tell you straight, I think the precept is too
/// high") tells no act, and a decision repeated from the published minutes has no marker.
/// </summary>
internal sealed partial class InsiderAnnouncementConcept : ILeakConcept
{
    public LeakFinding? Check(LeakPost post)
    {
        if (post.PublicSource || Insider().Match(post.Folded) is not { Success: true } marker)
        {
            return null;
        }

        var act = ActTold().Match(post.Folded, marker.Index + marker.Length);
        if (!act.Success)
        {
            return null;
        }

        var signals = new JsonArray
        {
            LeakEvidence.Span(post.Original, post.Folded, marker.Index, marker.Length, "not_public"),
            LeakEvidence.Span(post.Original, post.Folded, act.Index, act.Length, "decision"),
        };
        return new LeakFinding(
            "insider_announcement", 0.85, PolicyClauses.NoConfidentialMaterial,
            $"{LeakEvidence.Who} a council decision before it is announced (\"{marker.Value.Trim()}\"); unpublished council business is confidential.",
            signals);
    }

    // "I have to tell you straight", "I can confirm", "I can reveal", "you heard it here first", "before
    // it's official", "residents deserve to know", "it'll be announced next week", "not been announced".
    [GeneratedRegex(
        @"\bi (?:have|had|need|want|ought|feel i have|feel i need) to (?:tell|warn|let) (?:you|residents|everyone|people)(?: all)?(?: know)?(?: (?:straight|now|honestly|plainly|first|this))?\b"
        + @"|\bi can (?:now )?(?:confirm|reveal|exclusively reveal|tell you (?:now|straight|that|this))\b"
        + @"|\byou(?:'ll| will)? (?:heard|hear|read) it here first\b"
        + @"|\b(?:before|ahead of|prior to) (?:it'?s|it is|it being|it gets|anything'?s|anything is|the) (?:official|announced|announcement|made public|public|published|publicised)\b"
        + @"|\b(?:residents|people|you|everyone|the town) (?:deserve|ought|have a right|has a right) to know\b"
        + @"|\bit'?(?:ll| will) be (?:announced|official|made public|public) (?:soon|shortly|next|on|in|at|this)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Insider();

    // The act told after the marker: the council, "we" or "they" with a future or an act under way.
    [GeneratedRegex(
        @"\b(?:the (?:town )?council|council|we|they)\b(?:'ll|'s|'re| is| are| will| shall| are going to| is going to| are gonna| is gonna| have| has|'ve)(?: (?:definitely|certainly|now|actually|already|quietly|finally))?(?: be)? (?!going\b|not\b|a\b|the\b|being\b|thinking\b|looking\b|hoping\b)[a-z]{3,}(?:ing|ed)\b"
        + @"|\b(?:the (?:town )?council|council|we|they) (?:will|'ll|shall|are going to|is going to|are gonna|is gonna) (?:definitely |certainly |now )?(?!be\b|not\b|have\b|see\b|know\b|think\b)(?:close|sell|shut|scrap|cut|end|axe|raise|buy|move|stop|drop|merge|demolish|knock|charge|introduce|ban|build|lease|let|sack|privatise)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex ActTold();
}
