using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Leaks.Concepts;

/// <summary>
/// A hard negative for money: prices of shares, crypto coins and currencies ("LTC hit £80", "$BTC",
/// "GBP/USD at 1.27", "shares up 5%") are market talk, not a council price, even beside "buying" or
/// "offer". A cashtag or a word of markets within a few words of the amount clears it. Abbreviations
/// that are also tickers (an organisation's alias may be one) are judged by this context, not alone.
/// </summary>
internal static partial class MarketContext
{
    private const int WindowChars = 60;

    public static bool Around(string folded, int start, int end)
    {
        var from = Math.Max(0, start - WindowChars);
        var to = Math.Min(folded.Length, end + WindowChars);
        return Market().IsMatch(folded.AsSpan(from, to - from));
    }

    [GeneratedRegex(
        @"\$[a-z]{2,6}\b|\b[a-z]{3}/(?:usd|gbp|eur|usdt|btc)\b|\b(?:shares?|share price|stocks?|stock market|crypto\w*|bitcoin|ethereum|litecoin|dogecoin|coins?|tokens?|ticker|exchange rate|forex|ftse|nasdaq|dow jones|market cap|hodl|trading at|portfolio|dividend|to the dollar|to the euro)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Market();
}
