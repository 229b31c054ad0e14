using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>Claims said without an assertion word: positions, headlines, the council's own voice on a look-alike account, the semantic concepts, change words.</summary>
internal sealed partial class MisrepresentationRule
{
    /// <summary>
    /// The first official-position phrase that is not negated: "not speaking for the council", "not our
    /// position" disclaim the position rather than claim it.
    /// </summary>
    private TextSpan? PositionPhrase(string folded)
    {
        foreach (var phrase in _positions.FindAll(folded))
        {
            var before = folded.AsSpan(0, phrase.Start).TrimEnd(' ');
            if (!before.EndsWith("not", StringComparison.Ordinal) && !before.EndsWith("n't", StringComparison.Ordinal))
            {
                return phrase;
            }
        }

        return null;
    }

    /// <summary>A headline: title case without final punctuation, or the opening line of a feed item.</summary>
    private static bool IsHeadline(PostInput post, string folded, Sentence sentence, int index)
    {
        var start = TextFolding.ToOriginalOffset(post.Text, sentence.Start);
        var end = TextFolding.ToOriginalOffset(post.Text, sentence.End);
        var feedOpening = index == 0 && string.Equals(post.Platform, "rss", StringComparison.OrdinalIgnoreCase);
        return Headlines.IsHeadline(post.Text, start, Math.Min(end, post.Text.Length), feedOpening) && folded.Length > 0;
    }

    private const string PublicMoneyWhy = "public money said to be spent, council named";

    private static readonly HashSet<string> FirstPersonPlural = new(StringComparer.Ordinal) { "we", "we're", "we've", "we'll", "weve" };

    /// <summary>
    /// An account posing as the council speaking in its voice: a change word ("cancelled", "will now"), a
    /// request for payment details, a fee, a claim to be the real account (<see cref="LookAlikeVoice"/>), terms,
    /// an offer, a cancellation or a promise to act (<see cref="LookAlikeAnnouncement"/>), or
    /// "we" as subject with an assertion ("we have decided", "we will charge"); "us" and "our" are objects
    /// and owners ("DM us"), not the one who decides.
    /// </summary>
    private TextSpan? CouncilVoice(string folded, string sentenceText)
    {
        // "our old account closes at the end of the month": the account moves, no service changes.
        if (FirstChange(_councilVoice, sentenceText) is { } change && !AccountNotice.Covers(sentenceText, change))
        {
            return change;
        }

        if (LookAlikeVoice.Find(folded, sentenceText) is { } request)
        {
            return request;
        }

        if (LookAlikeAnnouncement.Find(sentenceText) is { } announcement)
        {
            return announcement;
        }

        if (_assertions.FindFirst(sentenceText) is not { } assertion)
        {
            return null;
        }

        var at = 0;
        foreach (var word in sentenceText.Split([' ', ',', ':', ';', '!', '.'], StringSplitOptions.RemoveEmptyEntries))
        {
            at = sentenceText.IndexOf(word, at, StringComparison.Ordinal);
            if (FirstPersonPlural.Contains(word) && at < assertion.Start)
            {
                return assertion;
            }

            at += word.Length;
        }

        return null;
    }

    /// <summary>
    /// A registered member's "we" followed by a change ("we are shutting the pavilion to groups in April",
    /// "we'll be scrapping the lights"): a councillor or officer saying what the council is doing. Only the
    /// words after the "we", within a short clause, are read.
    /// </summary>
    private Claim? MemberVoice(string folded, List<Sentence> sentences)
    {
        foreach (var sentence in sentences)
        {
            for (var we = MemberWe().Match(folded, sentence.Start, sentence.Length); we.Success; we = we.NextMatch())
            {
                // "we" with its auxiliary ("we are", "we'll", "we've"): a finite act of the council; "recommends
                // we close" or "we should close" propose, not announce.
                var end = we.Index + we.Length;
                if (we.Length == 2 && !WeAuxiliary().IsMatch(folded, end))
                {
                    continue;
                }

                var clause = folded.Substring(end, Math.Min(sentence.End, end + 30) - end);
                if (FirstChange(_change, clause) is { } change)
                {
                    var weSpan = new TextSpan(we.Index, we.Length, we.Value);
                    return new Claim(sentence, weSpan, change with { Start = change.Start + end }, "a member speaks as the council (\"we\") and announces a change", null);
                }
            }
        }

        return null;
    }

    // "we" and its contractions as a whole word (letters and apostrophes make a word).
    [GeneratedRegex(@"(?<![A-Za-z'])we(?:'re|'ve|'ll|ve)?(?![A-Za-z'])", RegexOptions.CultureInvariant)]
    private static partial Regex MemberWe();

    [GeneratedRegex(@"\G (?:are|will|have|shall|are going to|are now|will now|have now)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WeAuxiliary();

    /// <summary>The first candidate sentence nearer to a claim concept than the threshold and than every contrast concept.</summary>
    private Claim? SemanticClaim(string folded, List<Sentence> candidates)
    {
        foreach (var sentence in candidates.Take(_options.SemanticSentencesPerPost))
        {
            var vector = _concepts!.Embed(folded.Substring(sentence.Start, sentence.Length));
            if (_concepts.Nearest(vector, ConceptLabels.Claim) is not { } claim || claim.Similarity < _options.ClaimConceptThreshold)
            {
                continue;
            }

            var contrast = _concepts.Nearest(vector, ConceptLabels.NotClaim);
            if (contrast is { } c && claim.Similarity - c.Similarity < _options.ClaimConceptMargin)
            {
                continue;
            }

            return new Claim(sentence, null, null, $"reads like a {claim.Prototype.Concept.Replace('_', ' ')} by the council (\"{claim.Prototype.Description}\", similarity {claim.Similarity:0.00})", claim);
        }

        return null;
    }

    /// <summary>The first change word of a sentence that is not inside an everyday phrase ("car boot sale").</summary>
    private TextSpan? FirstChange(Lexicon lexicon, string sentenceText)
    {
        var first = lexicon.FindFirst(sentenceText);
        if (first is null || _notChange.IsEmpty || !_notChange.ContainsAny(sentenceText))
        {
            return first;
        }

        var excluded = _notChange.FindAll(sentenceText);
        foreach (var span in lexicon.FindAll(sentenceText))
        {
            if (!TextFacts.Inside(span, excluded))
            {
                return span;
            }
        }

        return null;
    }
}
