using SocialWatch.Rules.Leaks;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// What a claim or an official statement says that can be compared: topic words, percentages, money,
/// dates (day and month, month alone, seasons), times of day, and whether it asserts a change or denies one.
/// </summary>
internal sealed class TextFacts
{
    private static readonly string[] Months =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ];

    private static readonly string[] Seasons = ["easter", "spring", "summer", "autumn", "winter", "new year", "half term"];

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "her", "was", "one", "our", "out", "day",
        "get", "has", "him", "his", "how", "its", "may", "new", "now", "old", "see", "two", "way", "who", "did", "yes",
        "they", "them", "their", "there", "this", "that", "these", "those", "with", "from", "have", "been", "will", "would",
        "what", "when", "where", "which", "while", "your", "about", "after", "again", "also", "just", "into", "than",
        "then", "very", "more", "most", "some", "such", "only", "over", "said", "says", "say", "told", "here", "were",
        "being", "because", "before", "could", "should", "still", "today", "tonight", "tomorrow", "yesterday", "week",
        "year", "next", "last", "night", "morning", "every", "each", "other", "much", "many", "really", "apparently",
        "town", "council", "councils", "council's", "we're", "we've", "it's", "don't", "can't",
        "won't", "isn't", "aren't", "that's", "let", "like", "going", "per", "cent", "percent", "amp", "https", "http",
        "www", "gov", "news", "via", "please", "thanks", "thank", "details", "more", "info", "read", "statement", "post",
        "confirmed", "confirms", "announced", "agreed", "approved", "decided", "decision", "has", "had", "yet", "already",
        "january", "february",
        "march", "april", "june", "july", "august", "september", "october", "november", "december",
        // Words too general to tie a claim to a statement: verbs of deciding and changing, time words.
        "late", "early", "confirm", "open", "support", "plan", "apply", "until", "full", "agenda", "paper", "group",
        "update", "close", "sell", "cancel", "scrap", "approv", "vote", "decid", "change", "keep", "people",
        "everyone", "anyone", "nothing", "something", "make", "made", "want", "need", "told", "know", "think",
        "good", "great", "right", "wrong", "time", "year", "month", "ahead", "back", "along", "residents",
        "resident", "local", "public", "official", "notice", "reminder", "important", "alert", "breaking",
    };

    public required HashSet<string> Topic { get; init; }
    public required HashSet<decimal> Percentages { get; init; }
    public required HashSet<decimal> Money { get; init; }
    public required HashSet<string> Dates { get; init; }
    public required HashSet<string> Times { get; init; }
    public required List<TextSpan> Changes { get; init; }
    public required List<TextSpan> StatusQuo { get; init; }

    public bool HasDates => Dates.Count > 0;

    /// <summary>Extracts facts from the given sentences of folded text (questions are skipped by the caller).</summary>
    /// <param name="notChange">Everyday phrases ("car boot sale") inside which a change word is not a change.</param>
    /// <param name="placeWords">
    /// Words of the organisation's own names and aliases (from the watch file, <see cref="PlaceWords"/>):
    /// nearly every post and statement has them, so they tie nothing to a topic.
    /// </param>
    public static TextFacts From(string folded, IEnumerable<Sentence> sentences, Lexicon change, Lexicon statusQuo, Lexicon? notChange = null, IReadOnlySet<string>? placeWords = null)
    {
        var facts = new TextFacts
        {
            Topic = new HashSet<string>(StringComparer.Ordinal),
            Percentages = [],
            Money = [],
            Dates = new HashSet<string>(StringComparer.Ordinal),
            Times = new HashSet<string>(StringComparer.Ordinal),
            Changes = [],
            StatusQuo = [],
        };

        foreach (var sentence in sentences)
        {
            var text = folded.Substring(sentence.Start, sentence.Length);
            AddTopic(text, facts.Topic, placeWords);
            AddPercentages(text, facts.Percentages);
            if (facts.Percentages.Count > 0)
            {
                facts.Topic.Add("%"); // a figure is itself a topic: "precept up 10%" and "precept rise of 2.5%"
            }

            foreach (var amount in MoneyParser.Find(text))
            {
                facts.Money.Add(amount.Value);
            }

            AddDates(text, facts.Dates);
            AddTimes(text, facts.Times);
            var excluded = notChange is { IsEmpty: false } && notChange.ContainsAny(text) ? notChange.FindAll(text) : null;
            foreach (var span in change.FindAll(text))
            {
                if (excluded is not null && Inside(span, excluded))
                {
                    continue; // "car boot sale": an event, not a sale
                }

                if (!IsNegated(text, span))
                {
                    facts.Changes.Add(span with { Start = span.Start + sentence.Start });
                }
                else
                {
                    facts.StatusQuo.Add(span with { Start = span.Start + sentence.Start });
                }
            }

            foreach (var span in statusQuo.FindAll(text))
            {
                facts.StatusQuo.Add(span with { Start = span.Start + sentence.Start });
            }
        }

        return facts;
    }

    /// <summary>True when the span lies within one of the (same-text) spans.</summary>
    internal static bool Inside(TextSpan span, IReadOnlyList<TextSpan> spans)
    {
        foreach (var outer in spans)
        {
            if (span.Start >= outer.Start && span.End <= outer.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A change word with a negation just before it ("no plans to sell", "not cancelled", "denies ... sale rumours").</summary>
    private static bool IsNegated(string text, TextSpan span)
    {
        var windowStart = Math.Max(0, span.Start - 36);
        var before = text.AsSpan(windowStart, span.Start - windowStart);
        foreach (var negation in (ReadOnlySpan<string>)["not ", "no ", "never ", "n't ", "denies ", "denied ", "deny ", "without ", "nor ", "claiming ", "claims that", "rumour", "saying that"])
        {
            if (before.Contains(negation, StringComparison.Ordinal))
            {
                return true;
            }
        }

        // The same negations typed without the apostrophe ("ARENT changing", "wont be closing"), as
        // whole words: "parent" and "want" hold the letters but negate nothing.
        foreach (var negation in (ReadOnlySpan<string>)["arent ", "isnt ", "wont ", "dont ", "doesnt ", "didnt ", "havent ", "hasnt ", "cant ", "werent ", "wasnt ", "aint "])
        {
            var at = before.IndexOf(negation, StringComparison.Ordinal);
            if (at >= 0 && (at == 0 ? windowStart == 0 || !char.IsAsciiLetter(text[windowStart - 1]) : !char.IsAsciiLetter(before[at - 1])))
            {
                return true;
            }
        }

        var afterEnd = Math.Min(text.Length, span.End + 20);
        var after = text.AsSpan(span.End, afterEnd - span.End);
        return after.Contains("rumour", StringComparison.Ordinal) || after.Contains("claims", StringComparison.Ordinal)
            || after.Contains(" is not true", StringComparison.Ordinal);
    }

    private static void AddTopic(string text, HashSet<string> topic, IReadOnlySet<string>? placeWords)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '\'' || text[i] == '-'))
            {
                i++;
            }

            if (i - start < 4)
            {
                continue;
            }

            // Skip link text ("leighonseatowncouncil.gov.uk/news/library-hours").
            if (i < text.Length && (text[i] == '.' || text[i] == '/') && i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]))
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                continue;
            }

            var word = Stem(text[start..i].Trim('\'', '-'));
            if (word.Length >= 4 && !StopWords.Contains(word) && placeWords?.Contains(word) != true)
            {
                topic.Add(word);
            }
        }
    }

    /// <summary>The stemmed words of the organisation's names and aliases (not topic words).</summary>
    public static HashSet<string> PlaceWords(WatchOptions watch) =>
        watch.Organisation.Names.Concat(watch.Organisation.Aliases)
            .SelectMany(n => TextFolding.Fold(n).Split([' ', '-', '_', '.'], StringSplitOptions.RemoveEmptyEntries))
            .Select(w => Stem(w.Trim('\'')))
            .Where(w => w.Length > 0)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Light stemming so "closing"/"closed"/"closure" and "sale"/"selling"/"sold" meet.</summary>
    internal static string Stem(string word)
    {
        if (word.EndsWith("'s", StringComparison.Ordinal))
        {
            word = word[..^2];
        }

        switch (word)
        {
            case "sold" or "selling" or "sale" or "sell" or "sells":
                return "sell";
            case "closing" or "closed" or "closure" or "closes" or "close":
                return "close";
        }

        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return word[..^3];
        }

        if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.Length > 4 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }

    private static void AddPercentages(string text, HashSet<decimal> percentages)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && (char.IsAsciiDigit(text[i - 1]) || text[i - 1] == '.')))
            {
                continue;
            }

            var end = i;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || (text[end] == '.' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))))
            {
                end++;
            }

            var rest = text.AsSpan(end);
            var isPercent = rest.StartsWith("%") || rest.StartsWith(" per cent", StringComparison.Ordinal)
                || rest.StartsWith(" percent", StringComparison.Ordinal) || rest.StartsWith("pc ", StringComparison.Ordinal);
            if (isPercent && decimal.TryParse(text.AsSpan(i, end - i), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                percentages.Add(value);
            }

            i = end;
        }
    }

    private static void AddDates(string text, HashSet<string> dates)
    {
        for (var m = 0; m < Months.Length; m++)
        {
            var month = Months[m];
            var from = 0;
            while (true)
            {
                var at = IndexOfMonth(text, month, from, out var length);
                if (at < 0)
                {
                    break;
                }

                from = at + length;
                var day = DayBefore(text, at) ?? DayAfter(text, at + length);
                dates.Add(day is null ? $"month:{m + 1}" : $"{day}/{m + 1}");
            }
        }

        foreach (var season in Seasons)
        {
            if (text.Contains(season, StringComparison.Ordinal))
            {
                dates.Add("season:" + season);
            }
        }
    }

    /// <summary>Finds a month by full name or three-letter abbreviation ("31 jan"), on word boundaries.</summary>
    private static int IndexOfMonth(string text, string month, int from, out int length)
    {
        foreach (var form in (ReadOnlySpan<string>)[month, month[..3]])
        {
            var at = from;
            while ((at = text.IndexOf(form, at, StringComparison.Ordinal)) >= 0)
            {
                var end = at + form.Length;
                if ((at == 0 || !char.IsAsciiLetter(text[at - 1])) && (end == text.Length || !char.IsAsciiLetter(text[end])))
                {
                    // "may" is also a verb: only count it next to a day number.
                    if (month == "may" && DayBefore(text, at) is null && DayAfter(text, end) is null)
                    {
                        at = end;
                        continue;
                    }

                    length = form.Length;
                    return at;
                }

                at = end;
            }
        }

        length = 0;
        return -1;
    }

    private static int? DayBefore(string text, int monthStart)
    {
        var i = monthStart - 1;
        while (i >= 0 && text[i] == ' ')
        {
            i--;
        }

        // Allow ordinals: "28th november".
        if (i >= 1 && char.IsAsciiLetter(text[i]) && char.IsAsciiLetter(text[i - 1]) && i >= 2 && char.IsAsciiDigit(text[i - 2]))
        {
            i -= 2;
        }

        var end = i + 1;
        while (i >= 0 && char.IsAsciiDigit(text[i]))
        {
            i--;
        }

        return end - (i + 1) is 1 or 2 && int.TryParse(text.AsSpan(i + 1, end - (i + 1)), out var day) && day is >= 1 and <= 31 ? day : null;
    }

    private static int? DayAfter(string text, int monthEnd)
    {
        var i = monthEnd;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - start is 1 or 2 && (i == text.Length || !char.IsAsciiDigit(text[i]))
            && int.TryParse(text.AsSpan(start, i - start), out var day) && day is >= 1 and <= 31 ? day : null;
    }

    private static void AddTimes(string text, HashSet<string> times)
    {
        for (var i = 0; i + 2 < text.Length; i++)
        {
            if ((text[i] == 'a' || text[i] == 'p') && text[i + 1] == 'm' && (i + 2 == text.Length || !char.IsAsciiLetter(text[i + 2])))
            {
                var j = i - 1;
                while (j >= 0 && (char.IsAsciiDigit(text[j]) || text[j] is '.' or ':'))
                {
                    j--;
                }

                if (j < i - 1 && char.IsAsciiDigit(text[j + 1]))
                {
                    times.Add(text[(j + 1)..(i + 2)].Replace(':', '.'));
                }
            }
        }
    }
}
