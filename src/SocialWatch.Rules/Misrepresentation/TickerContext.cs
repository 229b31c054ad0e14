namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// A short alias of the council ("LTC") is also a currency ticker (Litecoin) and other abbreviations.
/// Next to money signs and market words ("$LTC", "LTC price", "LTC/USD", "LTC up 6%", "resistance") it means
/// the other thing, and the sentence says nothing about the council.
/// </summary>
internal static class TickerContext
{
    private const int Window = 60;

    private static readonly string[] MarketWords =
    [
        "$", "usd", "usdt", "btc", "eth", "crypto", "coin", "coins", "token", "price", "prices", "chart", "pump", "dump", "hodl",
        "moon", "bullish", "bearish", "trading", "trade", "exchange", "wallet", "binance", "satoshi", "altcoin", "market cap",
        "resistance", "breakout", "whales", "hodling", "portfolio", "📈", "📉",
    ];

    /// <summary>" up 6%", " down 3.5%", " +12%", " -4%" right after the alias.</summary>
    private static bool PriceMove(ReadOnlySpan<char> after)
    {
        after = after.TrimStart(' ');
        if (after.StartsWith("up ", StringComparison.Ordinal))
        {
            after = after[3..];
        }
        else if (after.StartsWith("down ", StringComparison.Ordinal))
        {
            after = after[5..];
        }
        else if (after.Length > 0 && after[0] is '+' or '-')
        {
            after = after[1..];
        }
        else
        {
            return false;
        }

        var digits = 0;
        while (digits < after.Length && (char.IsAsciiDigit(after[digits]) || after[digits] == '.'))
        {
            digits++;
        }

        return digits > 0 && digits < after.Length && after[digits] == '%';
    }

    /// <summary>True when a short alias at [start, end) of folded text sits among market words.</summary>
    public static bool IsTicker(string folded, int start, int end)
    {
        if (end - start > 4)
        {
            return false; // full names are never tickers
        }

        var from = Math.Max(0, start - Window);
        if (PriceMove(folded.AsSpan(end, Math.Min(folded.Length, end + 16) - end)))
        {
            return true; // "LTC up 6%", "LTC -3.2%": a price moving, said of a ticker
        }

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
