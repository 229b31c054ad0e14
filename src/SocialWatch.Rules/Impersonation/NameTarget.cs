using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Impersonation;

/// <summary>One way of writing the organisation's name: a name, an alias, an official handle or the website's first label.</summary>
/// <param name="Source">As configured ("Leigh Town Council", "LTC").</param>
/// <param name="Kind">"name", "alias", "official handle" or "website", for the evidence.</param>
/// <param name="Key">The <see cref="NameKey"/> key of its tokens, end to end.</param>
/// <param name="ExactTail">For a place followed by an abbreviation ("Oakhurst TC"): the abbreviation's key, which a
/// look-alike must spell exactly as a word of its own; null when the whole name may be misspelt.</param>
/// <param name="ExactSpelling">True for a form that is itself a shortening ("Leigh Twn Cncl"): a misspelling of it
/// is too near other words ("Twn Cycl…") to count.</param>
internal sealed record NameTarget(string Source, string Kind, string Key, string? ExactTail = null, bool ExactSpelling = false)
{
    /// <summary>Keys of 8+ letters are distinctive enough to match inside a longer name; shorter ones must be whole words.</summary>
    public const int LongKeyLength = 8;

    public bool IsLong => Key.Length >= LongKeyLength;
}

/// <summary>How a display name or handle matched a <see cref="NameTarget"/>.</summary>
/// <param name="How">exact, contains, near, alias, alias with qualifier, affiliation suffix, official handle elsewhere.</param>
/// <param name="Qualifier">The qualifier word beside a short alias, when one made it count.</param>
internal sealed record NameMatch(NameTarget Target, string How, int Distance, double Score, string? Qualifier = null);
