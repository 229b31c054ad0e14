namespace SocialWatch.Rules.Tests.Semantic;

/// <summary>The real MiniLM model, loaded once for the semantic tests (about a second).</summary>
public sealed class ModelFixture : IDisposable
{
    public ModelFixture()
    {
        Embedder = MiniLmEmbedder.TryLoad(out var error) ?? throw new InvalidOperationException("MiniLM did not load: " + error);
    }

    public MiniLmEmbedder Embedder { get; }

    public void Dispose() => Embedder.Dispose();
}
