using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// A council decision relayed from something printed and put up: "saw it on a poster at the library, the
/// council is closing it on Sundays", "flyer through the door says…", "notice in the window of the council
/// office: pavilion shut to groups from April". Why: the writer passes on a notice as the council's, and
/// neither the clerk nor the rules have seen it; what it says (a change) is what to check. The poster must
/// introduce what it says (a colon or a verb of saying after it), and a change must follow: a poster for
/// a concert, or a flyer for quiz night, tells no change.
/// </summary>
internal static partial class PrintedNoticeRelay
{
    /// <summary>Where the relayed text starts in the sentence (after the colon or the verb of saying), or -1.</summary>
    public static int RelayedFrom(string folded, Sentence sentence)
    {
        var found = Introduced().Match(folded, sentence.Start, sentence.Length);
        return found.Success ? found.Index + found.Length : -1;
    }

    // A printed thing put up or handed out, then within a few words a colon, a dash or a verb of saying.
    [GeneratedRegex(
        @"\b(?:posters?|flyers?|leaflets?|notices?|signs?|noticeboard|notice board|banner|window|newsletter)\b[^.!?:]{0,50}?(?:: | - | says? | said | saying | reads? | read that | states? | stated )",
        RegexOptions.CultureInvariant)]
    private static partial Regex Introduced();
}
