using SocialWatch.Bench.Generation;
using SocialWatch.Rules;

namespace SocialWatch.Bench.Benchmarks;

/// <summary>The generated batches the post benchmarks run over; the same posts for every benchmark.</summary>
internal sealed class PostStreams
{
    /// <summary>Posts per benchmark invocation; with OperationsPerInvoke set to it, BenchmarkDotNet reports per post.</summary>
    public const int BatchSize = 10_000;

    private PostStreams(PostGenerator generator)
    {
        Mixed = Posts(generator.Take(BatchSize, g => g.Next()));
        Benign = Posts(generator.Take(BatchSize, g => g.NextBenign()));
        Chatter = Posts(generator.Take(BatchSize, g => g.Next(PostKind.Chatter)));
        CouncilBenign = Posts(generator.Take(BatchSize, g => g.Next(PostKind.CouncilBenign)));
        Flaggable = Posts(generator.Take(BatchSize, g => g.NextFlaggable()));
    }

    public PostInput[] Mixed { get; }

    public PostInput[] Benign { get; }

    public PostInput[] Chatter { get; }

    public PostInput[] CouncilBenign { get; }

    public PostInput[] Flaggable { get; }

    public static PostStreams Create(PostGenerator generator) => new(generator);

    /// <summary>Runs the posts through the classifier; returns the flag count so the work cannot be optimised away.</summary>
    public static int Classify(Classifier classifier, OfficialStatements statements, PostInput[] posts)
    {
        var flags = 0;
        foreach (var post in posts)
        {
            flags += classifier.CheckPost(post, statements).Count;
        }

        return flags;
    }

    /// <summary>
    /// Runs every stream for about a second before measuring. In-process, the first benchmark would
    /// otherwise pay for tiered compilation in its pilot and warm-up stages (and, on a busy machine where
    /// the background JIT waits for a core, in its measured iterations too).
    /// </summary>
    public void Warm(Classifier classifier, OfficialStatements statements)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(1))
        {
            Classify(classifier, statements, Mixed);
            Classify(classifier, statements, Flaggable);
        }
    }

    private static PostInput[] Posts(GeneratedPost[] generated) => Array.ConvertAll(generated, g => g.Post);
}
