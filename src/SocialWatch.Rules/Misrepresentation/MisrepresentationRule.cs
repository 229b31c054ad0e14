using System.Text.Json.Nodes;
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
    public bool IsCandidate(string folded, bool authorPosesAsCouncil, bool repliesToOfficial) =>
        authorPosesAsCouncil || repliesToOfficial || _references.MayReferToCouncil(folded);

    public RuleFlag? Check(PostInput post, string folded, bool isStaff, Impersonation.AuthorResemblance resemblance, OfficialStatements.Snapshot statements)
    {
        // An account that says it is not the council does not speak in its voice (its other claims still count).
        var posing = resemblance != Impersonation.AuthorResemblance.None && !DeclaredNotCouncil.Is(post.Author);
        var authorLooksLikeCouncil = posing && resemblance == Impersonation.AuthorResemblance.Name;
        var authorWearsLogo = posing && resemblance == Impersonation.AuthorResemblance.Logo;
        var replyTarget = post.InReplyTo is { Length: > 0 } reply ? statements.FindById(reply) : null;
        var mentionsOfficial = _references.MentionsOfficialHandle(folded);
        var addressesOfficial = replyTarget is not null || mentionsOfficial;
        if (!(isStaff || IsCandidate(folded, posing, replyTarget is not null)) || DeclaredParody.Is(post.Author))
        {
            return null; // nothing about the council, or a declared parody's joke (impersonation only)
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
        // In a reply to an official post, "they" opening the reply is the council replied to.
        var previousReferred = replyTarget is not null;
        // "is this real??": the writer doubts what the post passes on (round 9).
        var doubting = false;
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            var sentenceSpan = folded.AsSpan(sentence.Start, sentence.Length);
            doubting |= SurprisedRelay.Doubts(sentenceSpan);
            var presupposed = sentence.IsQuestion ? PresupposingQuestion().Match(folded, sentence.Start, sentence.Length) : null;
            if (sentence.IsQuestion && presupposed is not { Success: true } && !SurprisedRelay.Is(sentenceSpan))
            {
                previousReferred = false;
                continue;
            }

            statementSentences.Add(sentence);
            var sentenceText = folded.Substring(sentence.Start, sentence.Length);
            if (_thanks.ContainsAny(sentenceText))
            {
                var thanked = _references.Find(post.Text, folded, sentence, sentenceText, otherCouncilNamed, addressesOfficial);
                namesCouncilInThanks |= thanked.Kind != CouncilReferenceKind.None;
                // Thanks for something the council "has given" tell a decision to give it.
                if (claim is null && thanked.Kind != CouncilReferenceKind.None && GiftAttribution.After(folded, thanked.Span, sentence.End) is { } given)
                {
                    mentionsCouncil = true;
                    claim = new Claim(sentence, thanked.Span, given, "thanks the council for something it is said to have given", null);
                }

                continue;
            }

            // A thanks sentence ("thanks for the £500 grant, not wasted") is not where spending is claimed.
            if (publicMoney is null && !Hedges.OpensAsHedge(sentenceText) && PublicMoney.Find(sentenceText) is { } money)
            {
                publicMoney = sentence;
                publicMoneyMarker = money with { Start = money.Start + sentence.Start };
            }

            var reference = _references.Find(post.Text, folded, sentence, sentenceText, otherCouncilNamed, addressesOfficial);
            if (reference.Kind != CouncilReferenceKind.None && ImpostorMention.Before(folded, sentence.Start, reference.Span))
            {
                reference = default; // "someone pretending to be the council asked…": the impostor acts, not the council
            }

            if (reference.Kind != CouncilReferenceKind.None && CouncilNotActing.Before(folded, sentence.Start, reference.Span))
            {
                reference = default; // "approved by the district council, not LTC", "until the council decides"
            }

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

            if (Denials.NoDecision(sentenceSpan) || Denials.Retracted(sentenceSpan))
            {
                hedged = true;
                continue; // "no decision has been taken", "an earlier version of this article said…": a denial, not a claim
            }

            if (Hedges.OpensAsHedge(sentenceText)
                || (reference.Kind != CouncilReferenceKind.None && Hedges.WishOrInvitationBefore(sentenceText, reference.Span.Start - sentence.Start)))
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

                if (Hedges.ModalAfter(folded, reference.Span, sentence.End)
                    || (ThirdPartyAttribution.Before(folded, sentence.Start, reference.Span.Start, sentence.End) && !Hearsay.ActToldAfter(folded, sentence.Start, reference.Span, sentence.End)))
                {
                    hedged = true;
                    continue; // advice, speculation or someone else's opinion about the council
                }

                if (CouncilNotActing.Undecided(folded, reference.Span, sentence.End))
                {
                    continue; // "the council hasn't decided yet": nothing done to check
                }

                if ((PositionAttribution.After(folded, reference.Span, sentence.End) ?? PositionAttribution.VerbAfter(folded, reference.Span, sentence.End)) is { } stance)
                {
                    claim = new Claim(sentence, reference.Span, stance, "position attributed to the council", null);
                    continue;
                }

                if (ConcealmentAttribution.After(folded, reference.Span, sentence.End) is { } concealing)
                {
                    claim = new Claim(sentence, reference.Span, concealing, "concealment attributed to the council", null);
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

                if (DroppedAuxiliary.After(folded, reference.Span, sentence.End) is { } doing)
                {
                    claim = new Claim(sentence, reference.Span, doing, "council said to be doing it (auxiliary dropped)", null);
                    continue;
                }

                if (ProgressiveChange.After(folded, reference.Span, sentence.End) is { } changing)
                {
                    claim = new Claim(sentence, reference.Span, changing, "council said to be changing it", null);
                    continue;
                }

                if (Headlines.Infinitive(folded, sentence, reference.Span) is { } infinitive)
                {
                    claim = new Claim(sentence, reference.Span, infinitive, "headline says what the council is to do", null);
                    continue;
                }

                if (IsHeadline(post, folded, sentence, s)
                    && (Headlines.PresentTense(folded, reference.Span, sentence.End) ?? Headlines.Sum(folded, sentence)) is { } headlineAct)
                {
                    claim = new Claim(sentence, reference.Span, headlineAct, "headline reports what the council did or spends", null);
                    continue;
                }

                if (IsHeadline(post, folded, sentence, s) && FirstChange(_change, sentenceText) is { } change)
                {
                    claim = new Claim(sentence, reference.Span, change with { Start = change.Start + sentence.Start }, "headline reports a change by the council", null);
                    continue;
                }
            }

            // "notice in the window of the council office: pavilion shut from April": a printed notice relayed
            // as the council's, with a change in what it says.
            if (reference.Kind != CouncilReferenceKind.None && PrintedNoticeRelay.RelayedFrom(folded, sentence) is var relayed and >= 0
                && FirstChange(_change, folded[relayed..sentence.End]) is { } relayedChange)
            {
                claim = new Claim(sentence, reference.Span, relayedChange with { Start = relayedChange.Start + relayed }, "relays a printed notice of a council change", null);
                continue;
            }

            if (authorLooksLikeCouncil && CouncilVoice(folded, sentenceText) is { } voice)
            {
                claim = new Claim(sentence, null, voice with { Start = voice.Start + sentence.Start }, "account posing as the council announces a change", null);
                continue;
            }

            // The logo on another name: only what the council alone could announce (terms, an offer, a
            // cancellation, a promise for details), not the wider words of change a shop's "flash sale" uses.
            if (authorWearsLogo && LookAlikeAnnouncement.Find(sentenceText) is { } announced)
            {
                claim = new Claim(sentence, null, announced with { Start = announced.Start + sentence.Start }, "account wearing the council's logo announces in the council's voice", null);
                continue;
            }

            if (_concepts is not null && (reference.Kind != CouncilReferenceKind.None || authorLooksLikeCouncil)
                && !(reference.Kind != CouncilReferenceKind.None && Denials.NegatedAfter(folded, reference.Span, sentence.End)))
            {
                (semanticCandidates ??= []).Add(sentence);
            }
        }

        // A post that asks whether what it passes on is real asserts none of it (the look-alike it doubts is
        // the impersonation rule's business); it is not flagged as contradicting a statement either.
        if (doubting && claim is { Concept: null })
        {
            claim = null;
            hedged = true;
            semanticCandidates = null;
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

        // A sum spent with a verdict on it ("£620 for a noticeboard … they've lost the plot"), council named;
        // the sum may be asked in disbelief ("£40 for a permit? They're having a laugh").
        if (claim is null && mentionsCouncil && PublicMoney.SumWithVerdict(folded, sentences) is { } verdict)
        {
            claim = new Claim(verdict.Sentence, null, verdict.Verdict, PublicMoneyWhy, null);
        }

        // A member or officer telling a council decision as done (round 9's settled label): a claim about what
        // the council decided, whether or not it contradicts a statement, unless the post says it is public.
        var memberDecision = isStaff ? MemberDecision.Find(folded, statementSentences) : null;
        if (memberDecision is not null && MemberDecision.Published(folded))
        {
            memberDecision = null;
        }

        if (claim is null && memberDecision is { } told)
        {
            claim = new Claim(told.Sentence, null, told.Told, "a member or officer tells a council decision as done", null);
        }

        var position = PositionPhrase(folded);
        var staffPosition = isStaff && position is not null && mentionsCouncil;
        var memberVoice = claim is null && isStaff && !mentionsCouncil ? MemberVoice(folded, statementSentences) : null;
        // A look-alike asking for payment or personal details (round 9): read on even when it names no council.
        var request = posing ? LookAlikeVoice.RequestForDetails(folded) : null;
        if (claim is null && !mentionsCouncil && !addressesOfficial && memberVoice is null && request is null)
        {
            return null;
        }

        if (_disclaimers.ContainsAny(folded) && position is null)
        {
            return null;
        }

        var facts = TextFacts.From(folded, statementSentences, _change, _statusQuo, _notChange, _placeWords);
        var comparison = Compare(post, folded, facts, replyTarget, statements);
        // An account posing as the council that speaks of "our official page" names itself, not a source.
        var cites = (_websiteFolded.Length > 0 && folded.Contains(_websiteFolded, StringComparison.Ordinal)) || (!authorLooksLikeCouncil && _citations.ContainsAny(folded))
            || LinksOfficialPost(post.Text, statements) || CitesCouncilElsewhere(folded);

        // A staff member passing on something confidential leaks (the leak rule's business); unless it
        // contradicts a statement, speaks as the council or tells a decision as done, it asserts no decision
        // to misrepresent.
        if (isStaff && !staffPosition && memberDecision is null && comparison.Contradiction is null && (_secrecy.ContainsAny(folded) || Leaks.Concepts.SecrecyConcept.HasIdiom(folded)))
        {
            return null;
        }

        // A look-alike that repeats an official announcement (its claim agrees with a statement) but asks for
        // payment, bank or card details or personal details misrepresents the council as well as impersonating
        // it: the council's announcements never ask for them by post or message (round 9's settled label). A
        // bare request with nothing announced is left as before (impersonation only unless it claims).
        if (request is { } asked && comparison.Contradiction is null && (comparison.Agrees || claim is not null))
        {
            var asking = sentences.FirstOrDefault(x => x.Start <= asked.Start && asked.Start < x.End);
            return Flag(post, folded, claim ?? new Claim(asking, null, asked, "account posing as the council repeats an announcement and asks for payment or personal details", null), comparison, isStaff, staffPosition);
        }

        // A member's "we" announcing a change speaks as the council; staff announce real arrangements in the
        // same words, so it is a misrepresentation only when it contradicts an official statement uncited.
        if (claim is null && memberVoice is not null)
        {
            return comparison.Contradiction is not null && !cites ? Flag(post, folded, memberVoice, comparison, isStaff, staffPosition: false) : null;
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

        // A resident warning that a look-alike is not the council repeats the impostor's claim to refute it.
        if (comparison.Contradiction is null && (comparison.Agrees || cites || (!authorLooksLikeCouncil && ImpostorMention.WarnsOfLookAlike(folded))) && !staffPosition)
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

    private static double Cosine(float[] a, float[] b) => Semantic.Vectors.Cosine(a, b);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    private sealed record Claim(Sentence Sentence, TextSpan? Subject, TextSpan? Assertion, string Why, ConceptMatch? Concept);

    private sealed record Contradiction(OfficialStatements.StatementEntry Statement, string Reason, List<string> SharedWords);

    private sealed record Comparison(Contradiction? Contradiction, bool Agrees, bool StrongTopic);
}
