using System.Collections.Immutable;
using SocialWatch.Rules.Misrepresentation;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules;

/// <summary>
/// The council's official posts seen so far, used to find the statement on the same topic as a claim.
/// The worker fills it from the database at start and adds new official posts as they are stored;
/// <c>classify</c> adds official posts in file order. Safe to read while another thread adds: readers
/// see an immutable snapshot.
/// </summary>
/// <remarks>
/// Adding costs O(words of the post × log vocabulary), not O(statements): the entries live in an
/// append-only buffer that snapshots share (a snapshot reads only its first <c>Count</c> slots), and the
/// word index and id index are persistent maps. A copy of everything per add made replaying a file with
/// thousands of official posts quadratic.
/// </remarks>
public sealed class OfficialStatements
{
    private readonly Lexicon _change;
    private readonly Lexicon _statusQuo;
    private readonly Lexicon _notChange;
    private readonly HashSet<string>? _placeWords;
    private readonly Lock _gate = new();
    private volatile Snapshot _snapshot = Snapshot.Empty;

    public OfficialStatements()
        : this(new RulesOptions())
    {
    }

    public OfficialStatements(RulesOptions options)
        : this(options, null)
    {
    }

    /// <summary>Statements of the organisation of <paramref name="watch"/>: its names and aliases are not topic words.</summary>
    public OfficialStatements(RulesOptions options, WatchOptions? watch)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options.WithDefaults();
        _change = new Lexicon(options.ChangeWords);
        _statusQuo = new Lexicon(options.StatusQuoWords);
        _notChange = new Lexicon(options.NotChangePhrases);
        _placeWords = watch is null ? null : TextFacts.PlaceWords(watch);
    }

    public int Count => _snapshot.Count;

    /// <summary>Adds an official post (posts with empty text are ignored; the same id twice is kept once).</summary>
    public void Add(PostInput post)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (string.IsNullOrWhiteSpace(post.Text))
        {
            return;
        }

        var folded = TextFolding.Fold(post.Text);
        var sentences = Sentences.Split(folded).Where(s => !s.IsQuestion).ToList();
        var facts = TextFacts.From(folded, sentences, _change, _statusQuo, _notChange, _placeWords);
        lock (_gate)
        {
            var current = _snapshot;
            if (current.ById.TryGetValue(post.Id, out var known) && known.Post.Id == post.Id && known.Post.Platform == post.Platform)
            {
                return;
            }

            var index = current.Count;
            var entry = new StatementEntry(index, post, folded, facts);
            var buffer = current.Buffer;
            if (index == buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(16, buffer.Length * 2));
            }

            // Written before the snapshot that counts it is published (a volatile write): a reader of an
            // older snapshot never reads this slot, a reader of the new one sees it filled.
            buffer[index] = entry;

            // Topic word -> indices of the statements that have it (its length is the document frequency),
            // so a claim is scored only against statements sharing a word with it.
            var postings = current.Postings.ToBuilder();
            foreach (var word in facts.Topic)
            {
                postings[word] = postings.TryGetValue(word, out var list) ? list.Append(index) : PostingList.Of(index);
            }

            // Replies name their parent by id (or, for RSS, by URL): index both for an O(1) look-up.
            var byId = current.ById.ToBuilder();
            byId.TryAdd(post.Id, entry);
            if (!string.IsNullOrEmpty(post.Url))
            {
                byId.TryAdd(post.Url, entry);
            }

            _snapshot = new Snapshot(buffer, index + 1, postings.ToImmutable(), byId.ToImmutable());
        }
    }

    internal Snapshot Current => _snapshot;

    internal sealed record StatementEntry(int Index, PostInput Post, string Folded, TextFacts Facts);

    /// <summary>
    /// The indices of the statements that have one topic word, ascending. Versions share one buffer: only
    /// the newest version (the one in the current index, under the writer's lock) ever appends, into the
    /// slot past its own count, which no older version reads.
    /// </summary>
    internal sealed class PostingList
    {
        private readonly int[] _items;

        private PostingList(int[] items, int count)
        {
            _items = items;
            Count = count;
        }

        public int Count { get; }

        public ReadOnlySpan<int> Items => _items.AsSpan(0, Count);

        public static PostingList Of(int index) => new([index, 0], 1);

        public PostingList Append(int index)
        {
            var items = _items;
            if (Count == items.Length)
            {
                Array.Resize(ref items, items.Length * 2);
            }

            items[Count] = index;
            return new PostingList(items, Count + 1);
        }
    }

    internal sealed class Snapshot(StatementEntry[] buffer, int count, ImmutableDictionary<string, PostingList> postings, ImmutableDictionary<string, StatementEntry> byId)
    {
        public static readonly Snapshot Empty = new([], 0, ImmutableDictionary.Create<string, PostingList>(StringComparer.Ordinal), ImmutableDictionary.Create<string, StatementEntry>(StringComparer.Ordinal));

        internal StatementEntry[] Buffer { get; } = buffer;

        internal ImmutableDictionary<string, PostingList> Postings { get; } = postings;

        internal ImmutableDictionary<string, StatementEntry> ById { get; } = byId;

        public int Count { get; } = count;

        /// <summary>The statements in the order they were added.</summary>
        public ReadOnlySpan<StatementEntry> Entries => Buffer.AsSpan(0, Count);

        public StatementEntry? FindById(string id) => ById.GetValueOrDefault(id);

        /// <summary>Weight of a shared topic word: ln(1 + N / document frequency).</summary>
        public double WordWeight(int documentFrequency) => Math.Log(1.0 + ((double)Count / Math.Max(1, documentFrequency)));

        /// <summary>
        /// Topic overlap of a claim with every statement, through the word index: adds to
        /// <paramref name="scores"/> and <paramref name="shared"/> (one slot per entry, all zero on entry)
        /// the sum over shared topic words of ln(1 + N / document frequency) and the number of shared words,
        /// and writes to <paramref name="touched"/> each statement that shares a word, once (unordered).
        /// Returns how many were touched. A statement sharing fewer than two words scores 0 (one shared
        /// word is too often a coincidence); the caller applies that rule.
        /// </summary>
        public int TopicScores(TextFacts claim, Span<double> scores, Span<int> shared, Span<int> touched)
        {
            var touchedCount = 0;
            foreach (var word in claim.Topic)
            {
                if (!Postings.TryGetValue(word, out var list))
                {
                    continue;
                }

                var weight = WordWeight(list.Count);
                foreach (var i in list.Items)
                {
                    if (shared[i]++ == 0)
                    {
                        touched[touchedCount++] = i;
                    }

                    scores[i] += weight;
                }
            }

            return touchedCount;
        }

        /// <summary>The topic words a claim shares with a statement (for evidence; allocates).</summary>
        public static List<string> SharedWords(TextFacts claim, StatementEntry statement) =>
            [.. claim.Topic.Where(statement.Facts.Topic.Contains)];
    }
}
