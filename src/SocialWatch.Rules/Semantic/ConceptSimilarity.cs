using SocialWatch.Rules.Semantic;

namespace SocialWatch.Rules;

/// <summary>The concept of a label nearest to a text, and how near.</summary>
public readonly record struct ConceptMatch(ConceptPrototype Prototype, double Similarity);

/// <summary>
/// How near a text is to the concept descriptions of a label (the semantic layer's prototypes), and to
/// other texts. Thread-safe; the prototypes' embeddings are computed on first use and kept. Any rule
/// may use it (the misrepresentation rule does; the leak rule's "leak" concepts are ready for it).
/// </summary>
public sealed class ConceptSimilarity
{
    private readonly ISentenceEmbedder _embedder;
    private readonly Dictionary<string, ConceptPrototype[]> _byLabel;
    private readonly Lazy<Dictionary<string, float[][]>> _vectors;

    public ConceptSimilarity(ISentenceEmbedder embedder, IEnumerable<ConceptPrototype>? prototypes = null)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        _embedder = embedder;
        _byLabel = (prototypes ?? ConceptPrototype.BuiltIn)
            .GroupBy(p => p.Label, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _vectors = new Lazy<Dictionary<string, float[][]>>(
            () => _byLabel.ToDictionary(p => p.Key, p => p.Value.Select(c => embedder.Embed(c.Description)).ToArray(), StringComparer.Ordinal),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The labels that have prototypes.</summary>
    public IReadOnlyCollection<string> Labels => _byLabel.Keys;

    /// <summary>The embedding of a text (cached by the embedder when it caches).</summary>
    public float[] Embed(string text) => _embedder.Embed(text);

    /// <summary>The nearest concept of <paramref name="label"/> to the text, or null when the label has none.</summary>
    public ConceptMatch? Nearest(string text, string label) => Nearest(_embedder.Embed(text), label);

    /// <summary>The nearest concept of <paramref name="label"/> to an embedding already computed.</summary>
    public ConceptMatch? Nearest(float[] vector, string label)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (!_byLabel.TryGetValue(label, out var prototypes))
        {
            return null;
        }

        var vectors = _vectors.Value[label];
        var best = -1;
        var bestSimilarity = double.MinValue;
        for (var i = 0; i < vectors.Length; i++)
        {
            var similarity = Vectors.Cosine(vector, vectors[i]);
            if (similarity > bestSimilarity)
            {
                best = i;
                bestSimilarity = similarity;
            }
        }

        return best < 0 ? null : new ConceptMatch(prototypes[best], bestSimilarity);
    }

    /// <summary>Cosine similarity of two texts' embeddings.</summary>
    public double Similarity(string a, string b) => Vectors.Cosine(_embedder.Embed(a), _embedder.Embed(b));
}
