using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Leaks.Concepts;

/// <summary>
/// A hard negative for prices: money raised for a cause ("the raffle came in at over £400 for the
/// hospice", "we raised £1,200", "donations came to £300") is a total collected and thanked for in public,
/// not a quotation, even beside a word of quoting such as "came in at". A word of fundraising within a few
/// words of the amount clears it; a charity that bids for a lease is not fundraising.
/// </summary>
internal static partial class FundraisingContext
{
    private const int WindowChars = 50;

    public static bool Around(string folded, int start, int end)
    {
        var from = Math.Max(0, start - WindowChars);
        var to = Math.Min(folded.Length, end + WindowChars);
        return Fundraising().IsMatch(folded.AsSpan(from, to - from));
    }

    [GeneratedRegex(
        @"\b(?:raffle|tombola|raised|raising|fundrais\w*|donat\w*|sponsor(?:ed|ship)?|collection buckets?|bucket collection|for charity|good cause|just ?giving)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Fundraising();
}
