using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using SocialWatch.Bench.Quick;

// `--quick`: Stopwatch figures in seconds. Anything else goes to BenchmarkDotNet (`--filter '*Post*'`, `--list flat`).
if (args.Contains("--quick", StringComparer.Ordinal))
{
    return QuickRun.Run(Console.Out);
}

// One short job, run in this process: the in-process toolchain does not build a second copy of the
// projects (no writes into src/*/obj while others build, and no extra minute of build on a busy
// machine). Few iterations keep a full run to a few minutes; the error columns say how noisy it was.
var job = Job.Default
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithLaunchCount(1)
    .WithWarmupCount(5)
    .WithIterationCount(8)
    .WithIterationTime(TimeInterval.FromMilliseconds(250))
    .WithId("ShortInProcess");
var config = DefaultConfig.Instance
    .AddJob(job)
    .AddDiagnoser(MemoryDiagnoser.Default)
    // Results go to the temp folder unless --artifacts says otherwise, never into the work tree.
    .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "socialwatch-bench"));
BenchmarkSwitcher.FromAssembly(typeof(SocialWatch.Bench.Benchmarks.PostBenchmarks).Assembly).Run(args, config);
return 0;
