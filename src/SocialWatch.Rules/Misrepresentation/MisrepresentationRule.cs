using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SocialWatch.Rules.Leaks;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// Claims about what the council decided, said, spent, banned or will do, in posts by accounts that are
/// not official. A claim is a sentence (not a question, not thanks) in which the council, its clerk or
/// councillors, or an official account being addressed, go with an assertion word; or, for an account
/// whose name passes itself off as the council, a sentence announcing a change in the council's voice.
/// A staff member presenting a view as the council's position is a claim too; one with a disclaimer
/// ("views my own") is not. A claim that agrees with an official statement on the same topic (same
/// figures or dates) or cites the council's own website is an accurate report and not flagged; one that
/// contradicts a statement (different figures or dates, a change the statement denies) is high severity.
/// </summary>
internal sealed partial class MisrepresentationRule
{
    private readonly RulesOptions _options;
    private readonly CouncilReferences _references;
    private readonly Lexicon _assertions;
    private readonly Lexicon _change;
    private readonly Lexicon _statusQuo;
    private readonly Lexicon _notChange;
    private readonly Lexicon _councilVoice;
    private readonly Lexicon _thanks;
    private readonly Lexicon _disclaimers;
    private readonly Lexicon _positions;
    private readonly Lexicon _citations;
    private readonly Lexicon _secrecy;
    private readonly HashSet<string> _placeWords;
    private readonly string _websiteFolded;
    private readonly ISentenceEmbedder? _embedder;
    private readonly ConceptSimilarity? _concepts;

    public MisrepresentationRule(WatchOptions watch, RulesOptions options, ISentenceEmbedder? embedder)
    {
        _options = options;
        _references = new CouncilReferences(watch, options);
        _assertions = new Lexicon(options.AssertionWords);
        _change = new Lexicon(options.ChangeWords);
        _statusQuo = new Lexicon(options.StatusQuoWords);
        _notChange = new Lexicon(options.NotChangePhrases);
        // Service changes announced in the council's voice: besides decisions, the words of a notice that a
        // service stops, moves or changes ("suspended until further notice", "moving to fortnightly").
        _councilVoice = new Lexicon(options.ChangeWords.Concat([
            "approve*", "voted", "decided", "agreed to", "will now", "has been", "suspend*", "with immediate effect",
            "until further notice", "will move", "moving to", "will change", "switching to", "will be replaced",
        ]));
        _thanks = new Lexicon(options.ThanksWords);
        _disclaimers = new Lexicon(options.DisclaimerPhrases);
        _positions = new Lexicon(options.OfficialPositionPhrases);
        _citations = new Lexicon(["council's post", "council's own", "council's page", "official page", "official pages", "according to the council", "the council's website", "council's statement", "council website", "our website"]);
        _websiteFolded = TextFolding.Fold(watch.Organisation.Website ?? "").Trim();
        _placeWords = TextFacts.PlaceWords(watch);
        _secrecy = new Lexicon(options.ClosedSessionPhrases.Concat(options.SecrecyWords));
        _embedder = options.UseEmbeddings ? embedder : null;
        _concepts = _embedder is null ? null : new ConceptSimilarity(_embedder);
    }

    /// <summary>True when the semantic layer (MiniLM) is in use.</summary>
    public bool UsesEmbeddings => _embedder is not null;

    /// <summary>Cheap test: could this post say anything about the council at all?</summary>
    public bool IsCandidate(string folded, bool authorLooksLikeCouncil, bool repliesToOfficial) =>
        authorLooksLikeCouncil || repliesToOfficial || _references.MayReferToCouncil(folded);

    public RuleFlag? Check(PostInput post, string folded, bool isStaff, bool authorLooksLikeCouncil, OfficialStatements.Snapshot statements)
    {
        var replyTarget = post.InReplyTo is { Length: > 0 } reply ? statements.FindById(reply) : null;
        var mentionsOfficial = _references.MentionsOfficialHandle(folded);
        var addressesOfficial = replyTarget is not null || mentionsOfficial;
        if (!IsCandidate(folded, authorLooksLikeCouncil, replyTarget is not null))
        {
            return null;
        }

        var sentences = Sentences.Split(folded);
        var otherCouncilNamed = _references.NamesOtherCouncil(post.Text, folded);
        var statementSentences = new List<Sentence>(sentences.Count);
        List<Sentence>? semanticCandidates = null;
        Claim? claim = null;
        var mentionsCouncil = false;
        var hedged = false;
        var namesCouncilInThanks = false;
        Sentence? publicMoney = null;
        TextSpan? publicMoneyMarker = null;
        var previousReferred = false;
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            var presupposed = sentence.IsQuestion ? PresupposingQuestion().Match(folded, sentence.Start, sentence.Length) : null;
            if (sentence.IsQuestion && presupposed is not { Success: true })
            {
                previousReferred = false;
                continue;
            }

            statementSentences.Add(sentence);
            var sentenceText = folded.Substring(sentence.Start, sentence.Length);
            if (_thanks.ContainsAny(sentenceText))
            {
                namesCouncilInThanks |= _references.Find(post.Text, folded, sentence, sentenceText, otherCouncilNamed, addressesOfficial).Kind != CouncilReferenceKind.None;
                continue;
            }

            // A thanks sentence ("thanks for the £500 grant, not wasted") is not where spending is claimed.
            if (publicMoney is null && !Hedges.OpensAsHedge(sentenceText) && PublicMoney.Find(sentenceText) is { } money)
            {
                publicMoney = sentence;
                publicMoneyMarker = money with { Start = money.Start + sentence.Start };
            }

            var reference = _references.Find(post.Text, folded, sentence, sentenceText, otherCouncilNamed, addressesOfficial);
            mentionsCouncil |= reference.Kind != CouncilReferenceKind.None;
            if (reference.Kind == CouncilReferenceKind.None && previousReferred && PronounAgents.Find(folded, sentence) is { } pronoun)
            {
                reference = new CouncilReference(CouncilReferenceKind.Subject, pronoun, false);
            }

            previousReferred = reference.Kind != CouncilReferenceKind.None;
            if (claim is not null)
            {
                continue;
            }

            if (Hedges.OpensAsHedge(sentenceText))
            {
                hedged |= reference.Kind != CouncilReferenceKind.None;
                continue;
            }

            if (reference.Kind == CouncilReferenceKind.Subject)
            {
                if (presupposed is { Success: true } why && reference.Span.Start - (why.Index + why.Length) <= 1)
                {
                    claim = new Claim(sentence, reference.Span, new TextSpan(why.Index, why.Length, why.Value), "question that takes a council act as given", null);
                    continue;
                }

                var reported = ReportedWould(folded, sentence, reference.Span);
                if (reported is not null && !ThirdPartyAttribution.Before(folded, sentence.Start, reference.Span.Start, sentence.End))
                {
                    claim = new Claim(sentence, reference.Span, reported, "reported speech: what the council would do", null);
                    continue;
                }

                if (Hedges.ModalAfter(folded, reference.Span, sentence.End) || ThirdPartyAttribution.Before(folded, sentence.Start, reference.Span.Start, sentence.End))
                {
                    hedged = true;
                    continue; // advice, speculation or someone else's opinion about the council
                }

                if (PositionAttribution.After(folded, reference.Span, sentence.End) is { } stance)
                {
                    claim = new Claim(sentence, reference.Span, stance, "position attributed to the council", null);
                    continue;
                }

                if (CouncilAssertion(post.Text, folded, sentence, sentenceText, reference.Span) is { } assertion)
                {
                    claim = new Claim(sentence, reference.Span, assertion, reference.Explicit ? "council named as actor" : "council referred to as actor", null);
                    continue;
                }

                if (FutureProgressive().Match(folded, reference.Span.End, sentence.End - reference.Span.End) is { Success: true } future)
                {
                    claim = new Claim(sentence, reference.Span, new TextSpan(future.Index, future.Length, future.Value), "future action said in the present tense", null);
                    continue;
                }

                if (IsHeadline(post, folded, sentence, s) && FirstChange(_change, sentenceText) is { } change)
                {
                    claim = new Claim(sentence, reference.Span, change with { Start = change.Start + sentence.Start }, "headline reports a change by the council", null);
                    continue;
                }
            }

            if (authorLooksLikeCouncil && CouncilVoice(sentenceText) is { } voice)
            {
                claim = new Claim(sentence, null, voice with { Start = voice.Start + sentence.Start }, "account posing as the council announces a change", null);
                continue;
            }

            if (_concepts is not null && (reference.Kind != CouncilReferenceKind.None || authorLooksLikeCouncil))
            {
                (semanticCandidates ??= []).Add(sentence);
            }
        }

        // The semantic layer: a sentence about the council that no pattern read as a claim, but whose
        // meaning is near a claim concept (and nearer than to the contrast concepts). Only posts that got
        // this far pay for the model.
        if (claim is null && semanticCandidates is not null)
        {
            claim = SemanticClaim(folded, semanticCandidates);
        }

        // A sum of public money said to be spent, in a post that names the council somewhere (often in a
        // sarcastic "cheers, council"): spending attributed to the council.
        if (claim is null && publicMoney is { } spent && (mentionsCouncil || namesCouncilInThanks))
        {
            claim = new Claim(spent, null, publicMoneyMarker, PublicMoneyWhy, null);
        }

        var position = PositionPhrase(folded);
        var staffPosition = isStaff && position is not null && mentionsCouncil;
        if (claim is null && !mentionsCouncil && !addressesOfficial)
        {
            return null;
        }

        if (_disclaimers.ContainsAny(folded) && position is null)
        {
            return null;
        }

        var facts = TextFacts.From(folded, statementSentences, _change, _statusQuo, _notChange, _placeWords);
        var comparison = Compare(post, folded, facts, replyTarget, statements);
        var cites = (_websiteFolded.Length > 0 && folded.Contains(_websiteFolded, StringComparison.Ordinal)) || _citations.ContainsAny(folded)
            || LinksOfficialPost(post.Text, statements);

        // A staff member passing on something confidential leaks (the leak rule's business); unless it
        // contradicts a statement or speaks as the council, it asserts no decision to misrepresent.
        if (isStaff && !staffPosition && comparison.Contradiction is null && (_secrecy.ContainsAny(folded) || Leaks.Concepts.SecrecyConcept.HasIdiom(folded)))
        {
            return null;
        }

        if (claim is null && !staffPosition)
        {
            // A post that names the council without a claim verb still misrepresents it when it
            // contradicts a statement on a clearly shared topic ("land sale going through at Full Council").
            // Not when the council's sentences are all hedged: "might end up charging" speculates.
            if (comparison.Contradiction is not null && !cites && !hedged && (comparison.StrongTopic || replyTarget is not null) && (mentionsCouncil || addressesOfficial))
            {
                return Flag(post, folded, null, comparison, isStaff, staffPosition: false);
            }

            return null;
        }

        if (comparison.Contradiction is null && (comparison.Agrees || cites) && !staffPosition)
        {
            return null;
        }

        return Flag(post, folded, claim, comparison, isStaff, staffPosition);
    }

    private static RuleFlag Flag(PostInput post, string folded, Claim? claim, Comparison comparison, bool isStaff, bool staffPosition)
    {
        var evidence = new JsonObject();
        if (claim is { } c)
        {
            evidence["claim"] = LeakRule.Span(post.Text, folded, c.Sentence.Start, c.Sentence.Length, "claim_sentence");
            if (c.Subject is { } subject)
            {
                evidence["subject"] = LeakRule.Span(post.Text, folded, subject.Start, subject.Length, "council_reference");
            }

            if (c.Assertion is { } assertion)
            {
                evidence["assertion"] = LeakRule.Span(post.Text, folded, assertion.Start, assertion.Length, "assertion");
            }

            if (c.Concept is { } concept)
            {
                evidence["concept"] = new JsonObject
                {
                    ["label"] = concept.Prototype.Label,
                    ["concept"] = concept.Prototype.Concept,
                    ["description"] = concept.Prototype.Description,
                    ["similarity"] = Math.Round(concept.Similarity, 3),
                };
            }
            evidence["why"] = c.Why;
        }
        else
        {
            evidence["why"] = "names the council and contradicts an official statement without citing it";
        }

        if (staffPosition)
        {
            evidence["staff_presents_view_as_council_position"] = true;
        }

        if (comparison.Contradiction is { } contradiction)
        {
            var statement = contradiction.Statement.Post;
            evidence["contradicts"] = new JsonObject
            {
                ["text"] = Truncate(statement.Text, 280),
                ["url"] = statement.Url,
                ["posted_at"] = statement.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["statement_id"] = statement.Id,
                ["reason"] = contradiction.Reason,
                ["topic_words"] = new JsonArray([.. contradiction.SharedWords.Select(w => (JsonNode)w)]),
            };
        }

        var claimText = claim is { } k ? post.Text.Substring(
            TextFolding.ToOriginalOffset(post.Text, k.Sentence.Start),
            Math.Min(post.Text.Length, TextFolding.ToOriginalOffset(post.Text, k.Sentence.End)) - TextFolding.ToOriginalOffset(post.Text, k.Sentence.Start)) : null;
        var kind = claim switch
        {
            null => "names the council",
            { Subject: null, Concept: null, Why: PublicMoneyWhy } => "says the council spent public money",
            { Subject: null, Concept: null } => "speaks in the council's voice from an account that looks like the council's",
            { Concept: { } concept } => $"reads as a {concept.Prototype.Concept.Replace('_', ' ')} by the council",
            { Assertion: { } a } => ClerkSummary.KindOf(a.Term),
            _ => "says the council has decided something",
        };
        evidence["summary"] = ClerkSummary.For(claimText, kind, comparison.Contradiction?.Statement.Post, staffPosition);

        var severity = comparison.Contradiction is not null ? Severities.High : Severities.Medium;
        var score = comparison.Contradiction is not null ? 0.9 : claim?.Subject is not null ? 0.7 : 0.6;
        var clause = staffPosition || (isStaff && comparison.Contradiction is null)
            ? PolicyClauses.NoPersonalViewsAsCouncil
            : PolicyClauses.ReportMisrepresentations;
        return new RuleFlag(RuleNames.Misrepresentation, severity, score, evidence, clause);
    }

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

    /// <summary>
    /// The first assertion word of a sentence whose speaker can be the council: one said or done by a
    /// third person ("Zoë says hi", "my fiancée agrees", "Cllr Smith said") is passed over.
    /// </summary>
    private TextSpan? CouncilAssertion(string original, string folded, Sentence sentence, string sentenceText, TextSpan reference)
    {
        var first = _assertions.FindFirst(sentenceText);
        if (first is not { } candidate)
        {
            return null;
        }

        var absolute = candidate with { Start = candidate.Start + sentence.Start };
        if (!SpeakerIsThirdParty(original, folded, sentence.Start, absolute, reference))
        {
            return absolute;
        }

        foreach (var span in _assertions.FindAll(sentenceText))
        {
            absolute = span with { Start = span.Start + sentence.Start };
            if (!SpeakerIsThirdParty(original, folded, sentence.Start, absolute, reference))
            {
                return absolute;
            }
        }

        return null;
    }

    /// <summary>
    /// "The chair said the council would close…": in reported speech "would" is the "will" of the words
    /// reported, not a hedge. A verb of saying before the council and "would" right after it.
    /// </summary>
    private static TextSpan? ReportedWould(string folded, Sentence sentence, TextSpan reference)
    {
        var before = folded.AsSpan(sentence.Start, reference.Start - sentence.Start);
        if (!ReportingVerb().IsMatch(before))
        {
            return null;
        }

        var after = folded.AsSpan(reference.End, sentence.End - reference.End).TrimStart(' ');
        return after.StartsWith("would ", StringComparison.Ordinal) || after.StartsWith("was going to ", StringComparison.Ordinal)
            ? new TextSpan(sentence.End - after.Length, after.IndexOf(' '), "would")
            : null;
    }

    [GeneratedRegex(@"\b(?:said|told (?:us|me|them|everyone|residents|the meeting)|announced|confirmed|promised|explained)(?: that)? (?:the |our )?$", RegexOptions.CultureInvariant)]
    private static partial Regex ReportingVerb();

    // "Why did the council already tell…", "why has LTC decided…": a why-question about a past act takes
    // the act as given; it asserts it as much as a statement does. "Why don't/won't they…" (suggestions)
    // and questions with no council act are not this.
    [GeneratedRegex(@"\G\W*why (?:did|has|have|had|is|are|was|were) (?!n't|not\b)", RegexOptions.CultureInvariant)]
    private static partial Regex PresupposingQuestion();

    // "The council are putting double yellows in next spring", "LTC is closing the hall from April": the
    // present progressive with a time to come is the future.
    [GeneratedRegex(
        @"\G\s*(?:(?:are|is|'re|'s)\s+(?:now\s+|also\s+|quietly\s+)?[a-z]+ing)\b(?=[^.!?\n]{0,70}\b(?:next (?:week|month|year|spring|summer|autumn|winter|term|financial year)|from (?:next|the new year|january|february|march|april|may|june|july|august|september|october|november|december)|this (?:spring|summer|autumn|winter|coming)|in the (?:spring|summer|autumn|new year)|by (?:christmas|easter|the summer|the end of)|later this year)\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex FutureProgressive();

    private static readonly HashSet<string> PossessiveDeterminers = new(StringComparer.Ordinal) { "my", "his", "her", "their" };

    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.Ordinal)
    {
        "say", "says", "said", "told", "tells", "agrees", "agreed", "agree to", "confirm", "announce", "backs", "backed",
    };

    // The writer ("I signed the council's petition") does things too; that is not the council acting.
    private static readonly HashSet<string> PersonPronouns = new(StringComparer.Ordinal) { "he", "she", "i", "i've", "i'd", "i'll" };

    /// <summary>Words that can name the council (or its people) as the one who says or does something.</summary>
    private static readonly HashSet<string> CouncilSpeakers = new(StringComparer.Ordinal)
    {
        "council", "councils", "council's", "councillor", "councillors", "clerk", "committee", "members", "they", "it",
        "we", "you", "town", "ltc", "tc", "officers", "staff", "team", "chair", "mayor",
    };

    /// <summary>
    /// True when the word just before an assertion word is someone other than the council: a capitalised
    /// name that is not part of the council reference ("Zoë says"), a person after a possessive
    /// ("my fiancée agrees", "her mum said"), or he/she.
    /// </summary>
    private static bool SpeakerIsThirdParty(string original, string folded, int sentenceStart, TextSpan assertion, TextSpan reference)
    {
        var end = assertion.Start;
        while (end > sentenceStart && folded[end - 1] == ' ')
        {
            end--;
        }

        var start = end;
        while (start > sentenceStart && (char.IsLetter(folded[start - 1]) || folded[start - 1] == '\''))
        {
            start--;
        }

        if (start == end || (start < reference.End && end > reference.Start))
        {
            return false; // no word before it, or the word is the council reference itself
        }

        var word = folded.AsSpan(start, end - start);
        if (CouncilSpeakers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return false;
        }

        if (PersonPronouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return true;
        }

        // "my fiancée agrees", "her mum said": a possessive determiner before the word.
        var before = start;
        while (before > sentenceStart && folded[before - 1] == ' ')
        {
            before--;
        }

        var beforeStart = before;
        while (beforeStart > sentenceStart && char.IsLetter(folded[beforeStart - 1]))
        {
            beforeStart--;
        }

        if (before > beforeStart && PossessiveDeterminers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(folded.AsSpan(beforeStart, before - beforeStart)))
        {
            return true;
        }

        // A capitalised name before a verb of saying or agreeing ("Zoë says", "Cllr Smith said"): capital
        // then lower case in the original. Only for those verbs: a headline's "Library Will Close" is not a person.
        if (!SpeechVerbs.Contains(assertion.Term))
        {
            return false;
        }

        var originalStart = TextFolding.ToOriginalOffset(original, start);
        return originalStart + 1 < original.Length && char.IsUpper(original[originalStart]) && char.IsLower(original[originalStart + 1]);
    }

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
    /// An account posing as the council speaking in its voice: a change word ("cancelled", "will now"), or
    /// "we" as subject with an assertion ("we have decided", "we will charge"); "us" and "our" are objects
    /// and owners ("DM us"), not the one who decides.
    /// </summary>
    private TextSpan? CouncilVoice(string sentenceText)
    {
        if (FirstChange(_councilVoice, sentenceText) is { } change)
        {
            return change;
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

    /// <summary>True when the post links an official post the rules have seen (an accurate report cites its source).</summary>
    private static bool LinksOfficialPost(string text, OfficialStatements.Snapshot statements)
    {
        if (!text.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!token.Contains('/', StringComparison.Ordinal) || !token.Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            var url = token.TrimEnd('.', ',', ')', '!', '?', '"', '\'').TrimStart('(', '"', '\'');
            if (statements.FindById(url) is not null)
            {
                return true;
            }

            foreach (var candidate in LinkForms(url))
            {
                if (statements.FindById(candidate) is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The forms a link to a post is written in: with or without the scheme, "www." or "mobile.", a
    /// tracking query ("?s=20") or a trailing slash, twitter.com for x.com; and an X status number, which
    /// is the post's id. Why: a resident copying the link from an app gets one of these, and it still cites
    /// the official post.
    /// </summary>
    private static IEnumerable<string> LinkForms(string url)
    {
        var rest = url;
        var scheme = rest.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            rest = rest[(scheme + 3)..];
        }

        var cut = rest.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            rest = rest[..cut];
        }

        rest = rest.TrimEnd('/');
        foreach (var prefix in (ReadOnlySpan<string>)["www.", "mobile.", "m."])
        {
            if (rest.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[prefix.Length..];
                break;
            }
        }

        if (rest.StartsWith("twitter.com/", StringComparison.OrdinalIgnoreCase))
        {
            rest = "x.com/" + rest["twitter.com/".Length..];
        }

        yield return "https://" + rest;
        yield return "https://www." + rest;
        var status = rest.IndexOf("/status/", StringComparison.OrdinalIgnoreCase);
        if (status >= 0)
        {
            yield return rest[(status + "/status/".Length)..].Split('/')[0];
        }
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

    private static double Cosine(float[] a, float[] b) => Semantic.Vectors.Cosine(a, b);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    private sealed record Claim(Sentence Sentence, TextSpan? Subject, TextSpan? Assertion, string Why, ConceptMatch? Concept);

    private sealed record Contradiction(OfficialStatements.StatementEntry Statement, string Reason, List<string> SharedWords);

    private sealed record Comparison(Contradiction? Contradiction, bool Agrees, bool StrongTopic);
}
