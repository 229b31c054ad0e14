using System.Globalization;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Leaks;

/// <summary>A money amount found in folded text, with its value in pounds.</summary>
internal readonly record struct MoneyAmount(int Start, int Length, decimal Value, bool Approximate)
{
    public int End => Start + Length;
}

/// <summary>
/// Finds money amounts written any of the ways people write them: "£48,500", "£1.2m", "48.5k",
/// "£310k", "3,200 pounds", "forty-eight thousand pounds", "fifty grand", "just under fifty grand".
/// Works on folded text (lower case); never throws. Bare "12m" is not money (metres), "£12m" is.
/// </summary>
internal static class MoneyParser
{
    private static readonly string[] Approximators =
    [
        "just under ", "just over ", "under ", "over ", "around ", "about ", "roughly ", "nearly ", "almost ",
        "approximately ", "approx ", "circa ", "c. ", "some ", "up to ",
    ];

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40,
        ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>Cheap test before <see cref="Find"/>: a currency sign, a digit, or a money word.</summary>
    public static bool MayContainMoney(string folded) =>
        folded.Contains('£') || folded.Contains('$') || folded.Contains('€')
        || folded.Contains("grand", StringComparison.Ordinal) || folded.Contains("pound", StringComparison.Ordinal)
        || folded.Contains("quid", StringComparison.Ordinal) || folded.Contains("thousand", StringComparison.Ordinal) || ContainsDigitK(folded);

    public static List<MoneyAmount> Find(string folded)
    {
        var found = new List<MoneyAmount>();
        if (string.IsNullOrEmpty(folded))
        {
            return found;
        }

        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            if (c is '£' or '$' or '€')
            {
                var j = SkipSpaces(folded, i + 1);
                if (TryNumber(folded, j, out var value, out var end) || TryWordNumber(folded, j, out value, out end))
                {
                    end = ApplyMultiplier(folded, end, allowBareM: true, ref value);
                    found.Add(WithApproximator(folded, i, end, value));
                    i = end;
                    continue;
                }
            }
            else if (char.IsAsciiDigit(c) && (i == 0 || !IsNumberChar(folded[i - 1])))
            {
                if (TryNumber(folded, i, out var value, out var end))
                {
                    var before = value;
                    var multiplied = ApplyMultiplier(folded, end, allowBareM: false, ref value);
                    var unitEnd = Unit(folded, multiplied);
                    if (unitEnd > multiplied || (multiplied > end && value != before))
                    {
                        found.Add(WithApproximator(folded, i, Math.Max(unitEnd, multiplied), value));
                        i = Math.Max(unitEnd, multiplied);
                        continue;
                    }

                    i = end;
                    continue;
                }
            }
            else if (char.IsAsciiLetterLower(c) && (i == 0 || !char.IsAsciiLetterLower(folded[i - 1])))
            {
                if (TryWordNumber(folded, i, out var value, out var end))
                {
                    var multiplied = ApplyMultiplier(folded, end, allowBareM: false, ref value);
                    var unitEnd = Unit(folded, multiplied);
                    var isGrand = multiplied > end && folded.AsSpan(SkipSpaces(folded, end)).StartsWith("grand", StringComparison.Ordinal);
                    if (unitEnd > multiplied || isGrand || (value >= 1000 && (PriceCueBefore(folded, i) || PeriodAfter(folded, multiplied))))
                    {
                        var stop = Math.Max(unitEnd, multiplied);
                        found.Add(WithApproximator(folded, i, stop, value));
                        i = stop;
                        continue;
                    }

                    i = end;
                    continue;
                }
            }

            i++;
        }

        return found;
    }

    private static MoneyAmount WithApproximator(string folded, int start, int end, decimal value)
    {
        foreach (var approximator in Approximators)
        {
            if (start >= approximator.Length && folded.AsSpan(start - approximator.Length, approximator.Length).SequenceEqual(approximator))
            {
                return new MoneyAmount(start - approximator.Length, end - start + approximator.Length, value, true);
            }
        }

        return new MoneyAmount(start, end - start, value, false);
    }

    /// <summary>Digits with thousands commas and a decimal point: "48,500", "1.2", "19.5".</summary>
    private static bool TryNumber(string s, int start, out decimal value, out int end)
    {
        value = 0;
        end = start;
        var i = start;
        var digits = 0;
        Span<char> buffer = stackalloc char[32];
        var length = 0;
        var seenPoint = false;
        while (i < s.Length && length < buffer.Length)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                buffer[length++] = c;
                digits++;
                i++;
            }
            else if (c == ',' && digits > 0 && i + 3 < s.Length + 1 && HasThreeDigits(s, i + 1))
            {
                i++; // thousands separator
            }
            else if (c == '.' && !seenPoint && digits > 0 && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
            {
                seenPoint = true;
                buffer[length++] = '.';
                i++;
            }
            else
            {
                break;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        end = i;
        return decimal.TryParse(buffer[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool HasThreeDigits(string s, int at) =>
        at + 3 <= s.Length && char.IsAsciiDigit(s[at]) && char.IsAsciiDigit(s[at + 1]) && char.IsAsciiDigit(s[at + 2])
        && (at + 3 == s.Length || !char.IsAsciiDigit(s[at + 3]));

    /// <summary>"forty-eight thousand", "fifty", "a hundred and twenty", "one point two".</summary>
    private static bool TryWordNumber(string s, int start, out decimal value, out int end)
    {
        value = 0;
        end = start;
        decimal total = 0;
        decimal current = 0;
        var any = false;
        var i = start;
        while (i < s.Length)
        {
            var wordEnd = i;
            while (wordEnd < s.Length && char.IsAsciiLetterLower(s[wordEnd]))
            {
                wordEnd++;
            }

            if (wordEnd == i)
            {
                break;
            }

            var word = s.AsSpan(i, wordEnd - i);
            if (NumberWords.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var n))
            {
                current += n;
                any = true;
            }
            else if (word.SequenceEqual("hundred") && any)
            {
                current = Math.Max(current, 1) * 100;
            }
            else if (word.SequenceEqual("thousand") && any)
            {
                total += Math.Max(current, 1) * 1000;
                current = 0;
            }
            else if (word.SequenceEqual("and") && any && HalfBeforeMultiplier(s, wordEnd, out var halfEnd))
            {
                // "eighteen and a half thousand": the half belongs to the number before the multiplier.
                current += 0.5m;
                wordEnd = halfEnd;
            }
            else if (word.SequenceEqual("and") && any)
            {
                // "a hundred and twenty": only part of the number when another number word follows.
                var next = SkipSpaces(s, wordEnd);
                if (!StartsWithNumberWord(s, next))
                {
                    break;
                }
            }
            else
            {
                break;
            }

            end = wordEnd;
            i = wordEnd;
            if (i < s.Length && (s[i] == '-' || s[i] == ' ') && i + 1 < s.Length && char.IsAsciiLetterLower(s[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        value = total + current;
        return any;
    }

    /// <summary>" a half thousand", " a half grand": the text after "and" up to the multiplier.</summary>
    private static bool HalfBeforeMultiplier(string s, int at, out int end)
    {
        end = at;
        var i = SkipSpaces(s, at);
        if (!s.AsSpan(i).StartsWith("a half ", StringComparison.Ordinal))
        {
            return false;
        }

        var next = i + "a half ".Length;
        var rest = s.AsSpan(next);
        if (rest.StartsWith("thousand", StringComparison.Ordinal) || rest.StartsWith("grand", StringComparison.Ordinal) || rest.StartsWith("million", StringComparison.Ordinal))
        {
            end = next - 1;
            return true;
        }

        return false;
    }

    private static readonly string[] PriceCues =
    [
        "at", "for", "was", "were", "is", "of", "bid", "bids", "quote", "quoted", "offered", "offer", "paid", "pay", "cost", "costs",
        "costing", "priced", "worth", "valued", "charging", "charge", "asking", "wants", "want", "settled", "budgeted",
    ];

    /// <summary>
    /// A price written as a bare number in words ("came in at twenty-three thousand five hundred", "the bid
    /// was eighteen thousand"): a word of price or of being just before it says it is an amount of money,
    /// where "three thousand people" is a count.
    /// </summary>
    private static bool PriceCueBefore(string s, int start)
    {
        var end = start;
        while (end > 0 && s[end - 1] == ' ')
        {
            end--;
        }

        var wordStart = end;
        while (wordStart > 0 && char.IsAsciiLetterLower(s[wordStart - 1]))
        {
            wordStart--;
        }

        if (wordStart == end)
        {
            return false;
        }

        var word = s.AsSpan(wordStart, end - wordStart);
        foreach (var cue in PriceCues)
        {
            if (word.SequenceEqual(cue))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"… a year", "… per annum", "… a month": a rent or a fee.</summary>
    private static bool PeriodAfter(string s, int end)
    {
        var rest = s.AsSpan(SkipSpaces(s, end));
        return rest.StartsWith("a year", StringComparison.Ordinal) || rest.StartsWith("per year", StringComparison.Ordinal)
            || rest.StartsWith("per annum", StringComparison.Ordinal) || rest.StartsWith("a month", StringComparison.Ordinal)
            || rest.StartsWith("pa ", StringComparison.Ordinal) || rest.StartsWith("per month", StringComparison.Ordinal);
    }

    private static bool StartsWithNumberWord(string s, int at)
    {
        var wordEnd = at;
        while (wordEnd < s.Length && char.IsAsciiLetterLower(s[wordEnd]))
        {
            wordEnd++;
        }

        return wordEnd > at && NumberWords.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(s.AsSpan(at, wordEnd - at));
    }

    /// <summary>Applies "k", "m", "bn", "thousand", "million", "grand" after a number.</summary>
    private static int ApplyMultiplier(string s, int end, bool allowBareM, ref decimal value)
    {
        var at = end;
        if (at < s.Length && (s[at] == 'k' || s[at] == 'm') && (at + 1 == s.Length || !char.IsAsciiLetterLower(s[at + 1])))
        {
            if (s[at] == 'k')
            {
                if (NounAfter(s, at + 1))
                {
                    return end; // "5k run", "10k followers": a count, not pounds
                }

                value *= 1000;
                return at + 1;
            }

            if (allowBareM || Unit(s, at + 1) > at + 1)
            {
                value *= 1_000_000;
                return at + 1;
            }

            return end;
        }

        if (at + 2 <= s.Length && s.AsSpan(at, 2).SequenceEqual("bn") && (at + 2 == s.Length || !char.IsAsciiLetterLower(s[at + 2])))
        {
            value *= 1_000_000_000;
            return at + 2;
        }

        var word = SkipSpaces(s, at);
        foreach (var (text, factor) in (ReadOnlySpan<(string, decimal)>)[("thousand", 1000m), ("grand", 1000m), ("million", 1_000_000m), ("billion", 1_000_000_000m)])
        {
            if (s.AsSpan(word).StartsWith(text, StringComparison.Ordinal)
                && (word + text.Length == s.Length || !char.IsAsciiLetterLower(s[word + text.Length])))
            {
                if (text == "grand" && NounAfter(s, word + text.Length))
                {
                    return end; // "22 Grand Parade", "the Grand National": a name, not a thousand pounds
                }

                value *= factor;
                return word + text.Length;
            }
        }

        return end;
    }

    /// <summary>
    /// Nouns that, straight after "5k" or "22 grand", show the abbreviation means something else: a
    /// distance or a count ("5k run", "10k followers"), or a name ("Grand Parade", "Grand National").
    /// </summary>
    private static readonly HashSet<string> NotMoneyNouns = new(StringComparer.Ordinal)
    {
        "run", "runs", "race", "races", "walk", "walks", "swim", "ride", "cycle", "steps", "miles", "km", "followers",
        "views", "likes", "subscribers", "members", "people", "words", "parade", "hotel", "prix", "piano", "national",
        "slam", "tour", "final", "finale", "opening", "canyon", "designs", "old", "duke", "master", "union", "junction",
        "theatre", "hall", "place", "avenue", "road", "street", "lane", "terrace", "view", "pier", "tradition",
    };

    private static bool NounAfter(string s, int at)
    {
        var start = SkipSpaces(s, at);
        if (start == at && start < s.Length && s[start] != '-')
        {
            return false; // "5k." or "5k," ends the amount
        }

        if (start < s.Length && s[start] == '-')
        {
            start++;
        }

        var end = start;
        while (end < s.Length && char.IsAsciiLetterLower(s[end]))
        {
            end++;
        }

        return end > start && NotMoneyNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(s.AsSpan(start, end - start));
    }

    /// <summary>End of a currency word after the number ("pounds", "quid", "gbp"), or the same position.</summary>
    private static int Unit(string s, int at)
    {
        var word = SkipSpaces(s, at);
        foreach (var unit in (ReadOnlySpan<string>)["pounds", "pound", "quid", "gbp", "sterling"])
        {
            if (s.AsSpan(word).StartsWith(unit, StringComparison.Ordinal)
                && (word + unit.Length == s.Length || !char.IsAsciiLetterLower(s[word + unit.Length])))
            {
                return word + unit.Length;
            }
        }

        return at;
    }

    private static int SkipSpaces(string s, int at)
    {
        while (at < s.Length && s[at] == ' ')
        {
            at++;
        }

        return at;
    }

    private static bool IsNumberChar(char c) => char.IsAsciiDigit(c) || c == '.' || c == ',';

    private static bool ContainsDigitK(string s)
    {
        for (var i = 1; i < s.Length; i++)
        {
            if (s[i] == 'k' && char.IsAsciiDigit(s[i - 1]))
            {
                return true;
            }
        }

        return false;
    }
}
