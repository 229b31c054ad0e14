namespace SocialWatch.Rules.Misrepresentation;

/// <summary>Comparing a claim with the official statements on its topic: agreement (same figures, dates, quotes) or contradiction.</summary>
internal sealed partial class MisrepresentationRule
{
    private const int CompareCandidates = 4;

    private static readonly Comparison NoComparison = new(null, false, false);

    private static readonly List<string> NoQuotes = [];

    private Comparison Compare(PostInput post, string folded, TextFacts claim, OfficialStatements.StatementEntry? replyTarget, OfficialStatements.Snapshot statements)
    {
        var entries = statements.Entries;
        if (entries.Length == 0)
        {
            return NoComparison;
        }

        // Topic scores through the statements' word index (only statements sharing a word get a score), in
        // this thread's scratch buffers, which are all zero between calls: only the touched slots are
        // cleared afterwards, so a claim costs the statements it shares words with, not all of them.
        var scratch = CompareScratch.For(entries.Length);
        var scores = scratch.Scores.AsSpan(0, entries.Length);
        var shared = scratch.Shared.AsSpan(0, entries.Length);
        var touched = scratch.Touched.AsSpan(0, entries.Length);
        var touchedCount = statements.TopicScores(claim, scores, shared, touched);
        try
        {
            // Which statements to look at, in statement order (ties keep the earlier statement): with the
            // model, every one (a statement sharing no word may still be near in meaning); without it, those
            // sharing a word and the one replied to. When many share a word, a walk in order beats a sort.
            var walkAll = _embedder is not null || touchedCount * 4 > entries.Length;
            if (!walkAll && replyTarget is not null && shared[replyTarget.Index] == 0)
            {
                touched[touchedCount++] = replyTarget.Index;
            }

            var candidates = touched[..touchedCount];
            if (!walkAll)
            {
                candidates.Sort();
            }

            // Candidates: the statement replied to, then the best topic matches (the best four, kept in order).
            Span<int> best = stackalloc int[CompareCandidates];
            Span<double> bestScores = stackalloc double[CompareCandidates];
            var count = 0;
            float[]? claimVector = null;
            var steps = walkAll ? entries.Length : candidates.Length;
            for (var step = 0; step < steps; step++)
            {
                var i = walkAll ? step : candidates[step];
                var entry = entries[i];
                var isReplyTarget = ReferenceEquals(entry, replyTarget);
                if (entry.Post.CreatedAt > post.CreatedAt)
                {
                    continue;
                }

                var score = shared[i] >= 2 ? scores[i] : 0;
                if (isReplyTarget)
                {
                    score += 100;
                }
                else if (_embedder is not null)
                {
                    // Meaning beside words: a statement sharing topic words must also be near in meaning;
                    // one sharing too few words counts when it is very near (same matter, other words).
                    claimVector ??= _embedder.Embed(post.Text);
                    var similarity = Cosine(claimVector, _embedder.Embed(entry.Post.Text));
                    if (shared[i] >= 2 && similarity < _options.EmbeddingSimilarityThreshold)
                    {
                        continue;
                    }

                    if (shared[i] < 2)
                    {
                        if (similarity < _options.StatementSimilarityThreshold)
                        {
                            continue;
                        }

                        score = _options.TopicMatchThreshold;
                    }
                }
                else if (shared[i] < 2)
                {
                    continue;
                }

                if (score < _options.TopicMatchThreshold)
                {
                    continue;
                }

                // Insert into the top list (ties keep statement order).
                var at = count;
                while (at > 0 && bestScores[at - 1] < score)
                {
                    at--;
                }

                if (at >= CompareCandidates)
                {
                    continue;
                }

                var last = Math.Min(count, CompareCandidates - 1);
                for (var k = last; k > at; k--)
                {
                    best[k] = best[k - 1];
                    bestScores[k] = bestScores[k - 1];
                }

                best[at] = i;
                bestScores[at] = score;
                count = Math.Min(count + 1, CompareCandidates);
            }

            // The best-matching statement that says something comparable decides: it either agrees (same
            // figures, dates or quoted words, or both deny the same change) or contradicts.
            List<string>? quotes = null;
            for (var k = 0; k < count; k++)
            {
                var entry = entries[best[k]];
                var score = bestScores[k];
                var reason = Contradicts(claim, entry.Facts, shared[best[k]]);
                if (reason is not null)
                {
                    return new Comparison(new Contradiction(entry, reason, OfficialStatements.Snapshot.SharedWords(claim, entry)), false, score >= 2 * _options.TopicMatchThreshold);
                }

                quotes ??= QuotedPhrases(folded);
                if (SharesSpecifics(claim, entry.Facts) || BothDenyChange(claim, entry.Facts) || QuotesStatement(quotes, entry.Folded))
                {
                    return new Comparison(null, true, score >= 2 * _options.TopicMatchThreshold);
                }
            }

            return NoComparison;
        }
        finally
        {
            foreach (var i in touched[..touchedCount])
            {
                scores[i] = 0;
                shared[i] = 0;
            }
        }
    }

    /// <summary>Per-thread buffers for <see cref="Compare"/>, one slot per statement, zero between calls.</summary>
    private sealed class CompareScratch
    {
        [ThreadStatic]
        private static CompareScratch? _current;

        private CompareScratch(int size)
        {
            Scores = new double[size];
            Shared = new int[size];
            Touched = new int[size];
        }

        public double[] Scores { get; }

        public int[] Shared { get; }

        public int[] Touched { get; }

        public static CompareScratch For(int statements)
        {
            var scratch = _current;
            if (scratch is null || scratch.Scores.Length < statements)
            {
                scratch = _current = new CompareScratch(Math.Max(64, statements * 2));
            }

            return scratch;
        }
    }

    /// <summary>Phrases of four or more words inside double quotes.</summary>
    private static List<string> QuotedPhrases(string folded)
    {
        if (!folded.Contains('"', StringComparison.Ordinal))
        {
            return NoQuotes;
        }

        var phrases = new List<string>();
        var open = folded.IndexOf('"', StringComparison.Ordinal);
        while (open >= 0)
        {
            var close = folded.IndexOf('"', open + 1);
            if (close < 0)
            {
                break;
            }

            var phrase = folded[(open + 1)..close].Trim(' ', '.', ',');
            if (phrase.Count(c => c == ' ') >= 3)
            {
                phrases.Add(phrase);
            }

            open = folded.IndexOf('"', close + 1);
        }

        return phrases;
    }

    private static bool QuotesStatement(List<string> quotes, string statementFolded) =>
        quotes.Exists(q => statementFolded.Contains(q, StringComparison.Ordinal));

    /// <summary>The claim denies a change (or reports no change) and so does the statement.</summary>
    private static bool BothDenyChange(TextFacts claim, TextFacts statement) =>
        claim.Changes.Count == 0 && claim.StatusQuo.Count > 0 && statement.StatusQuo.Count > 0;

    /// <summary>Why the claim contradicts the statement, or null.</summary>
    private static string? Contradicts(TextFacts claim, TextFacts statement, int sharedWords)
    {
        if (claim.Percentages.Count > 0 && statement.Percentages.Count > 0 && !claim.Percentages.Overlaps(statement.Percentages))
        {
            return $"different figure: {string.Join(", ", claim.Percentages.Select(p => p + "%"))} where the statement says {string.Join(", ", statement.Percentages.Select(p => p + "%"))}";
        }

        if (claim.Dates.Count > 0 && statement.Dates.Count > 0 && !DatesOverlap(claim.Dates, statement.Dates))
        {
            return $"different date: {string.Join(", ", claim.Dates)} where the statement says {string.Join(", ", statement.Dates)}";
        }

        // Money is not compared for contradiction: a statement's amounts often describe something else
        // on the same topic (a precept's "£2.10 a year" next to a claim about £60,000 of lights).

        foreach (var change in claim.Changes)
        {
            var stem = TextFacts.Stem(change.Term);
            foreach (var denied in statement.StatusQuo)
            {
                if (TextFacts.Stem(denied.Term) == stem)
                {
                    return $"opposite decision: the claim says \"{change.Term}\" where the official statement denies it";
                }
            }
        }

        // A claimed change the statement does not make: only when the statement keeps the status quo or
        // the topic is clearly the same (three or more shared topic words), since place names alone
        // ("Bell Wharf") join unrelated matters.
        if (claim.Changes.Count > 0 && statement.Changes.Count == 0 && (statement.StatusQuo.Count > 0 || sharedWords >= 3))
        {
            var said = statement.StatusQuo.Count > 0 ? $" (the statement says \"{statement.StatusQuo[0].Term}\")" : "";
            return $"opposite decision: the claim says \"{claim.Changes[0].Term}\", a change the official statement does not make{said}";
        }

        return null;
    }

    private static bool DatesOverlap(HashSet<string> claim, HashSet<string> statement)
    {
        foreach (var date in claim)
        {
            if (statement.Contains(date))
            {
                return true;
            }

            // "from January" agrees with "31 January".
            if (date.StartsWith("month:", StringComparison.Ordinal))
            {
                var month = "/" + date[6..];
                if (statement.Any(d => d.EndsWith(month, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool SharesSpecifics(TextFacts claim, TextFacts statement) =>
        claim.Percentages.Overlaps(statement.Percentages) || DatesOverlap(claim.Dates, statement.Dates)
        || claim.Money.Overlaps(statement.Money) || claim.Times.Overlaps(statement.Times);
}
