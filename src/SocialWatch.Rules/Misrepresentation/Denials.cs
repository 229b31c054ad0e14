using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// A denial, correction or fact check says the council did NOT decide or do something: "the town council did
/// not vote to close the bandstand", "Leigh Town Council hasn't agreed anything about…", "has not scrapped the
/// regatta", "no decision has been taken", "nothing has been decided". A denial asserts no decision for the
/// clerk to correct. Only the decision itself denied clears it: the negation must stand between the council
/// and the assertion word with no clause break between them, so "the council did not consult anyone before
/// closing it" still asserts the closing (the break "before" ends what "did not" covers). Only past and
/// perfect negations deny: "the council will not renew the lease" tells a decision not to, which is a claim;
/// and a refusal ("hasn't approved the grant") tells what the council did with an application, also a claim.
/// A correction that names the earlier report it corrects ("an earlier version of this article said…") retracts it.
/// </summary>
internal static partial class Denials
{
    /// <summary>True when a past or perfect negation after the council reference covers the assertion word.</summary>
    public static bool Covers(string folded, TextSpan reference, TextSpan assertion)
    {
        if (assertion.Start <= reference.End)
        {
            return false;
        }

        var between = folded.AsSpan(reference.End, assertion.Start - reference.End);
        if (between.IndexOf("n", StringComparison.Ordinal) < 0)
        {
            return false; // every negation has an "n" (not, n't, never): the cheap gate
        }

        return Negation().IsMatch(between) && !ClauseBreak().IsMatch(between) && !Refusal().IsMatch(assertion.Term);
    }

    // "hasn't approved the grant", "did not fund the carnival": what the council did with an application, a
    // refusal the clerk may need to check (round 5's CouncilNotActing keeps it a claim), not a denial.
    [GeneratedRegex(@"^(?:approv|grant|fund|award|allow|permit|accept|refus|reject|support)", RegexOptions.CultureInvariant)]
    private static partial Regex Refusal();

    /// <summary>
    /// True when the council reference is straight followed by a past or perfect negation ("the town council has
    /// not scrapped…", "LTC never voted…"): the semantic layer does not read such a sentence as a claim.
    /// </summary>
    public static bool NegatedAfter(string folded, TextSpan reference, int sentenceEnd) =>
        reference.End < sentenceEnd && NegationAfter().IsMatch(folded, reference.End);

    [GeneratedRegex(@"\G(?:'s|s)?(?: (?:just|simply|actually|even))? (?:did not|didn'?t|has not|hasn'?t|have not|haven'?t|had not|hadn'?t|never)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NegationAfter();

    /// <summary>True when the sentence says no decision has been taken ("no decision has been taken", "nothing has been decided", "no rise agreed").</summary>
    public static bool NoDecision(ReadOnlySpan<char> sentence) =>
        (sentence.IndexOf("no ", StringComparison.Ordinal) >= 0 || sentence.IndexOf("nothing", StringComparison.Ordinal) >= 0) && NothingDecided().IsMatch(sentence);

    /// <summary>True when the sentence retracts an earlier report ("an earlier version of this article said…").</summary>
    public static bool Retracted(ReadOnlySpan<char> sentence) =>
        (sentence.IndexOf("version", StringComparison.Ordinal) >= 0 || sentence.IndexOf("edition", StringComparison.Ordinal) >= 0)
        && EarlierVersion().IsMatch(sentence);

    // A correction names what it corrects: "an earlier version of this article said the council had scrapped…".
    [GeneratedRegex(@"\b(?:an|the) (?:earlier|previous|original) (?:version|edition) of (?:this|our|the) (?:article|story|report|post|piece)\b", RegexOptions.CultureInvariant)]
    private static partial Regex EarlierVersion();

    [GeneratedRegex(@"\b(?:did not|didn'?t|has not|hasn'?t|have not|haven'?t|had not|hadn'?t|never)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Negation();

    [GeneratedRegex(@"[,;:]|\s(?:but|before|after|because|although|though|while|when|and then|then|yet still|instead)\s", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(
        @"\b(?:no|nothing)(?: (?:final|formal|firm|actual))?(?: (?:decision|decisions|vote|rise|change|changes|increase|cut|closure|sale|plans?))?"
        + @"(?: (?:has|have|had|was|were|is|is yet to be|has yet to be))?(?: (?:yet|even|actually))?(?: been| be)? (?:taken|made|decided|agreed|reached|settled|finali[sz]ed|approved)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex NothingDecided();
}
