using BenchmarkDotNet.Attributes;
using SocialWatch.Bench.Generation;
using SocialWatch.Rules;

namespace SocialWatch.Bench.Benchmarks;

/// <summary>
/// CheckAccount per account, with the avatar already hashed (as the connectors supply it): names, handles
/// and the logo distance. Only the impersonation rule runs on accounts, so this is also its cost alone.
/// </summary>
[MemoryDiagnoser]
public class AccountBenchmarks
{
    public const int BatchSize = 10_000;

    private Classifier _classifier = null!;
    private AccountInput[] _accounts = null!;

    [GlobalSetup]
    public void Setup()
    {
        var corpus = SampleCorpus.Load();
        _classifier = corpus.CreateClassifier(RuleSets.Options(RuleSet.All));
        _accounts = new AccountGenerator(corpus.Watch, corpus.LogoHashes, corpus.AvatarHashes()).Take(BatchSize);
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(1))
        {
            CheckAccount(); // tiered compilation before the pilot stage (see PostStreams.Warm)
        }
    }

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "CheckAccount (AvatarHash set)")]
    public int CheckAccount()
    {
        var flags = 0;
        foreach (var account in _accounts)
        {
            flags += _classifier.CheckAccount(account).Count;
        }

        return flags;
    }
}

/// <summary>PerceptualHash.Compute on each sample avatar image (decode with SkiaSharp, then the DCT hash).</summary>
[MemoryDiagnoser]
public class AvatarHashBenchmarks
{
    private byte[] _bytes = [];

    [ParamsSource(nameof(Images))]
    public string Image { get; set; } = "";

    public static IEnumerable<string> Images() => SampleCorpus.Load().AvatarFiles.Select(Path.GetFileName).OfType<string>();

    [GlobalSetup]
    public void Setup() => _bytes = File.ReadAllBytes(SampleCorpus.Load().AvatarFiles.Single(f => Path.GetFileName(f) == Image));

    [Benchmark(Description = "PerceptualHash.Compute")]
    public ulong Compute() => PerceptualHash.Compute(_bytes);
}
