using BenchmarkDotNet.Attributes;
using SocialWatch.Bench.Generation;
using SocialWatch.Rules;

namespace SocialWatch.Bench.Benchmarks;

/// <summary>
/// CheckPost per post with one rule on and the other two off, on the realistic mix and on the posts to
/// flag. Impersonation alone does no work on posts (it checks accounts: see <see cref="AccountBenchmarks"/>),
/// so its row is the fixed cost of CheckPost (official/staff look-ups and the reply look-up).
/// </summary>
[MemoryDiagnoser]
public class RuleAloneBenchmarks
{
    private Classifier _classifier = null!;
    private OfficialStatements _statements = null!;
    private PostStreams _streams = null!;

    [Params(RuleSet.All, RuleSet.ImpersonationOnly, RuleSet.LeakOnly, RuleSet.MisrepresentationOnly)]
    public RuleSet Rules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = SampleCorpus.Load();
        var options = RuleSets.Options(Rules);
        var generator = new PostGenerator(corpus.Watch);
        _classifier = corpus.CreateClassifier(options);
        _statements = generator.CreateStatements(options);
        _streams = PostStreams.Create(generator);
        _streams.Warm(_classifier, _statements);
    }

    [Benchmark(OperationsPerInvoke = PostStreams.BatchSize, Description = "Mixed (90/7/3)")]
    public int Mixed() => PostStreams.Classify(_classifier, _statements, _streams.Mixed);

    [Benchmark(OperationsPerInvoke = PostStreams.BatchSize, Description = "Flaggable only (claims + leaks)")]
    public int Flaggable() => PostStreams.Classify(_classifier, _statements, _streams.Flaggable);
}
