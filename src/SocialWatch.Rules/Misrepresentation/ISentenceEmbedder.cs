namespace SocialWatch.Rules;

/// <summary>
/// Optional sentence embedder (e.g. MiniLM) used, when <see cref="RulesOptions.UseEmbeddings"/> is on, to
/// decide whether a claim and an official statement are on the same topic. Only candidate posts (already
/// detected as claims about the council) are embedded. Implementations must be thread-safe.
/// </summary>
public interface ISentenceEmbedder
{
    /// <summary>A unit-length embedding of the text.</summary>
    float[] Embed(string text);
}
