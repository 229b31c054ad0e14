using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Impersonation;

/// <summary>
/// Short names (aliases such as "LTC" or "Leigh TC", and short official handles) found as whole words of a
/// display name or handle. Why whole words: three letters occur inside countless words and handles. A
/// very short alias (three letters or fewer) is an abbreviation many others share, so it counts only
/// beside a qualifier word that makes it read as an organisation's channel ("LTC_info", "LTC Updates");
/// a longer alias counts alone or at the start ("LeighTC_Alerts"). Words that claim to be the
/// organisation ("The Real Leigh TC", "TheLeighTC", "Official Leigh TC": <see cref="RulesOptions.ImpersonationGluedPrefixWords"/>)
/// do not move the alias from the start: they are the claim, not another name the alias belongs to.
/// </summary>
internal sealed class AliasMatching
{
    // Qualifier key -> the word as configured, for the evidence ("lnfo" is how "info" keys).
    private readonly Dictionary<string, string> _qualifiers;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _qualifierLookup;
    private readonly HashSet<string> _claimWords;

    public AliasMatching(IEnumerable<string> qualifierWords, IEnumerable<string> claimWords)
    {
        _claimWords = new HashSet<string>(claimWords.Select(NameKey.Of).Where(k => k.Length > 0), StringComparer.Ordinal);
        _qualifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in qualifierWords)
        {
            var key = NameKey.Of(word);
            if (key.Length > 0)
            {
                _qualifiers.TryAdd(key, word.Trim());
            }
        }

        _qualifierLookup = _qualifiers.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public NameMatch? Find(TokenisedName name, NameTarget target)
    {
        var keys = name.Key.AsSpan();
        if (GluedQualifier(name, target) is { } glued)
        {
            return new NameMatch(target, "alias with qualifier", 0, 0.85, glued);
        }

        for (var start = 0; start < name.Count; start++)
        {
            var joinedStart = name.StartOf(start);
            for (var end = start; end < name.Count && end < start + 3; end++)
            {
                var joined = keys[joinedStart..name.Ends[end]];
                if (joined.Length > target.Key.Length)
                {
                    break;
                }

                if (!joined.SequenceEqual(target.Key))
                {
                    continue;
                }

                string? qualifier = null;
                for (var i = 0; i < name.Count && qualifier is null; i++)
                {
                    if ((i < start || i > end) && _qualifierLookup.TryGetValue(name.Token(i), out var word))
                    {
                        qualifier = word;
                    }
                }

                var alone = name.Count == end - start + 1;
                if (qualifier is not null)
                {
                    return new NameMatch(target, "alias with qualifier", 0, 0.85, qualifier);
                }

                if (target.Key.Length > 3 && (alone || start == 0 || OnlyClaimWordsBefore(name, start)))
                {
                    return new NameMatch(target, "alias", 0, 0.8);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A qualifier glued to the alias in one word ("LTCupdates", "ltcinfo"): handles drop the separator as
    /// often as they keep it, and the alias followed by the channel word still names the council's channel.
    /// </summary>
    private string? GluedQualifier(TokenisedName name, NameTarget target)
    {
        // Over up to three tokens: a capital run is split where it meets small letters ("LTCupdates" reads
        // as "LT" + "Cupdates"), so the glued word may span tokens.
        var keys = name.Key.AsSpan();
        for (var i = 0; i < name.Count; i++)
        {
            for (var j = i; j < name.Count && j < i + 3; j++)
            {
                var joined = keys[name.StartOf(i)..name.Ends[j]];
                if (joined.Length > target.Key.Length && joined.StartsWith(target.Key, StringComparison.Ordinal)
                    && _qualifierLookup.TryGetValue(joined[target.Key.Length..], out var word))
                {
                    return word;
                }
            }
        }

        return null;
    }

    private bool OnlyClaimWordsBefore(TokenisedName name, int start)
    {
        var lookup = _claimWords.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < start; i++)
        {
            if (!lookup.Contains(name.Token(i)))
            {
                return false;
            }
        }

        return true;
    }
}
