using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Leaks.Recognisers;

/// <summary>
/// One kind of personal data, recognised the way Presidio's predefined recognisers do it: a pattern
/// (a precompiled regex over folded text) gives a candidate with a base score, a validation step
/// (format rules, checksum, date sanity) drops impossible candidates or makes a sure one certain, and
/// context words near the candidate ("sort code", "born", "mobile") raise the score. The explanation
/// says which of these made the finding.
/// </summary>
internal abstract class PatternRecogniser
{
    /// <summary>Context words are looked for this many words either side of the candidate.</summary>
    protected virtual int ContextWindowWords => 6;

    /// <summary>What a context word adds to the base score (Presidio's default factor).</summary>
    protected const double ContextBoost = 0.35;

    private Lexicon? _context;

    private Lexicon? _naming;

    /// <summary>
    /// Words that name the entity itself ("NI number", "National Insurance"): beside one, a candidate that
    /// fails a validation rule (<see cref="Validity.OnlyWithContext"/>) still counts. Empty: it never does.
    /// </summary>
    protected virtual IReadOnlyList<string> NamingWords => [];

    public string Name => GetType().Name;

    public abstract string Entity { get; }

    /// <summary>Cheap test on the folded text before the regex runs (a digit, an '@').</summary>
    public abstract bool MayApply(string folded);

    protected abstract Regex Pattern { get; }

    protected abstract double BaseScore { get; }

    /// <summary>Words that make the candidate more likely this entity; folded like the text.</summary>
    protected virtual IReadOnlyList<string> ContextWords => [];

    /// <summary>What the pattern alone means, for the explanation ("an 11-digit number starting 07").</summary>
    protected abstract string PatternReason { get; }

    /// <summary>Score of a candidate before context; a pattern with variants may score them apart.</summary>
    protected virtual double ScoreOf(Match match) => BaseScore;

    /// <summary>Why the candidate matched, before context.</summary>
    protected virtual string ReasonOf(Match match) => PatternReason;

    /// <summary>
    /// Format, checksum or sanity checks on a candidate: <see cref="Validity.Invalid"/> drops it,
    /// <see cref="Validity.Certain"/> (a checksum passed) raises it to the top score.
    /// </summary>
    protected virtual Validity Validate(Match match, DateOnly asOf) => Validity.Plausible;

    public void Find(string folded, DateOnly asOf, List<PersonalDataFinding> found)
    {
        for (var m = Pattern.Match(folded); m.Success; m = m.NextMatch())
        {
            var validity = Validate(m, asOf);
            if (validity == Validity.Invalid)
            {
                continue;
            }

            if (validity == Validity.OnlyWithContext
                && (NamingWords.Count == 0 || Near(_naming ??= new Lexicon(NamingWords), folded, m.Index, m.Index + m.Length) is null))
            {
                continue;
            }

            var context = FindContext(folded, m.Index, m.Index + m.Length);
            var score = ScoreOf(m);
            var why = ReasonOf(m);
            if (validity == Validity.OnlyWithContext)
            {
                why += ", outside the issuing rules but written where the number is asked for";
            }

            if (validity == Validity.Certain)
            {
                score = Math.Max(score, 0.8);
                why += ", check digit valid";
            }

            if (context is { } word)
            {
                score = Math.Min(1.0, score + ContextBoost);
                why += $", near \"{word}\"";
            }

            found.Add(new PersonalDataFinding(Entity, m.Index, m.Length, Math.Round(score, 2), Name, why));
        }
    }

    private string? FindContext(string folded, int start, int end)
    {
        if (ContextWords.Count == 0)
        {
            return null;
        }

        return Near(_context ??= new Lexicon(ContextWords), folded, start, end);
    }

    /// <summary>The first word of the lexicon within the context window of the candidate, or null.</summary>
    private string? Near(Lexicon words, string folded, int start, int end)
    {
        foreach (var word in words.FindAll(folded))
        {
            var gap = word.End <= start ? Words.CountBetween(folded, word.End, start)
                : word.Start >= end ? Words.CountBetween(folded, end, word.Start)
                : int.MaxValue; // inside the candidate itself: not context
            if (gap <= ContextWindowWords)
            {
                return word.Term;
            }
        }

        return null;
    }
}

internal enum Validity
{
    Invalid,
    Plausible,
    Certain,

    /// <summary>The shape is right but a validation rule fails: it counts only beside a context word.</summary>
    OnlyWithContext,
}
