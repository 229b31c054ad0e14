using System.Text.Json.Nodes;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Impersonation;

/// <summary>
/// Flags accounts that present themselves as the council: a display name or handle that is, contains or
/// nearly matches the council's names, aliases or official handles after <see cref="NameKey"/> folding,
/// or an avatar whose perceptual hash is near a configured logo. Official accounts never reach it;
/// registered staff are checked on their handle and avatar only (the policy forbids the council's name in
/// user names and its logo), since their display name is their own.
/// </summary>
internal sealed class ImpersonationRule
{
    private readonly RulesOptions _options;
    private readonly NameTarget[] _longTargets;
    private readonly NameTarget[] _aliasTargets;
    private readonly HashSet<string> _qualifierWords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _qualifierLookup;
    private readonly ulong[] _logoHashes;

    public ImpersonationRule(WatchOptions watch, RulesOptions options, ulong[] logoHashes)
    {
        _options = options;
        _logoHashes = logoHashes;
        _qualifierWords = new HashSet<string>(options.ImpersonationQualifierWords.Select(NameKey.Of), StringComparer.Ordinal);
        _qualifierLookup = _qualifierWords.GetAlternateLookup<ReadOnlySpan<char>>();

        var longTargets = new Dictionary<string, NameTarget>(StringComparer.Ordinal);
        var aliasTargets = new Dictionary<string, NameTarget>(StringComparer.Ordinal);
        void Add(string source, string kind)
        {
            var key = NameKey.Of(source);
            if (key.Length == 0)
            {
                return;
            }

            var target = new NameTarget(source, kind, key, NameKey.Tokens(source).ToArray());
            if (key.Length >= 8)
            {
                longTargets.TryAdd(key, target);
            }
            else
            {
                aliasTargets.TryAdd(key, target);
            }
        }

        foreach (var name in watch.Organisation.Names)
        {
            Add(name, "name");
        }

        foreach (var alias in watch.Organisation.Aliases)
        {
            Add(alias, "alias");
        }

        foreach (var official in watch.OfficialAccounts)
        {
            Add(HandleCore(official.Handle), "official handle");
        }

        if (!string.IsNullOrWhiteSpace(watch.Organisation.Website))
        {
            Add(watch.Organisation.Website.Split('.')[0], "website");
        }

        _longTargets = [.. longTargets.Values];
        _aliasTargets = [.. aliasTargets.Values];
    }

    public RuleFlag? Check(AccountInput account, bool isStaff)
    {
        NameMatch? handleMatch = Match(HandleCore(account.Handle ?? ""));
        NameMatch? nameMatch = isStaff ? null : Match(account.DisplayName ?? "");
        int? logoDistance = null;
        if (account.AvatarHash is { } avatar)
        {
            foreach (var logo in _logoHashes)
            {
                var distance = PerceptualHash.Distance(avatar, logo);
                if (distance <= _options.LogoHashDistanceThreshold && (logoDistance is null || distance < logoDistance))
                {
                    logoDistance = distance;
                }
            }
        }

        if (handleMatch is null && nameMatch is null && logoDistance is null)
        {
            return null;
        }

        var evidence = new JsonObject();
        double score = 0;
        if (nameMatch is { } n)
        {
            evidence["display_name"] = n.ToJson(account.DisplayName ?? "", account.DisplayName ?? "");
            score = Math.Max(score, n.Score);
        }

        if (handleMatch is { } h)
        {
            evidence["handle"] = h.ToJson(account.Handle ?? "", HandleCore(account.Handle ?? ""));
            score = Math.Max(score, h.Score);
        }

        if (logoDistance is { } d)
        {
            evidence["logo"] = new JsonObject
            {
                ["image_distance"] = d,
                ["threshold"] = _options.LogoHashDistanceThreshold,
                ["resembles"] = "the council's logo",
            };
            score = Math.Max(score, 1.0 - (d / 64.0));
        }

        if (isStaff)
        {
            evidence["registered_staff_account"] = true;
        }

        var clause = logoDistance is not null && handleMatch is null && nameMatch is null
            ? PolicyClauses.NoCouncilLogos
            : PolicyClauses.NoCouncilNameInIdentities;
        return new RuleFlag(RuleNames.Impersonation, Severities.High, Math.Round(score, 3), evidence, clause);
    }

    /// <summary>True when the display name or handle uses the council's name (used by misrepresentation).</summary>
    public bool NameLooksLikeCouncil(AccountInput account) =>
        Match(HandleCore(account.Handle ?? "")) is not null || Match(account.DisplayName ?? "") is not null;

    private NameMatch? Match(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var key = NameKey.Of(text);
        if (key.Length == 0)
        {
            return null;
        }

        NameMatch? best = null;
        foreach (var target in _longTargets)
        {
            NameMatch? match = null;
            if (key == target.Key)
            {
                match = new NameMatch(target, "exact", 0, 1.0);
            }
            else if (key.Contains(target.Key, StringComparison.Ordinal))
            {
                match = new NameMatch(target, "contains", 0, 0.95);
            }
            else
            {
                var maxEdits = target.Key.Length >= 12 ? _options.NearMatchMaxEditsLong : _options.NearMatchMaxEditsShort;
                if (maxEdits > 0 && key.Length >= target.Key.Length - maxEdits && MayBeNear(key, target.Key, maxEdits))
                {
                    var distance = EditDistance.BestSubstring(target.Key, key);
                    if (distance <= maxEdits)
                    {
                        match = new NameMatch(target, "near", distance, 0.9 - (0.05 * distance));
                    }
                }
            }

            if (match is not null && (best is null || match.Score > best.Score))
            {
                best = match;
            }
        }

        if (best is not null)
        {
            return best;
        }

        if (_aliasTargets.Length == 0)
        {
            return null;
        }

        // Plain-ASCII names: token keys on the stack, nothing allocated unless an alias matches.
        if (text.Length <= NameKey.StackLimit)
        {
            Span<char> keys = stackalloc char[text.Length];
            Span<int> ends = stackalloc int[text.Length];
            var count = NameKey.TokenKeys(text, keys, ends);
            if (count >= 0)
            {
                foreach (var target in _aliasTargets)
                {
                    if (AliasMatches(keys, ends[..count], target) is { } match)
                    {
                        return match;
                    }
                }

                return null;
            }
        }

        var tokens = NameKey.Tokens(text);
        foreach (var target in _aliasTargets)
        {
            if (AliasMatches(tokens, target) is { } match)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>
    /// An alias must be whole words of the name ("LTC_info_desk", "LeighTC_Alerts"), and a very short
    /// alias (three letters or fewer) also needs a qualifier word such as "info" or "updates" beside it.
    /// </summary>
    private NameMatch? AliasMatches(IReadOnlyList<string> tokens, NameTarget target)
    {
        for (var start = 0; start < tokens.Count; start++)
        {
            var joined = "";
            for (var end = start; end < tokens.Count && end < start + 3; end++)
            {
                joined += tokens[end];
                if (joined.Length > target.Key.Length)
                {
                    break;
                }

                if (joined != target.Key)
                {
                    continue;
                }

                var hasQualifier = false;
                for (var i = 0; i < tokens.Count; i++)
                {
                    if ((i < start || i > end) && _qualifierWords.Contains(tokens[i]))
                    {
                        hasQualifier = true;
                    }
                }

                var aloneIsEnough = target.Key.Length > 3 && tokens.Count == end - start + 1;
                if (hasQualifier || aloneIsEnough || (target.Key.Length > 3 && start == 0))
                {
                    return new NameMatch(target, hasQualifier ? "alias with qualifier" : "alias", 0, hasQualifier ? 0.85 : 0.8);
                }
            }
        }

        return null;
    }

    /// <summary><see cref="AliasMatches(IReadOnlyList{string}, NameTarget)"/> over token keys laid end to end.</summary>
    private NameMatch? AliasMatches(ReadOnlySpan<char> keys, ReadOnlySpan<int> ends, NameTarget target)
    {
        var tokenCount = ends.Length;
        for (var start = 0; start < tokenCount; start++)
        {
            var joinedStart = start == 0 ? 0 : ends[start - 1];
            for (var end = start; end < tokenCount && end < start + 3; end++)
            {
                var joined = keys[joinedStart..ends[end]];
                if (joined.Length > target.Key.Length)
                {
                    break;
                }

                if (!joined.SequenceEqual(target.Key))
                {
                    continue;
                }

                var hasQualifier = false;
                for (var i = 0; i < tokenCount; i++)
                {
                    if ((i < start || i > end) && _qualifierLookup.Contains(keys[(i == 0 ? 0 : ends[i - 1])..ends[i]]))
                    {
                        hasQualifier = true;
                    }
                }

                var aloneIsEnough = target.Key.Length > 3 && tokenCount == end - start + 1;
                if (hasQualifier || aloneIsEnough || (target.Key.Length > 3 && start == 0))
                {
                    return new NameMatch(target, hasQualifier ? "alias with qualifier" : "alias", 0, hasQualifier ? 0.85 : 0.8);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Cheap pre-filter before the edit-distance table: with at most k edits (a transposition can break two
    /// pieces), one of 2k+1 pieces of the target must appear unchanged in the key.
    /// </summary>
    private static bool MayBeNear(string key, string target, int maxEdits)
    {
        var pieces = (2 * maxEdits) + 1;
        var pieceLength = target.Length / pieces;
        if (pieceLength < 2)
        {
            return true;
        }

        for (var p = 0; p < pieces; p++)
        {
            var start = p * pieceLength;
            var length = p == pieces - 1 ? target.Length - start : pieceLength;
            if (key.AsSpan().IndexOf(target.AsSpan(start, length), StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The part of a handle a person reads: "LeighTownCouncil@mastodon.online" → "LeighTownCouncil", "x.bsky.social" → "x".</summary>
    internal static string HandleCore(string handle)
    {
        var core = handle.Trim().TrimStart('@');
        var at = core.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            core = core[..at];
        }

        if (core.EndsWith(".bsky.social", StringComparison.OrdinalIgnoreCase))
        {
            return core[..^".bsky.social".Length];
        }

        // Custom-domain handles ("leightowncouncil.gov.uk"): drop short trailing labels that are TLD-like.
        var parts = core.Split('.');
        var keep = parts.Length;
        while (keep > 1 && parts[keep - 1].Length <= 3 && parts[keep - 1].All(char.IsAsciiLetterLower))
        {
            keep--;
        }

        return keep == parts.Length ? core : string.Join('.', parts, 0, keep);
    }

    private sealed record NameTarget(string Source, string Kind, string Key, string[] Tokens);

    private sealed record NameMatch(NameTarget Target, string How, int Distance, double Score)
    {
        public JsonObject ToJson(string original, string compared) => new()
        {
            ["text"] = original,
            ["normalised"] = NameKey.Of(compared),
            ["resembles"] = Target.Source,
            ["resembles_kind"] = Target.Kind,
            ["match"] = How,
            ["edit_distance"] = Distance,
        };
    }
}
