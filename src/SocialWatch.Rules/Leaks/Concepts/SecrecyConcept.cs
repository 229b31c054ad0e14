using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Leaks.Concepts;

/// <summary>
/// Secrecy said by idiom or by a word, with a disclosure: the writer knows the matter is not to be
/// shared ("keep it quiet", "between us", "off the record", "under wraps", "not for sharing yet",
/// "you didn't hear it from me", 🤫, "confidential") and shares it anyway. The idioms are patterns
/// (a verb of keeping with its object and place; "between" with its people), not a list of sentences.
/// A marker of "not yet public" ("not announced yet", "embargoed till", "won't be out for weeks")
/// says the same about an official matter and so needs only something told after it.
/// </summary>
internal sealed partial class SecrecyConcept(RulesOptions options, Disclosure disclosure) : ILeakConcept
{
    private readonly Lexicon _words = new(options.SecrecyWords);

    public LeakFinding? Check(LeakPost post)
    {
        if (post.PublicSource)
        {
            return null;
        }

        var folded = post.Folded;
        var notYet = NotYetPublic().Match(folded);
        (int Start, int Length, string Text)? marker =
            Idiom().Match(folded) is { Success: true } idiom ? (idiom.Index, idiom.Length, idiom.Value)
            : notYet.Success ? (notYet.Index, notYet.Length, notYet.Value)
            : SecrecyWord(folded) is { } word ? (word.Start, word.Length, word.Term)
            : null;
        if (marker is not { } m)
        {
            return null;
        }

        var told = disclosure.Find(post);
        if (told is null && notYet.Success && OfficialRelease().IsMatch(notYet.ValueSpan) && ToldAfter().IsMatch(folded.AsSpan(notYet.Index + notYet.Length)))
        {
            // "Not announced yet but the headline act is …": what follows the marker is the disclosure.
            told = LeakEvidence.Span(post.Original, folded, notYet.Index + notYet.Length, folded.Length - notYet.Index - notYet.Length, "disclosed");
        }

        if (told is null)
        {
            return null;
        }

        var signals = new JsonArray { LeakEvidence.Span(post.Original, folded, m.Start, m.Length, "not_public"), told };
        return new LeakFinding(
            "secrecy", post.Money.Count > 0 ? 0.9 : 0.8, PolicyClauses.NoConfidentialMaterial,
            $"{LeakEvidence.Who} council business while saying it is not to be shared (\"{m.Text.Trim()}\"); unpublished council business is confidential.",
            signals);
    }

    /// <summary>True when the folded text says by idiom that what it tells is not to be shared.</summary>
    public static bool HasIdiom(string folded) => Idiom().IsMatch(folded);

    /// <summary>
    /// The first secrecy word that is not the name of a meeting's closed part: "the confidential items come
    /// at the end" says a closed item exists (<see cref="ClosedSessionConcept"/>'s business, which needs
    /// something told), not that the writer is sharing a secret.
    /// </summary>
    private TextSpan? SecrecyWord(string folded)
    {
        foreach (var word in _words.FindAll(folded))
        {
            if (!MeetingPart().IsMatch(folded.AsSpan(word.End)))
            {
                return word;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^ (?:items?|session|sessions|business|part|agenda items?|papers?|minutes|report)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MeetingPart();

    // Keeping: "keep it quiet", "keep this to yourself", "keep that under your hat / under wraps / hush".
    // Company: "between us", "between you and me", "between ourselves". Speaking: "off the record",
    // "you didn't hear it from me", "not supposed/meant/allowed to say", "can't say much but".
    // Sharing: "don't tell/repeat/share", "not for sharing/publication (yet)", "mum's the word", "hush-hush".
    // Place: what is said in a room stays there: "between these four walls", "stays in this room",
    // "what's said in committee stays in committee", "goes no further", "doesn't leave the office";
    // "between you, me and the <anything>"; "for your ears only", "keep a lid on", "sworn to secrecy".
    // The manner of doing it ("very quietly", "on the quiet"), a look before release ("sneak
    // peek / preview"), a thing that officially does not exist yet, and "don't tell <someone> I said",
    // where the person not to be told is any name or role.
    // A denial said before or after the telling ("not that I said anything", "you didn't read that
    // here", "you never saw this from me"): the teller disowns it, which says it was not theirs to tell.
    [GeneratedRegex(
        @"\bkeep(?:ing)? (?:it|this|that|these|them) (?:quiet|to yoursel(?:f|ves)|under (?:your |our )?(?:hats?|wraps)|hush(?:[- ]hush)?|between us|on the (?:down ?low|quiet|qt)|secret|confidential)\b"
        + @"|\bbetween (?:us|you and (?:me|i)|ourselves|you, me and the gatepost)\b"
        + @"|\b(?:off|not on) the record\b|\bunder wraps\b|\bhush[- ]hush\b|\bmum'?s the word\b|\bon the (?:quiet|qt|down ?low)\b"
        + @"|\byou (?:didn'?t|did not|never) (?:hear|heard|get|got|have|had|see|seen) (?:it|this|that)(?: one)? from me\b|\bdon'?t quote me\b|\b(?:not|n't) (?:supposed|meant|allowed) to (?:say|tell|share|mention|know)\b"
        + @"|\b(?:can'?t|cannot) say (?:much|more|too much)\b|\b(?:don'?t|do not) (?:tell|repeat|share|mention) (?:this|it|anyone|anybody|a soul)\b"
        + @"|\bnot for (?:sharing|publication|public consumption|general release|wider circulation)\b"
        + @"|\b(?:my )?lips are sealed\b|\bentre nous\b|\bfor your eyes only\b|\b(?:don'?t|do not) (?:spread|pass|put) (?:this|it|that) (?:around|about|on|out)\b|\bkeep (?:schtum|shtum|stum)\b"
        + @"|\bnot a word to anyone\b|\bstrictly between\b|\bon the hush\b|\b(?:don'?t|do not|never) breathe a word\b|\btop secret\b|🤐|\bsh{2,}\b"
        + @"|\bin (?:strict )?confidence\b|\bstrictly confidential\b"
        // A plea not to pass it on said before the telling, with or without its object or apostrophe
        // ("pls dont share but…", "please don't repeat, the quote was…").
        + @"|\b(?:pls|plz|please) (?:don'?t|do not) (?:share|repeat|spread|pass on|forward)(?: (?:this|it|that))?(?: (?:yet|around|about|on))?(?= ?(?:but|,|:|;|-|\.|!|$))"
        + @"|\b(?:don'?t|do not) (?:share|repeat|spread|forward)(?: (?:this|it|that))?(?: (?:yet|around|about|on))? (?:but|though)\b"
        + @"|\bbetween you,? (?:and )?me,? and (?:the |a )?[\p{L}-]+\b|\b(?:between|within|inside) (?:these|the|our|those|this) (?:four )?walls\b"
        + @"|\bstays? (?:in|within|inside|behind) (?:this|the|that|these|our)(?: [\p{L}-]+){0,2} (?:room|rooms|walls|chamber|office|building|group|chat|meeting)\b"
        + @"|\bwhat(?:'s| is| gets| was)? (?:said|discussed|heard|shared) (?:in|at|here)\b[^.!?\n]{0,40}\bstays?\b|\b(?:goes|go|going) no further\b"
        + @"|\b(?:doesn'?t|does not|mustn'?t|must not|shouldn'?t|can'?t|won'?t) (?:leave|go beyond|get out of|go outside) (?:this|the|these|our) (?:room|office|group|chat|building|four walls|walls)\b"
        + @"|\bfor your ears only\b|\b(?:keep|keeping|kept) a lid on\b|\bsworn to secrecy\b|\bunofficially\b|\bon the sly\b|\bps{3,}t\b"
        + @"|\bvery quietly\b|\bsneak(?:y)? (?:peek|preview|look)\b|\bofficially,? (?:it|this|that|they|the [\p{L}-]+) (?:doesn'?t|does not|don'?t|do not) exist\b"
        + @"|\b(?:don'?t|do not) (?:tell|let on to) (?:[\p{L}'-]+ ){1,3}(?:i|we) (?:said|told you|mentioned (?:it|this))\b"
        + @"|\bnot that (?:i|we|anyone) (?:said|told you|mentioned|breathed) (?:anything|a thing|a word|owt|it|this|that)\b"
        + @"|\byou (?:didn'?t|did not|never) (?:read|see|saw|hear|heard|get|got) (?:it|this|that)(?: one)? (?:here|from me|on here)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Idiom();

    // "not announced yet", "not yet public", "not published till spring", "won't be out for weeks",
    // "embargoed", "before it's announced", "ahead of the announcement", "hasn't been released".
    [GeneratedRegex(
        @"\b(?:not|n't|isn'?t|aren'?t|hasn'?t|haven'?t)(?: yet| been| even)* (?:announced|public|published|released|out|official|confirmed|circulated|made public)\b(?: (?:yet|till|until)\b)?"
        + @"|\bwon'?t be (?:out|public|published|announced|released)\b|\bembargo(?:ed)?\b|\bbefore (?:it'?s|it is|they'?re|the) (?:announced|published|public|released|out|official|made public)\b"
        + @"|\bahead of (?:the )?(?:announcement|publication)\b"
        // A decision not taken yet ("hasn't been approved yet", "not signed off yet"); "yet" is what
        // makes it a matter still private, "the plan was not approved" is a decision told.
        + @"|\b(?:hasn'?t|haven'?t|has not|have not|isn'?t|not)(?: been| even| officially)* (?:approved|agreed|signed off|rubber[- ]stamped|voted on) yet\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex NotYetPublic();

    /// <summary>Markers about an official release (not "not out yet", which is also said of exam results).</summary>
    [GeneratedRegex(@"announc|publi|releas|embargo", RegexOptions.CultureInvariant)]
    private static partial Regex OfficialRelease();

    /// <summary>Something told after the marker: a clause of at least four words.</summary>
    [GeneratedRegex(@"^[^\p{L}\p{N}]*(?:but\b)?[^\p{L}\p{N}]*(?:[\p{L}\p{N}'-]+[^\p{L}\p{N}]+){3,}[\p{L}\p{N}]", RegexOptions.CultureInvariant)]
    private static partial Regex ToldAfter();
}
