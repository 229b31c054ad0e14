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
    private readonly Lock _gate = new();
    private volatile Snapshot _snapshot = new([], new Dictionary<string, int>(StringComparer.Ordinal), new Dictionary<string, StatementEntry>(StringComparer.Ordinal));

    public OfficialStatements()
        : this(new RulesOptions())
    {
    }

    public OfficialStatements(RulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _change = new Lexicon(options.ChangeWords);
        _statusQuo = new Lexicon(options.StatusQuoWords);
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
        var facts = TextFacts.From(folded, sentences, _change, _statusQuo);
        var entry = new StatementEntry(post, folded, facts);
        lock (_gate)
        {
            var current = _snapshot;
            if (current.Entries.Any(e => e.Post.Id == post.Id && e.Post.Platform == post.Platform))
            {
                return;
            }

            var documentFrequency = new Dictionary<string, int>(current.DocumentFrequency, StringComparer.Ordinal);
            foreach (var word in facts.Topic)
            {
                documentFrequency[word] = documentFrequency.GetValueOrDefault(word) + 1;
            }

            // Replies name their parent by id (or, for RSS, by URL): index both for an O(1) look-up.
            var byId = new Dictionary<string, StatementEntry>(current.ById, StringComparer.Ordinal);
            byId.TryAdd(post.Id, entry);
            if (!string.IsNullOrEmpty(post.Url))
            {
                byId.TryAdd(post.Url, entry);
            }

            _snapshot = new Snapshot([.. current.Entries, entry], documentFrequency, byId);
        }
    }

    internal Snapshot Current => _snapshot;

    internal sealed record StatementEntry(PostInput Post, string Folded, TextFacts Facts);

    internal sealed record Snapshot(StatementEntry[] Entries, Dictionary<string, int> DocumentFrequency, Dictionary<string, StatementEntry> ById)
    {
        public StatementEntry? FindById(string id) => ById.GetValueOrDefault(id);

        /// <summary>
        /// Topic overlap: the sum over shared topic words of ln(1 + N / document frequency), or 0 when
        /// fewer than two words are shared (one shared word is too often a coincidence).
        /// </summary>
        public double TopicScore(TextFacts claim, StatementEntry statement, List<string> shared)
        {
            double score = 0;
            foreach (var word in claim.Topic)
            {
                if (statement.Facts.Topic.Contains(word))
                {
                    var df = Math.Max(1, DocumentFrequency.GetValueOrDefault(word));
                    score += Math.Log(1.0 + ((double)Entries.Length / df));
                    shared.Add(word);
                }
            }

            return shared.Count >= 2 ? score : 0;
        }
    }
}
