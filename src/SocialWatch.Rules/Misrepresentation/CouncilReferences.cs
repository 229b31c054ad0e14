using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>How a sentence refers to the council.</summary>
internal enum CouncilReferenceKind
{
    None,

    /// <summary>Named but not as the actor: "Full Council", "council website", "council tax".</summary>
    Mention,

    /// <summary>The council (or its clerk or councillors) as the one who decides, says or does.</summary>
    Subject,
}

internal readonly record struct CouncilReference(CouncilReferenceKind Kind, TextSpan Span, bool Explicit);

/// <summary>
/// Finds references to the watched council in folded text and tells them apart from other councils:
/// the council's names and aliases ("Leigh Town Council", "LTC", "Leigh TC") are explicit; "the council",
/// "our town council", "council says", "councillors", "the town clerk" are generic and count as ours
/// unless the word before names another body ("Southend City Council", "school council") or the post
/// names another council. An @mention of an official handle, and "you" in a reply to an official post,
/// also count.
/// </summary>
internal sealed class CouncilReferences
{
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "", "the", "our", "your", "this", "a", "my", "their", "his", "her", "that", "local", "whole", "entire",
    };

    /// <summary>
    /// Words that may stand before a generic "council" without naming it. Any other word right before
    /// "council" (a content word: "southend council", "student council") reads as another body's name,
    /// even when written in lower case.
    /// </summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "and", "or", "but", "by", "from", "to", "of", "at", "in", "on", "for", "with", "about", "against", "as",
        "after", "before", "when", "if", "because", "so", "then", "than", "is", "are", "was", "were", "be", "been",
        "says", "said", "say", "told", "that's", "what", "which", "who", "why", "how", "all", "even", "just",
        "apparently", "now", "also", "only", "still", "today", "yesterday", "hey", "dear", "ask", "asked",
        "thank", "thanks", "blame", "trust", "via", "re", "says:", "new", "own",
    };

    private readonly Lexicon _names;
    private readonly Lexicon _officialMentions;
    private readonly HashSet<string> _placeWords;
    private readonly HashSet<string> _otherCouncilWords;
    private readonly HashSet<string> _modifierWords;

    public CouncilReferences(WatchOptions watch, RulesOptions options)
    {
        var names = watch.Organisation.Names.Concat(watch.Organisation.Aliases)
            // Also without spaces: hashtags (#LeighTownCouncil) and zero-width "spaces" that folding drops.
            .SelectMany(n => new[] { n, n.Replace('-', ' '), n.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal) })
            .ToList();
        _names = new Lexicon(names);
        _officialMentions = new Lexicon(watch.OfficialAccounts
            .Select(a => "@" + Impersonation.ImpersonationRule.HandleCore(a.Handle))
            .Where(h => h.Length > 1));
        var generic = new HashSet<string>(StringComparer.Ordinal) { "town", "council", "parish", "city", "borough", "district", "county", "tc" };
        _placeWords = watch.Organisation.Names
            .SelectMany(n => TextFolding.Fold(n).Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => !generic.Contains(w))
            .ToHashSet(StringComparer.Ordinal);
        _otherCouncilWords = options.OtherCouncilWords.Select(TextFolding.Fold).ToHashSet(StringComparer.Ordinal);
        _modifierWords = options.CouncilModifierWords.Select(TextFolding.Fold).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Cheap pre-filter on folded text: could anything here refer to the council?</summary>
    public bool MayReferToCouncil(string folded) =>
        folded.Contains("council", StringComparison.Ordinal) || folded.Contains("clerk", StringComparison.Ordinal)
        || folded.Contains("mayor", StringComparison.Ordinal)
        || _names.ContainsAny(folded) || _officialMentions.ContainsAny(folded);

    public bool MentionsOfficialHandle(string folded) => _officialMentions.ContainsAny(folded);

    /// <summary>True when the text names a council other than ours ("Southend City Council").</summary>
    public bool NamesOtherCouncil(string original, string folded)
    {
        var at = 0;
        while ((at = folded.IndexOf("council", at, StringComparison.Ordinal)) >= 0)
        {
            if (IsOtherCouncil(original, folded, at))
            {
                return true;
            }

            at += 7;
        }

        return false;
    }

    /// <summary>The strongest reference to the council in a sentence.</summary>
    public CouncilReference Find(string original, string folded, Sentence sentence, bool otherCouncilNamed, bool addressesOfficial) =>
        Find(original, folded, sentence, folded.Substring(sentence.Start, sentence.Length), otherCouncilNamed, addressesOfficial);

    /// <summary>The strongest reference to the council in a sentence whose text the caller already has.</summary>
    public CouncilReference Find(string original, string folded, Sentence sentence, string sentenceText, bool otherCouncilNamed, bool addressesOfficial)
    {
        var text = folded.AsSpan(sentence.Start, sentence.Length);
        var best = new CouncilReference(CouncilReferenceKind.None, default, false);

        foreach (var name in _names.FindAll(sentenceText))
        {
            var absolute = name with { Start = name.Start + sentence.Start };
            if (TickerContext.IsTicker(folded, absolute.Start, absolute.End))
            {
                continue; // "$LTC price": the currency, not the council
            }

            var kind = IsModifierUse(folded, absolute.End) ? CouncilReferenceKind.Mention : CouncilReferenceKind.Subject;
            if (kind == CouncilReferenceKind.Subject)
            {
                return new CouncilReference(kind, absolute, true);
            }

            best = new CouncilReference(kind, absolute, true);
        }

        foreach (var mention in _officialMentions.FindAll(sentenceText))
        {
            return new CouncilReference(CouncilReferenceKind.Subject, mention with { Start = mention.Start + sentence.Start }, true);
        }

        // Generic references: council / councillors / clerk.
        foreach (var word in (ReadOnlySpan<string>)["council", "clerk", "mayor"])
        {
            var from = 0;
            int index;
            while ((index = text[from..].IndexOf(word, StringComparison.Ordinal)) >= 0)
            {
                var at = sentence.Start + from + index;
                from += index + word.Length;
                if (at > 0 && char.IsAsciiLetter(folded[at - 1]))
                {
                    continue;
                }

                var end = at + word.Length;
                while (end < folded.Length && (char.IsAsciiLetter(folded[end]) || folded[end] == '\''))
                {
                    end++;
                }

                var span = new TextSpan(at, end - at, folded[at..end]);
                if (word is "clerk" or "mayor")
                {
                    if (end - at > 5)
                    {
                        continue; // "the clerk's pay": the clerk owns something, does not act
                    }

                    if (word == "mayor" && NextWord(folded, end) == "of")
                    {
                        continue; // "the Mayor of London": another place's mayor
                    }

                    // The town clerk and the town mayor (the council's chair) speak for it; "Clerk confirmed…"
                    // opens a sentence without its article.
                    var before = PreviousWord(folded, at, out _);
                    if (before is "the" or "town" or "our" or "deputy" or "council's" || before.Length == 0)
                    {
                        return new CouncilReference(CouncilReferenceKind.Subject, span, false);
                    }

                    continue;
                }

                var previous = PreviousWord(folded, at, out _);
                if (previous == "full")
                {
                    best = best.Kind == CouncilReferenceKind.None ? new CouncilReference(CouncilReferenceKind.Mention, span, false) : best;
                    continue;
                }

                if (IsOtherCouncil(original, folded, at) || otherCouncilNamed)
                {
                    continue;
                }

                // "council tax", and "councillor surgery" (a drop-in session): a modifier, not the one who acts.
                var exactWord = end - at == 7 || (end - at == 10 && folded.AsSpan(at, 10).SequenceEqual("councillor"));
                if (exactWord && IsModifierUse(folded, end))
                {
                    best = best.Kind == CouncilReferenceKind.None ? new CouncilReference(CouncilReferenceKind.Mention, span, false) : best;
                    continue;
                }

                return new CouncilReference(CouncilReferenceKind.Subject, span, false);
            }
        }

        if (addressesOfficial && best.Kind != CouncilReferenceKind.Subject)
        {
            foreach (var you in (ReadOnlySpan<string>)["you", "you're", "you've", "your"])
            {
                var index = IndexOfWord(text, you);
                if (index >= 0)
                {
                    return new CouncilReference(CouncilReferenceKind.Subject, new TextSpan(sentence.Start + index, you.Length, you), false);
                }
            }
        }

        return best;
    }

    private bool IsModifierUse(string folded, int end)
    {
        if (end < folded.Length && folded[end] == '\'')
        {
            return false; // "council's": possessive, the council as actor or owner
        }

        var next = NextWord(folded, end);
        return _modifierWords.Contains(next);
    }

    /// <summary>"Southend City Council", "school council", "Rochford Town Council": the word(s) before name another body.</summary>
    private bool IsOtherCouncil(string original, string folded, int at)
    {
        // "Council of Europe", "a council of whales": "council of" names a body by what follows, and only
        // our own place word there makes it ours ("the council of Leigh").
        var after = at + "council".Length;
        if (after < folded.Length && folded[after] == ' ' && NextWord(folded, after) == "of")
        {
            var ofEnd = folded.IndexOf("of", after, StringComparison.Ordinal) + 2;
            var owner = NextWord(folded, ofEnd);
            if (owner is not "the" and not "our" and not "" && !_placeWords.Contains(StripPossessive(owner)))
            {
                return true;
            }
        }

        var previous = PreviousWord(folded, at, out var previousStart);
        if (_otherCouncilWords.Contains(previous))
        {
            return true;
        }

        if (previous is "full" || _placeWords.Contains(previous) || Determiners.Contains(previous))
        {
            return false;
        }

        if (previous == "town")
        {
            var beforeTown = StripPossessive(PreviousWord(folded, previousStart, out var beforeTownStart));
            if (_placeWords.Contains(beforeTown) || Determiners.Contains(beforeTown) || FunctionWords.Contains(beforeTown))
            {
                return false;
            }

            if (AdjectiveAfterOur(original, folded, beforeTownStart))
            {
                return false;
            }

            return IsCapitalisedMidSentence(original, folded, beforeTownStart) || IsContentWord(beforeTown);
        }

        if (AdjectiveAfterOur(original, folded, previousStart))
        {
            return false;
        }

        if (_placeWords.Contains(StripPossessive(previous)) || FunctionWords.Contains(previous) || previous == "local")
        {
            return false;
        }

        // "meeting councillors said", "ward councillors": a lower-case word before the people of a council
        // says when or which of them, not which body; only a name ("Southend councillors") does.
        var councillors = folded.AsSpan(at).StartsWith("councillor", StringComparison.Ordinal);
        return IsCapitalisedMidSentence(original, folded, previousStart) || (!councillors && IsContentWord(previous))
            || (councillors && IsContentWord(previous) && !WordsBeforeOurCouncillors.Contains(previous) && IsCapitalised(original, previousStart));
    }

    /// <summary>
    /// Words that open a sentence before our own councillors ("Ward councillors…", "Labour councillors…",
    /// "Several councillors…"). Any other capitalised word there is a place's name, as in the headline
    /// "Southend councillors vote to close…": the sentence's capital does not make the name ours.
    /// </summary>
    private static readonly HashSet<string> WordsBeforeOurCouncillors = new(StringComparer.Ordinal)
    {
        "ward", "town", "local", "some", "several", "many", "most", "two", "three", "four", "five", "both", "few",
        "other", "fellow", "former", "senior", "angry", "rebel", "opposition", "independent", "labour", "conservative",
        "tory", "green", "reform", "libdem", "liberal", "democrat", "ruling", "elected", "newly", "veteran",
        "tonight", "tomorrow", "yesterday", "today", "now", "last", "this", "these", "those", "our", "your", "their",
    };

    private static bool IsCapitalised(string original, int foldedStart)
    {
        if (foldedStart < 0)
        {
            return false;
        }

        var originalStart = TextFolding.ToOriginalOffset(original, foldedStart);
        return originalStart + 1 < original.Length && char.IsUpper(original[originalStart]) && char.IsLower(original[originalStart + 1]);
    }

    /// <summary>
    /// "our wonderful town council", "our useless council": a lower-case word between "our" and the council
    /// is what the writer thinks of their own council, not another body's name ("our Southend…" is written
    /// with a capital).
    /// </summary>
    private static bool AdjectiveAfterOur(string original, string folded, int wordStart)
    {
        if (wordStart <= 0)
        {
            return false;
        }

        var originalStart = TextFolding.ToOriginalOffset(original, wordStart);
        if (originalStart >= original.Length || !char.IsLower(original[originalStart]))
        {
            return false;
        }

        return PreviousWord(folded, wordStart, out _) == "our";
    }

    private static string StripPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word;

    /// <summary>A word of letters that is not a function word: a name or a kind of body.</summary>
    private static bool IsContentWord(string word) =>
        word.Length > 1 && !FunctionWords.Contains(word) && !Determiners.Contains(word) && word.All(char.IsAsciiLetter);

    /// <summary>A capitalised word that does not start a sentence reads as a name ("Southend Council").</summary>
    private static bool IsCapitalisedMidSentence(string original, string folded, int foldedStart)
    {
        if (foldedStart < 0)
        {
            return false;
        }

        var originalStart = TextFolding.ToOriginalOffset(original, foldedStart);
        if (originalStart >= original.Length || !char.IsUpper(original[originalStart]))
        {
            return false;
        }

        var i = foldedStart - 1;
        while (i >= 0 && folded[i] == ' ')
        {
            i--;
        }

        return i >= 0 && folded[i] is not ('.' or '!' or '?' or '\n' or ':' or '"');
    }

    private static string PreviousWord(string folded, int at, out int start)
    {
        var i = at - 1;
        while (i >= 0 && (folded[i] == ' ' || folded[i] == '-'))
        {
            i--;
        }

        var end = i + 1;
        while (i >= 0 && (char.IsAsciiLetterOrDigit(folded[i]) || folded[i] == '&' || folded[i] == '\''))
        {
            i--;
        }

        start = end > i + 1 ? i + 1 : -1;
        return folded[(i + 1)..end];
    }

    private static string NextWord(string folded, int end)
    {
        var i = end;
        while (i < folded.Length && folded[i] == ' ')
        {
            i++;
        }

        var start = i;
        while (i < folded.Length && char.IsAsciiLetter(folded[i]))
        {
            i++;
        }

        return folded[start..i];
    }

    private static int IndexOfWord(ReadOnlySpan<char> text, string word)
    {
        var from = 0;
        int index;
        while ((index = text[from..].IndexOf(word, StringComparison.Ordinal)) >= 0)
        {
            var at = from + index;
            var end = at + word.Length;
            if ((at == 0 || !char.IsAsciiLetter(text[at - 1])) && (end == text.Length || !char.IsAsciiLetter(text[end])))
            {
                return at;
            }

            from = end;
        }

        return -1;
    }
}
