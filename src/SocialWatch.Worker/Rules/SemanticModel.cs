using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Rules;

namespace SocialWatch.Worker.Rules;

/// <summary>
/// The semantic layer's MiniLM model for the process: loaded once when Rules:UseEmbeddings is on (the
/// default), and said in the log either way, so a worker running on patterns only is never a surprise.
/// </summary>
internal sealed partial class SemanticModel : IDisposable
{
    private readonly MiniLmEmbedder? _embedder;

    public SemanticModel(IOptions<RulesOptions> rules, ILogger<SemanticModel> logger)
    {
        if (!rules.Value.UseEmbeddings)
        {
            LogOff(logger);
            return;
        }

        _embedder = MiniLmEmbedder.TryLoad(out var error);
        if (_embedder is null)
        {
            LogNotLoaded(logger, error ?? "unknown error");
        }
        else
        {
            LogLoaded(logger);
        }
    }

    /// <summary>The embedder, or null when the layer is off or the model did not load.</summary>
    public ISentenceEmbedder? Embedder => _embedder;

    public void Dispose() => _embedder?.Dispose();

    [LoggerMessage(EventId = 410, Level = LogLevel.Information, Message = "Semantic layer on: MiniLM sentence model loaded")]
    private static partial void LogLoaded(ILogger logger);

    [LoggerMessage(EventId = 411, Level = LogLevel.Warning, Message = "Semantic layer off: the MiniLM model did not load ({Error}); the rules run on patterns only")]
    private static partial void LogNotLoaded(ILogger logger, string error);

    [LoggerMessage(EventId = 412, Level = LogLevel.Information, Message = "Semantic layer off (Rules:UseEmbeddings is false): the rules run on patterns only")]
    private static partial void LogOff(ILogger logger);
}
