using BenchmarkDotNet.Attributes;
using SocialWatch.Bench.Generation;
using SocialWatch.Rules;

namespace SocialWatch.Bench.Benchmarks;

/// <summary>
/// CheckPost with all rules on, per post, on generated streams: the realistic mix (90% chatter, 7% benign
/// council posts, 3% to flag), benign posts only, and each kind alone.
/// </summary>
/// <remarks>
/// Benchmark classes are public and not sealed (here and in the other benchmark files): BenchmarkDotNet
/// emits a type that derives from them.
/// </remarks>
[MemoryDiagnoser]
public class PostBenchmarks
{
    private Classifier _classifier = null!;
    private OfficialStatements _statements = null!;
    private PostStreams _streams = null!;

    [GlobalSetup]
    public void Setup()
    {
        var corpus = SampleCorpus.Load();
        var options = RuleSets.Options(RuleSet.All);
        var generator = new PostGenerator(corpus.Watch);
        _classifier = corpus.CreateClassifier(options);
        _statements = generator.CreateStatements(options);
        _streams = PostStreams.Create(generator);
        _streams.Warm(_classifier, _statements);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = PostStreams.BatchSize, Description = "Mixed (90/7/3)")]
    public int Mixed() => PostStreams.Classify(_classifier, _statements, _streams.Mixed);

    [Benchmark(OperationsPerInvoke = PostStreams.BatchSize, Description = "Benign only (chatter + council mentions)")]
    public int Benign() => PostStreams.Classify(_classifier, _statements, _streams.Benign);

    [Benchmark(OperationsPerInvoke = PostStreams.BatchSize, Description = "Chatter only")]
    public int Chatter() => PostStreams.Classify(_classifier, _statements, _streams.Chatter);

    [Benchmark(OperationsPerInvoke = PostStreams.BatchSize, Description = "Council mentions only (benign)")]
    public int CouncilBenign() => PostStreams.Classify(_classifier, _statements, _streams.CouncilBenign);

    [Benchmark(OperationsPerInvoke = PostStreams.BatchSize, Description = "Flaggable only (claims + leaks)")]
    public int Flaggable() => PostStreams.Classify(_classifier, _statements, _streams.Flaggable);
}
