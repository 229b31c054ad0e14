using SocialWatch.Rules.Misrepresentation;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules;

/// <summary>
/// The council's official posts seen so far, used to find the statement on the same topic as a claim.
/// The worker fills it from the database at start and adds new official posts as they are stored;
/// <c>classify</c> adds official posts in file order. Safe to read while another thread adds: readers
/// see an immutable snapshot.
/// </summary>
public sealed class OfficialStatements
{
    private readonly Lexicon _change;
    private readonly Lexicon _statusQuo;
    private readonly Lexicon _notChange;
    private readonly HashSet<string>? _placeWords;
    private readonly Lock _gate = new();
    private volatile Snapshot _snapshot = new([], new Dictionary<string, int[]>(StringComparer.Ordinal), new Dictionary<string, StatementEntry>(StringComparer.Ordinal));

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

    public int Count => _snapshot.Entries.Length;

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
        var entry = new StatementEntry(post, folded, facts);
        lock (_gate)
        {
            var current = _snapshot;
            // O(1) through the id index (a scan of every entry made loading N statements cost N²).
            if (current.ById.TryGetValue(post.Id, out var known) && known.Post.Id == post.Id && known.Post.Platform == post.Platform)
            {
                return;
            }

            // Topic word -> indices of the statements that have it (its length is the document frequency),
            // so a claim is scored only against statements sharing a word with it.
            var index = current.Entries.Length;
            var postings = new Dictionary<string, int[]>(current.Postings, StringComparer.Ordinal);
            foreach (var word in facts.Topic)
            {
                postings[word] = postings.TryGetValue(word, out var existing) ? [.. existing, index] : [index];
            }

            // Replies name their parent by id (or, for RSS, by URL): index both for an O(1) look-up.
            var byId = new Dictionary<string, StatementEntry>(current.ById, StringComparer.Ordinal);
            byId.TryAdd(post.Id, entry);
            if (!string.IsNullOrEmpty(post.Url))
            {
                byId.TryAdd(post.Url, entry);
            }

            _snapshot = new Snapshot([.. current.Entries, entry], postings, byId);
        }
    }

    internal Snapshot Current => _snapshot;

    internal sealed record StatementEntry(PostInput Post, string Folded, TextFacts Facts);

    internal sealed record Snapshot(StatementEntry[] Entries, Dictionary<string, int[]> Postings, Dictionary<string, StatementEntry> ById)
    {
        public StatementEntry? FindById(string id) => ById.GetValueOrDefault(id);

        /// <summary>Weight of a shared topic word: ln(1 + N / document frequency).</summary>
        public double WordWeight(int documentFrequency) => Math.Log(1.0 + ((double)Entries.Length / Math.Max(1, documentFrequency)));

        /// <summary>
        /// Topic overlap of a claim with every statement, through the word index: adds to
        /// <paramref name="scores"/> and <paramref name="shared"/> (one slot per entry, cleared by the caller)
        /// the sum over shared topic words of ln(1 + N / document frequency) and the number of shared words.
        /// A statement sharing fewer than two words scores 0 (one shared word is too often a coincidence);
        /// the caller applies that rule.
        /// </summary>
        public void TopicScores(TextFacts claim, Span<double> scores, Span<int> shared)
        {
            foreach (var word in claim.Topic)
            {
                if (Postings.TryGetValue(word, out var entries))
                {
                    var weight = WordWeight(entries.Length);
                    foreach (var i in entries)
                    {
                        scores[i] += weight;
                        shared[i]++;
                    }
                }
            }
        }

        /// <summary>The topic words a claim shares with a statement (for evidence; allocates).</summary>
        public static List<string> SharedWords(TextFacts claim, StatementEntry statement) =>
            [.. claim.Topic.Where(statement.Facts.Topic.Contains)];
    }
}
