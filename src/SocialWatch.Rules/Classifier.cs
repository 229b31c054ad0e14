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
    private static readonly string[] GenericCouncilWords = ["council", "clerk"];

    private readonly RulesOptions _options;
    private readonly HashSet<(string Platform, string Id)> _official;
    private readonly Dictionary<(string Platform, string Id), StaffAccountOptions> _staff;
    private readonly ImpersonationRule _impersonation;
    private readonly LeakRule _leaks;
    private readonly MisrepresentationRule _misrepresentation;
    private readonly string[] _prefilterWords;
    private readonly ConcurrentDictionary<(string Platform, string Id, string Handle, string DisplayName), bool> _authorLooksLikeCouncil = new();

    public Classifier(WatchOptions watch, RulesOptions options, IReadOnlyList<ulong> logoHashes, ISentenceEmbedder? embedder = null)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logoHashes);
        _options = options;
        var comparer = new PlatformIdComparer();
        _official = new HashSet<(string, string)>(watch.OfficialAccounts.Select(a => (a.Platform, a.Id)), comparer);
        _staff = new Dictionary<(string, string), StaffAccountOptions>(comparer);
        foreach (var staff in watch.StaffAccounts)
        {
            _staff[(staff.Platform, staff.Id)] = staff;
        }

        _impersonation = new ImpersonationRule(watch, options, [.. logoHashes]);
        _leaks = new LeakRule(watch, options);
        _misrepresentation = new MisrepresentationRule(watch, options, embedder);

        // Words whose absence (case-insensitive, in plain-ASCII text) proves a post says nothing about the council.
        _prefilterWords = GenericCouncilWords
            .Concat(watch.Organisation.Names)
            .Concat(watch.Organisation.Aliases)
            .Concat(watch.OfficialAccounts.Select(a => ImpersonationRule.HandleCore(a.Handle)))
            .Where(w => !string.IsNullOrWhiteSpace(w))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    public RulesOptions Options => _options;

    /// <summary>True when (platform, id) is one of the council's official accounts.</summary>
    public bool IsOfficial(string platform, string id) => _official.Contains((platform ?? "", id ?? ""));

    /// <summary>True when (platform, id) is a registered staff or member account.</summary>
    public bool IsStaff(string platform, string id) => _staff.ContainsKey((platform ?? "", id ?? ""));

    /// <summary>Impersonation check of an account (name, handle, avatar). Official accounts are never flagged.</summary>
    public IReadOnlyList<RuleFlag> CheckAccount(AccountInput account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!_options.ImpersonationEnabled || IsOfficial(account.Platform, account.Id))
        {
            return [];
        }

        var flag = _impersonation.Check(account, IsStaff(account.Platform, account.Id));
        return flag is null ? [] : [flag];
    }

    /// <summary>Confidential-leak and misrepresentation checks of a post. Official posts are never flagged.</summary>
    public IReadOnlyList<RuleFlag> CheckPost(PostInput post, OfficialStatements statements)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(statements);
        var author = post.Author;
        var text = post.Text;
        if (author is null || string.IsNullOrEmpty(text) || IsOfficial(author.Platform, author.Id))
        {
            return [];
        }

        var isStaff = IsStaff(author.Platform, author.Id);
        var snapshot = statements.Current;
        var repliesToOfficial = post.InReplyTo is { Length: > 0 } reply && snapshot.FindById(reply) is not null;

        var runLeaks = _options.ConfidentialLeakEnabled && isStaff;
        var runMisrepresentation = _options.MisrepresentationEnabled
            && (repliesToOfficial || MayMentionCouncil(text) || AuthorLooksLikeCouncil(author));
        if (!runLeaks && !runMisrepresentation)
        {
            return [];
        }

        var folded = TextFolding.Fold(text);
        RuleFlag? leak = runLeaks ? _leaks.Check(post, folded) : null;
        RuleFlag? misrepresentation = runMisrepresentation
            ? _misrepresentation.Check(post, folded, isStaff, AuthorLooksLikeCouncil(author), snapshot)
            : null;

        return (leak, misrepresentation) switch
        {
            (null, null) => [],
            ({ } l, null) => [l],
            (null, { } m) => [m],
            ({ } l, { } m) => [l, m],
        };
    }

    private bool MayMentionCouncil(string text)
    {
        if (TextFolding.MayHideLetters(text))
        {
            return true; // look-alike letters or invisible characters may hide the words: fold and check
        }

        foreach (var word in _prefilterWords)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private bool AuthorLooksLikeCouncil(AccountInput author)
    {
        if (!_options.ImpersonationEnabled && !_options.MisrepresentationEnabled)
        {
            return false;
        }

        var key = (author.Platform ?? "", author.Id ?? "", author.Handle ?? "", author.DisplayName ?? "");
        if (_authorLooksLikeCouncil.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var result = !IsStaff(author.Platform ?? "", author.Id ?? "") && _impersonation.NameLooksLikeCouncil(author);
        if (_authorLooksLikeCouncil.Count >= AuthorCacheLimit)
        {
            _authorLooksLikeCouncil.Clear(); // bounded memory; a cold cache only costs time
        }

        _authorLooksLikeCouncil.TryAdd(key, result);
        return result;
    }

    private sealed class PlatformIdComparer : IEqualityComparer<(string Platform, string Id)>
    {
        public bool Equals((string Platform, string Id) x, (string Platform, string Id) y) =>
            string.Equals(x.Platform, y.Platform, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Id, y.Id, StringComparison.Ordinal);

        public int GetHashCode((string Platform, string Id) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Platform ?? ""), StringComparer.Ordinal.GetHashCode(obj.Id ?? ""));
    }
}
