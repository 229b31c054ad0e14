using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Leaks.Concepts;

/// <summary>
/// An internal or unreleased document described in words: a document noun (draft, report, memo,
/// email, minutes, briefing, spreadsheet, valuation…) marked as internal or not yet released
/// ("draft …", "internal …", "leaked …", "… not published till spring", "… only sent to members",
/// "… that went round to members", "an email from the clerk", "the first cut of the budget"),
/// together with what it says ("says", "recommends", "earmarks", a figure, a colon). Working on a draft
/// ("long night on the draft budget") tells nothing and is not a leak; a draft out for public
/// consultation points at a published source and passes.
/// </summary>
internal sealed partial class InternalDocumentConcept : ILeakConcept
{
    public LeakFinding? Check(LeakPost post)
    {
        if (post.PublicSource || InternalDocument().Match(post.Folded) is not { Success: true } document)
        {
            return null;
        }

        var after = post.Folded.AsSpan(document.Index);
        // A message pasted or forwarded whole carries its contents after the marker: a clause is enough.
        var pastedWithText = document.Groups["pasted"].Success && PastedText().IsMatch(post.Folded.AsSpan(document.Index + document.Length));
        if (!pastedWithText && !Contents().IsMatch(after) && post.Money.Count == 0)
        {
            return null;
        }

        var signals = new JsonArray { LeakEvidence.Span(post.Original, post.Folded, document.Index, document.Length, "internal_document") };
        return new LeakFinding(
            "internal_document", 0.8, PolicyClauses.NoConfidentialMaterial,
            $"{LeakEvidence.Who} what an internal or unreleased document says (\"{document.Value}\"); unpublished council business is confidential.",
            signals);
    }

    private const string Document =
        "documents?|docs?|reports?|memos?|e-?mails?|minutes|briefings?|papers?|spreadsheets?|letters?|proposals?|responses?|budget|plan|strategy|accounts|valuations?|appraisals?|business case|review|assessment|figures|notes|agenda|options|recommendations?|slides|presentation";

    // A marker before the noun ("draft 2027/28 budget", "internal email", "leaked memo") or a
    // not-released phrase shortly after it ("the report, not published till May").
    [GeneratedRegex(
        @"\b(?:draft|internal|leaked|unpublished|unreleased|embargoed|restricted|confidential|members'? only)\b(?: [\w/'-]+){0,3} (?:" + Document + @")\b"
        + @"|\b(?:" + Document + @")\b[^.!?\n]{0,40}\b(?:not (?:yet )?(?:been )?(?:published|released|public|circulated)|won'?t be (?:out|published|public)|only (?:sent|circulated|shared) to|for internal use|internal only|members only"
        + @"|(?:went|gone|was sent|were sent|got sent|came|sent|circulated|passed) (?:round|around|out)? ?to (?:members|councillors|all members|staff|officers|the committee|us)"
        + @"|(?:doing|going) the rounds)\b"
        + @"|\b(?:clerk|town clerk|deputy clerk|chair|chairman|mayor|leader|rfo|manager)'s (?:[\w-]+ )?(?:" + Document + @") to (?:members|councillors|all members|staff|officers|the committee)\b"
        + @"|\b(?:" + Document + @") from (?:the |our )?(?:clerk|town clerk|deputy clerk|chair|chairman|mayor|leader|finance|hr|head of [\w]+|manager|officers?|rfo)\b"
        + @"|\b(?:first|early|rough|working|initial) (?:cut|draft|version|pass|sketch) of (?:[\w/'-]+ ){0,3}?(?:" + Document + @")\b"
        // A message forwarded or pasted whole ("Fwd: RE: pavilion options", "copying this from the clerk's
        // email before it goes out", "pasted from the internal chain"): the writer puts an internal
        // message in public, whatever it is called.
        + @"|(?<pasted>(?:^|\s)(?:fwd?|fw):|-{2,} ?forwarded message|\b(?:copying|copied|pasting|pasted|forwarding|forwarded|screenshotting)\b(?: (?:this|it|that|these|below|here|in))?(?: straight)? (?:from|off|out of) (?:the |an? |this |our |their |my )?(?:[\w'-]+ ){0,2}(?:e-?mails?|memo|chain|thread|message|messages|inbox|draft|document|doc|briefing|paper|papers)\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex InternalDocument();

    // At least four words after the marker.
    [GeneratedRegex(@"^[^\p{L}\p{N}]*(?:[\p{L}\p{N}'-]+[^\p{L}\p{N}]+){3,}[\p{L}\p{N}]", RegexOptions.CultureInvariant)]
    private static partial Regex PastedText();

    // What follows tells the contents: a verb of saying or proposing, a figure, or a colon.
    [GeneratedRegex(
        @"\b(?:says?|said|shows?|showed|recommends?|proposes?|earmarks?|includes?|suggests?|reveals?|contains?|lists?|sets? out|puts?|mentions?|concludes?|finds|found|states?|wants?|plans?|cuts?|has|have)\b|:|\d",
        RegexOptions.CultureInvariant)]
    private static partial Regex Contents();
}
