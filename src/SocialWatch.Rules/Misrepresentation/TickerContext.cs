namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// A short alias of the council ("LTC") is also a currency ticker (Litecoin) and other abbreviations.
/// Next to money signs and market words ("$LTC", "LTC price", "LTC/USD", "bought some LTC") it means
/// the other thing, and the sentence says nothing about the council.
/// </summary>
internal static class TickerContext
{
    private const int Window = 40;

    private static readonly string[] MarketWords =
    [
        "$", "usd", "usdt", "btc", "eth", "crypto", "coin", "coins", "token", "price", "prices", "chart", "pump", "dump", "hodl",
        "moon", "bullish", "bearish", "trading", "trade", "exchange", "wallet", "binance", "satoshi", "altcoin", "market cap",
    ];

    /// <summary>True when a short alias at [start, end) of folded text sits among market words.</summary>
    public static bool IsTicker(string folded, int start, int end)
    {
        if (end - start > 4)
        {
            return false; // full names are never tickers
        }

        var from = Math.Max(0, start - Window);
        var to = Math.Min(folded.Length, end + Window);
        var around = folded.AsSpan(from, to - from);
        foreach (var word in MarketWords)
        {
            var at = around.IndexOf(word, StringComparison.Ordinal);
            while (at >= 0)
            {
                var absolute = from + at;
                var after = absolute + word.Length;
                var boundedBefore = word == "$" || absolute == 0 || !char.IsAsciiLetter(folded[absolute - 1]);
                var boundedAfter = word == "$" || after >= folded.Length || !char.IsAsciiLetter(folded[after]);
                if (boundedBefore && boundedAfter)
                {
                    return true;
                }

                var next = around[(at + word.Length)..].IndexOf(word, StringComparison.Ordinal);
                at = next < 0 ? -1 : at + word.Length + next;
            }
        }

        return false;
    }
}
