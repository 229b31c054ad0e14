using System.Buffers;
using System.Collections.Concurrent;
using SocialWatch.Rules.Impersonation;
using SocialWatch.Rules.Leaks;
using SocialWatch.Rules.Misrepresentation;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules;

/// <summary>
/// The rules stage: runs impersonation on accounts, and confidential-leak and misrepresentation on
/// posts, returning at most one flag per rule. Immutable and thread-safe after construction.
/// </summary>
/// <remarks>
/// The benign path is kept cheap: an official author returns at once; the leak rule runs only for
/// registered staff (a hash look-up); misrepresentation first checks, on the raw text and without
/// allocating, whether the post could mention the council at all. Only then is the text folded.
/// </remarks>
public sealed class Classifier
{
    private const int AuthorCacheLimit = 50_000;
    private static readonly string[] GenericCouncilWords = ["council", "clerk", "mayor"];

    private readonly RulesOptions _options;
    // Official and staff accounts in one table, so a post's author costs one look-up.
    private readonly Dictionary<(string Platform, string Id), AccountRole> _roles;
    private readonly ImpersonationRule _impersonation;
    private readonly LeakRule _leaks;
    private readonly MisrepresentationRule _misrepresentation;
    private readonly SearchValues<string> _prefilterWords;
    private readonly bool _hasPrefilterWords;
    // Clause key -> the organisation's wording (Watch:Policy:Clauses over neutral defaults).
    private readonly System.Collections.Frozen.FrozenDictionary<string, string> _clauseTexts;

    // How each author resembles the council (name, logo or neither). Keyed by (platform, id) only; the entry
    // keeps the handle, display name and avatar hash it was computed for and is recomputed when one changed
    // (a renamed profile, a new picture), so a hit costs one key hash and three compares (usually
    // reference-equal strings) instead of hashing four strings.
    private readonly ConcurrentDictionary<(string Platform, string Id), AuthorVerdict> _authorResemblance = new();

    public Classifier(WatchOptions watch, RulesOptions options, IReadOnlyList<ulong> logoHashes, ISentenceEmbedder? embedder = null)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logoHashes);
        options = options.WithDefaults();
        _options = options;
        var comparer = new PlatformIdComparer();
        _roles = new Dictionary<(string, string), AccountRole>(comparer);
        foreach (var staff in watch.StaffAccounts)
        {
            _roles[(staff.Platform, staff.Id)] = AccountRole.Staff;
        }

        foreach (var official in watch.OfficialAccounts)
        {
            var key = (official.Platform, official.Id);
            _roles[key] = _roles.GetValueOrDefault(key) | AccountRole.Official;
        }

        _clauseTexts = PolicyClauses.TextsFor(watch);
        _impersonation = new ImpersonationRule(watch, options, [.. logoHashes]); // copied into a ulong[]: no boxed enumerator per account
        _leaks = new LeakRule(watch, options);
        _misrepresentation = new MisrepresentationRule(watch, options, embedder);

        // Words whose absence (case-insensitive, in plain-ASCII text) proves a post says nothing about the council.
        var prefilterWords = GenericCouncilWords
            .Concat(watch.Organisation.Names)
            .Concat(watch.Organisation.Aliases)
            .Concat(watch.OfficialAccounts.Select(a => ImpersonationRule.HandleCore(a.Handle)))
            .Where(w => !string.IsNullOrWhiteSpace(w))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        _hasPrefilterWords = prefilterWords.Length > 0;
        // One multi-string search (case-insensitive) instead of one scan per word.
        _prefilterWords = SearchValues.Create(prefilterWords, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The options in effect: a copy of those given, empty word lists filled with their defaults.</summary>
    public RulesOptions Options => _options;

    /// <summary>True when (platform, id) is one of the council's official accounts.</summary>
    public bool IsOfficial(string platform, string id) => (RoleOf(platform, id) & AccountRole.Official) != 0;

    /// <summary>True when (platform, id) is a registered staff or member account.</summary>
    public bool IsStaff(string platform, string id) => (RoleOf(platform, id) & AccountRole.Staff) != 0;

    private AccountRole RoleOf(string platform, string id) =>
        _roles.TryGetValue((platform ?? "", id ?? ""), out var role) ? role : AccountRole.None;

    /// <summary>Impersonation check of an account (name, handle, avatar). Official accounts are never flagged.</summary>
    public IReadOnlyList<RuleFlag> CheckAccount(AccountInput account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!_options.ImpersonationEnabled || IsOfficial(account.Platform, account.Id))
        {
            return [];
        }

        var flag = _impersonation.Check(account, IsStaff(account.Platform, account.Id));
        return flag is null ? [] : [WithClauseText(flag)];
    }

    /// <summary>Confidential-leak and misrepresentation checks of a post. Official posts are never flagged.</summary>
    public IReadOnlyList<RuleFlag> CheckPost(PostInput post, OfficialStatements statements)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(statements);
        var author = post.Author;
        var text = post.Text;
        if (author is null || string.IsNullOrEmpty(text))
        {
            return [];
        }

        var role = RoleOf(author.Platform, author.Id);
        if ((role & AccountRole.Official) != 0)
        {
            return [];
        }

        var isStaff = (role & AccountRole.Staff) != 0;
        var snapshot = statements.Current;
        var repliesToOfficial = post.InReplyTo is { Length: > 0 } reply && snapshot.FindById(reply) is not null;

        var runLeaks = _options.ConfidentialLeakEnabled && isStaff;
        var resemblance = AuthorResemblance.None;
        var runMisrepresentation = _options.MisrepresentationEnabled
            // A registered member's post is read even without the council's name: their "we" can speak for it.
            && (repliesToOfficial | isStaff | MayMentionCouncil(text) | ((resemblance = ResemblanceOf(author)) != AuthorResemblance.None));
        if (!runLeaks && !runMisrepresentation)
        {
            return [];
        }

        var folded = TextFolding.Fold(text);
        RuleFlag? leak = runLeaks ? _leaks.Check(post, folded) : null;
        RuleFlag? misrepresentation = runMisrepresentation
            ? _misrepresentation.Check(post, folded, isStaff, resemblance, snapshot)
            : null;

        return (leak, misrepresentation) switch
        {
            (null, null) => [],
            ({ } l, null) => [WithClauseText(l)],
            (null, { } m) => [WithClauseText(m)],
            ({ } l, { } m) when LeakAboutAPersonOnly(l, m) => [WithClauseText(l)],
            ({ } l, { } m) => [WithClauseText(l), WithClauseText(m)],
        };
    }

    /// <summary>Leak concepts about a person's own data or matters, which tell no decision of the council.</summary>
    private static readonly HashSet<string> PersonLeakConcepts = new(StringComparer.Ordinal)
    {
        "personal_data", "hr_matter", "health_matter", "recruitment_candidate", "contact_list",
    };

    /// <summary>
    /// A staff post that passes on someone's phone number, address, email, health or HR matter ("for whoever
    /// at the council is chasing Karen, her number is …") is a leak, and names the council only as the
    /// place the person is known: it asserts no decision to misrepresent. Both flags stay when the post also
    /// contradicts an official statement or speaks as the council, and when the leak is about council
    /// business (a price, a closed session), which is itself something the council is said to be doing.
    /// </summary>
    private static bool LeakAboutAPersonOnly(RuleFlag leak, RuleFlag misrepresentation) =>
        leak.Evidence["concepts"] is System.Text.Json.Nodes.JsonArray concepts
        && concepts.All(c => c is not null && PersonLeakConcepts.Contains(c.GetValue<string>()))
        && misrepresentation.Evidence["contradicts"] is null
        && misrepresentation.Evidence["staff_presents_view_as_council_position"] is null;

    /// <summary>The flag with its clause key replaced by the organisation's text (a text that is no key is kept).</summary>
    private RuleFlag WithClauseText(RuleFlag flag) =>
        _clauseTexts.TryGetValue(flag.PolicyClause, out var text)
            ? flag with { PolicyClause = text, ClauseKey = flag.PolicyClause }
            : flag;

    /// <summary>The configured text of a <see cref="PolicyClauses"/> key, as flags carry it.</summary>
    public string ClauseText(string clauseKey) =>
        _clauseTexts.TryGetValue(clauseKey ?? "", out var text) ? text : clauseKey ?? "";

    private bool MayMentionCouncil(string text)
    {
        if (TextFolding.MayHideLetters(text))
        {
            return true; // look-alike letters or invisible characters may hide the words: fold and check
        }

        return _hasPrefilterWords && text.AsSpan().ContainsAny(_prefilterWords);
    }

    private AuthorResemblance ResemblanceOf(AccountInput author)
    {
        if (!_options.ImpersonationEnabled && !_options.MisrepresentationEnabled)
        {
            return AuthorResemblance.None;
        }

        var handle = author.Handle ?? "";
        var displayName = author.DisplayName ?? "";
        var key = (author.Platform ?? "", author.Id ?? "");
        if (_authorResemblance.TryGetValue(key, out var cached) && cached.IsFor(handle, displayName, author.AvatarHash))
        {
            return cached.Resemblance;
        }

        var result = IsStaff(key.Item1, key.Item2) ? AuthorResemblance.None : _impersonation.Resemblance(author);
        if (_authorResemblance.Count >= AuthorCacheLimit)
        {
            _authorResemblance.Clear(); // bounded memory; a cold cache only costs time
        }

        _authorResemblance[key] = new AuthorVerdict(handle, displayName, author.AvatarHash, result);
        return result;
    }

    /// <summary>The cached verdict on an author's name and avatar, with the handle, display name and avatar it was computed for.</summary>
    private sealed class AuthorVerdict(string handle, string displayName, ulong? avatar, AuthorResemblance resemblance)
    {
        public AuthorResemblance Resemblance => resemblance;

        public bool IsFor(string handle2, string displayName2, ulong? avatar2) =>
            avatar == avatar2
            && (ReferenceEquals(handle, handle2) || string.Equals(handle, handle2, StringComparison.Ordinal))
            && (ReferenceEquals(displayName, displayName2) || string.Equals(displayName, displayName2, StringComparison.Ordinal));
    }

    [Flags]
    private enum AccountRole : byte
    {
        None = 0,
        Official = 1,
        Staff = 2,
    }

    private sealed class PlatformIdComparer : IEqualityComparer<(string Platform, string Id)>
    {
        public bool Equals((string Platform, string Id) x, (string Platform, string Id) y) =>
            string.Equals(x.Platform, y.Platform, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Id, y.Id, StringComparison.Ordinal);

        public int GetHashCode((string Platform, string Id) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Platform ?? ""), StringComparer.Ordinal.GetHashCode(obj.Id ?? ""));
    }
}
