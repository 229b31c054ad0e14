namespace SocialWatch.Rules.Semantic;

/// <summary>Similarity of unit-length embeddings.</summary>
internal static class Vectors
{
    /// <summary>Cosine similarity; for unit vectors the dot product.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            return 0;
        }

        var dot = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return dot;
    }
}
