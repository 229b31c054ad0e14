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

    [GeneratedRegex(
        @"\bof (?:our|your|the public'?s|taxpayers'?|the taxpayers'?|ratepayers'?|residents'?) (?:money|cash|council tax|precept)\b"
        + @"|\b(?:public money|public funds|taxpayers'? money|our council tax|our precept)\b"
        + @"|\b(?:blown|blew|splashed|splurged|squandered|wasted|frittered|forked out|shelled out|chucked|thrown away|threw away)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
