using System.Text.Json.Nodes;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Impersonation;

/// <summary>
/// Flags accounts that present themselves as the organisation. The concepts, each in its own file:
/// its long names on word boundaries, exactly, inside a longer name or as a look-alike
/// (<see cref="NameMatching"/>, with <see cref="PlaceWords"/> telling a neighbouring place's council
/// apart); its short names as whole words (<see cref="AliasMatching"/>) or as a staff-style handle suffix
/// (<see cref="AffiliationSuffix"/>), unless the account gives the abbreviation another meaning
/// (<see cref="AliasOtherMeaning"/>); an official handle's user part on another server
/// (<see cref="FederatedHandle"/>); and the logo as avatar, alone enough (<see cref="LogoMatch"/>).
/// Official accounts never reach it; registered staff are checked on their handle and avatar only (the
/// policy forbids the organisation's name in user names and its logo), since their display name is their own.
/// Everything it knows about the organisation comes from <see cref="WatchOptions"/>.
/// </summary>
internal sealed class ImpersonationRule
{
    private readonly RulesOptions _options;
    private readonly string _organisation;
    private readonly NameTarget[] _longTargets;
    private readonly NameTarget[] _shortTargets;
    private readonly ulong[] _logoHashes;
    private readonly NameMatching _names;
    private readonly AliasMatching _aliases;
    private readonly FederatedHandle _federated;
    private readonly AliasOtherMeaning _otherMeaning;

    public ImpersonationRule(WatchOptions watch, RulesOptions options, ulong[] logoHashes)
    {
        _options = options;
        _logoHashes = logoHashes;
        _organisation = watch.Organisation.Names.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim() ?? "the organisation";

        var longTargets = new Dictionary<string, NameTarget>(StringComparer.Ordinal);
        var shortTargets = new Dictionary<string, NameTarget>(StringComparer.Ordinal);
        void Add(string source, string kind)
        {
            var tokens = TokenisedName.Of(source);
            var key = tokens.Key;
            if (key.Length == 0)
            {
                return;
            }

            var target = new NameTarget(source.Trim(), kind, key, AbbreviationTail(tokens), ExactSpelling: kind == WithoutVowelsKind);
            (target.IsLong ? longTargets : shortTargets).TryAdd(key, target);
        }

        foreach (var name in watch.Organisation.Names)
        {
            Add(name, "name");
        }

        foreach (var name in watch.Organisation.Names)
        {
            foreach (var (shortened, kind) in ShortenedForms(name))
            {
                Add(shortened, kind);
            }
        }

        foreach (var alias in watch.Organisation.Aliases)
        {
            Add(alias, "alias");
        }

        foreach (var official in watch.OfficialAccounts)
        {
            Add(HandleCore(official.Handle, official.Platform), "official handle");
        }

        if (!string.IsNullOrWhiteSpace(watch.Organisation.Website))
        {
            Add(watch.Organisation.Website.Split('.')[0], "website");
        }

        _longTargets = [.. longTargets.Values];
        _shortTargets = [.. shortTargets.Values];
        _names = new NameMatching(options.ImpersonationGluedPrefixWords, new PlaceWords(watch.Organisation.Names.Concat(watch.Organisation.Aliases)),
            options.NearMatchMaxEditsLong, options.NearMatchMaxEditsShort);
        _aliases = new AliasMatching(options.ImpersonationQualifierWords, options.ImpersonationGluedPrefixWords);
        _federated = new FederatedHandle(watch.OfficialAccounts);
        _otherMeaning = new AliasOtherMeaning(options.AliasOtherMeaningWords, options.AliasOtherOrganisationWords, watch.Organisation.Names);
    }

    public RuleFlag? Check(AccountInput account, bool isStaff)
    {
        var handle = account.Handle ?? "";
        var displayName = account.DisplayName ?? "";
        var handleCore = HandleCore(handle, account.Platform);
        var copiedOfficial = _federated.Find(handle, account.Platform ?? "");
        var handleMatch = Match(handleCore, account, isHandle: true);
        var nameMatch = isStaff ? null : Match(displayName, account, isHandle: false);
        var logo = account.AvatarHash is { } avatar ? LogoMatch.Nearest(avatar, _logoHashes, _options.LogoHashDistanceThreshold) : null;
        if (copiedOfficial is null && handleMatch is null && nameMatch is null && logo is null)
        {
            return null;
        }

        var evidence = new JsonObject
        {
            ["summary"] = ImpersonationSummary.Write(account, _organisation, nameMatch, handleMatch, copiedOfficial, logo, isStaff),
        };
        double score = 0;
        if (nameMatch is not null)
        {
            evidence["display_name"] = ToJson(nameMatch, displayName);
            score = Math.Max(score, nameMatch.Score);
        }

        if (handleMatch is not null)
        {
            evidence["handle"] = ToJson(handleMatch, handleCore, handle);
            score = Math.Max(score, handleMatch.Score);
        }

        if (copiedOfficial is not null)
        {
            evidence["official_handle_elsewhere"] = new JsonObject
            {
                ["handle"] = handle,
                ["official_handle"] = copiedOfficial.Handle,
                ["official_platform"] = copiedOfficial.Platform,
                ["official_id"] = copiedOfficial.Id,
            };
            score = Math.Max(score, 0.95);
        }

        if (logo is { } l)
        {
            var similarity = LogoMatch.Similarity(l.Distance);
            evidence["logo"] = new JsonObject
            {
                ["image_distance"] = l.Distance,
                ["threshold"] = _options.LogoHashDistanceThreshold,
                ["inverted"] = l.Inverted,
                ["resembles"] = "the organisation's logo",
            };
            evidence["logo_similarity"] = similarity;
            score = Math.Max(score, 1.0 - (l.Distance / 64.0));
        }

        if (isStaff)
        {
            evidence["registered_staff_account"] = true;
        }

        var clause = logo is not null && handleMatch is null && nameMatch is null && copiedOfficial is null
            ? PolicyClauses.NoCouncilLogos
            : PolicyClauses.NoCouncilNameInIdentities;
        return new RuleFlag(RuleNames.Impersonation, Severities.High, Math.Round(score, 3), evidence, clause);
    }

    /// <summary>
    /// The rule's verdict on an account that is not registered staff, as the misrepresentation rule reads it:
    /// its name or handle looks like the organisation's, or only its avatar is the logo. Why the logo too: an
    /// account wearing the council's logo under another name ("Estuary Notices") is taken for the council by
    /// the people who read its notices.
    /// </summary>
    public AuthorResemblance Resemblance(AccountInput account) =>
        NameLooksLikeCouncil(account) ? AuthorResemblance.Name
        : account.AvatarHash is { } avatar && LogoMatch.Nearest(avatar, _logoHashes, _options.LogoHashDistanceThreshold) is not null ? AuthorResemblance.Logo
        : AuthorResemblance.None;

    /// <summary>True when the display name or handle uses the organisation's name (used by misrepresentation).</summary>
    public bool NameLooksLikeCouncil(AccountInput account) =>
        Match(HandleCore(account.Handle ?? "", account.Platform), account, isHandle: true) is not null
        || Match(account.DisplayName ?? "", account, isHandle: false) is not null
        || _federated.Find(account.Handle ?? "", account.Platform ?? "") is not null;

    private NameMatch? Match(string text, AccountInput account, bool isHandle)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var name = TokenisedName.Of(text);
        if (name.Count == 0)
        {
            return null;
        }

        NameMatch? best = null;
        foreach (var target in _longTargets)
        {
            if (_names.Find(name, target, text) is { } match && (best is null || match.Score > best.Score))
            {
                best = match;
            }
        }

        if (best is not null || _shortTargets.Length == 0)
        {
            return best;
        }

        foreach (var target in _shortTargets)
        {
            best = _aliases.Find(name, target);
            if (best is not null)
            {
                break;
            }
        }

        best ??= AffiliationSuffix.Find(text, isHandle, _shortTargets);

        // A short name can be someone else's abbreviation; the account may say so.
        return best is not null && _otherMeaning.Reason(best.Target.Source, account) is null ? best : null;
    }

    private static readonly string[] CouncilTypeWords = ["town", "parish", "city", "community", "village", "borough"];

    /// <summary>
    /// How people shorten "Place Town Council": without the type word ("Marshbury Council") and as the place
    /// with the initials ("Leigh-on-Sea T.C."). Why: both name this council and no other; a district or
    /// county council of the same place has its own type word, which these forms do not hold.
    /// </summary>
    internal static IEnumerable<(string Name, string Kind)> ShortenedForms(string name)
    {
        var words = name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3 || !words[^1].Equals("council", StringComparison.OrdinalIgnoreCase)
            || !CouncilTypeWords.Contains(words[^2].ToLowerInvariant()))
        {
            yield break;
        }

        var place = string.Join(' ', words[..^2]);
        yield return ($"{place} Council", "name without its type word");
        yield return ($"{place} {char.ToUpperInvariant(words[^2][0])}C", "place with initials");

        // The type word and "council" written without their vowels, as parody and look-alike
        // handles do ("Leigh Twn Cncl"), spelt exactly: a consonant skeleton is one edit from other words
        // ("Twn Cycl…"), and "Leigh Cncl" alone from "Leigh Cycl(ing club)", so neither near misses nor the
        // short form count. "Leigh Cncil" is already a near miss of "Leigh Council".
        yield return ($"{place} {WithoutVowels(words[^2])} {WithoutVowels(words[^1])}", WithoutVowelsKind);
    }

    private const string WithoutVowelsKind = "place with the council words written without vowels";

    /// <summary>A word's first letter and its consonants: "Town" is "Twn", "Council" is "Cncl".</summary>
    private static string WithoutVowels(string word) =>
        word[0] + new string([.. word[1..].Where(c => "aeiouAEIOU".IndexOf(c) < 0)]);

    /// <summary>The abbreviation after a place ("tc" in "Oakhurst TC"): a word of 2-3 letters after a longer one.</summary>
    private static string? AbbreviationTail(TokenisedName tokens)
    {
        if (tokens.Count < 2)
        {
            return null;
        }

        var last = tokens.Token(tokens.Count - 1);
        return last.Length is 2 or 3 && tokens.Token(0).Length > 3 ? last.ToString() : null;
    }

    /// <summary>
    /// The part of a handle a person reads: "LeighTownCouncil@mastodon.online" → "LeighTownCouncil",
    /// "x.bsky.social" → "x", a Bluesky custom domain "leightowncouncil.gov.uk" → "leightowncouncil".
    /// Short trailing labels are read as a domain's only on Bluesky (or when the platform is not known):
    /// elsewhere "sam.ltc" is a user name whose last word is "ltc".
    /// </summary>
    internal static string HandleCore(string handle, string? platform = null)
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

        if (platform is not null && !string.Equals(platform, "bluesky", StringComparison.OrdinalIgnoreCase))
        {
            return core;
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

    private static JsonObject ToJson(NameMatch match, string compared, string? original = null)
    {
        var json = new JsonObject
        {
            ["text"] = original ?? compared,
            ["normalised"] = NameKey.Of(compared),
            ["resembles"] = match.Target.Source,
            ["resembles_kind"] = match.Target.Kind,
            ["match"] = match.How,
            ["edit_distance"] = match.Distance,
        };
        if (match.Qualifier is not null)
        {
            json["qualifier"] = match.Qualifier;
        }

        return json;
    }
}
