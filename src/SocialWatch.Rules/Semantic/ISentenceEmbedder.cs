namespace SocialWatch.Rules;

/// <summary>
/// Sentence embeddings for the semantic layer (<see cref="MiniLmEmbedder"/> in production; a test may
/// supply its own). Only posts that pass the rules' cheap lexical gate are embedded. Implementations
/// must be thread-safe.
/// </summary>
public interface ISentenceEmbedder
{
    /// <summary>A unit-length embedding of the text.</summary>
    float[] Embed(string text);
}
