using System.Text.RegularExpressions;
using SocialWatch.Rules.Leaks;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// A sum of public money said to have gone somewhere, in a post that names the council: "£85k of our
/// money on consultants… Cheers Leigh Town Council", "twelve grand of taxpayers' money blown on a logo".
/// Why: such posts attribute spending to the council without a verb whose subject is the council (the
/// council is named in another sentence, often a sarcastic "thanks"), and spending claims are what the
/// clerk is asked to check. Both a money amount and a marker of public money or of wasteful spending
/// must be in the sentence; "£5 on the door" is neither.
/// </summary>
internal static partial class PublicMoney
{
    /// <summary>The public-money marker of a sentence that also holds a money amount, or null.</summary>
    public static TextSpan? Find(string sentenceText)
    {
        if (Marker().Match(sentenceText) is not { Success: true } marker || !MoneyParser.MayContainMoney(sentenceText))
        {
            return null;
        }

        if (sentenceText.AsSpan(0, marker.Index).TrimEnd(' ').EndsWith("not", StringComparison.Ordinal))
        {
            return null; // "money well spent, not wasted"
        }

        return MoneyParser.Find(sentenceText).Count > 0 ? new TextSpan(marker.Index, marker.Length, marker.Value) : null;
    }

    /// <summary>
    /// A sum spent on something with a verdict on it, in a post that names the council: "£620 for one
    /// noticeboard. The town council have lost the plot", "nine grand on a new logo … you couldn't make it
    /// up". The verdict says the sum was spent and is wasteful without any verb of deciding; it may sit in
    /// the next sentence. A post that says the matter is nothing to do with the council ("£3 for a coffee,
    /// madness; nothing to do with the council") does not attribute it. Returns the money sentence and the
    /// verdict, or null.
    /// </summary>
    public static (Sentence Sentence, TextSpan Verdict)? SumWithVerdict(string folded, IReadOnlyList<Sentence> sentences)
    {
        if (!MoneyParser.MayContainMoney(folded) || Verdict().Match(folded) is not { Success: true } verdict || NotTheCouncil().IsMatch(folded))
        {
            return null;
        }

        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            var text = folded.AsSpan(sentence.Start, sentence.Length);
            if (!SumSpentOn().IsMatch(text))
            {
                continue;
            }

            // The verdict in the same sentence or the next one.
            var reachEnd = s + 1 < sentences.Count ? sentences[s + 1].End : sentence.End;
            if (verdict.Index >= sentence.Start && verdict.Index < reachEnd)
            {
                return (sentence, new TextSpan(verdict.Index, verdict.Length, verdict.Value));
            }
        }

        return null;
    }

    // A sum, then "on" or "for" and a thing: "£620 for one noticeboard", "nine grand on a new logo".
    [GeneratedRegex(
        @"(?:£\s?\d[\d,.]*\s?(?:k|m|million|grand)?|\b\d[\d,.]*\s?(?:k|grand|quid|pounds)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred)[ -](?:[a-z-]+ )?(?:grand|thousand|hundred quid|quid|pounds|k)\b)\s+(?:of [a-z']+ (?:money|cash) )?(?:on|for)\s+(?:a|an|one|the|two|three|some|new|\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex SumSpentOn();

    // Verdicts of waste or folly: "lost the plot", "lost it", "couldn't make it up", "madness", "a joke".
    [GeneratedRegex(
        @"\b(?:lost the plot|lost (?:it|their minds?|the place)|(?:could ?n'?t|can'?t|cannot) make (?:it|this) up|madness|bonkers|barmy|insane|crazy|ridiculous|absurd|outrageous|scandal(?:ous)?|disgrace(?:ful)?|shambles|joke|laughable|unbelievable|beggars belief|daylight robbery|what a waste|waste of|taking the (?:mick|mickey|piss)|having a laugh)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Verdict();

    [GeneratedRegex(@"\b(?:nothing to do with|not down to|not the fault of|not the council'?s (?:fault|doing))\b", RegexOptions.CultureInvariant)]
    private static partial Regex NotTheCouncil();

    [GeneratedRegex(
        @"\bof (?:our|your|the public'?s|taxpayers'?|the taxpayers'?|ratepayers'?|residents'?) (?:money|cash|council tax|precept)\b"
        + @"|\b(?:public money|public funds|taxpayers'? money|our council tax|our precept)\b"
        + @"|\b(?:blown|blew|splashed|splurged|squandered|wasted|frittered|forked out|shelled out|chucked|thrown away|threw away)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
