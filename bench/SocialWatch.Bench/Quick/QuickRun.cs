using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using SocialWatch.Bench.Generation;
using SocialWatch.Rules;

namespace SocialWatch.Bench.Quick;

/// <summary>
/// The <c>--quick</c> mode: a Stopwatch loop on one thread, no BenchmarkDotNet, so a reviewer has the
/// headline figures in seconds. Less rigorous than the BenchmarkDotNet runs (one run, no statistics),
/// but it uses the same generator and the same classifier.
/// </summary>
internal static class QuickRun
{
    /// <summary>Distinct generated posts held in memory; the timed loop cycles through them.</summary>
    /// <remarks>A million distinct posts would hold ~500 MB of strings on a shared machine. The rules keep no
    /// per-text cache (only per-author and per-character ones, which real traffic warms up too), so
    /// cycling through 100,000 posts measures the same work as a million distinct ones.</remarks>
    private const int PoolSize = 100_000;

    private const int TimedPosts = 1_000_000;
    private const int RuleAlonePosts = 300_000;
    private const int KindPosts = 100_000;
    private const int Accounts = 200_000;
    private const int HashRepeats = 5;
    private const double PostsGoal = 50_000;
    private const double BenignBytesGoal = 1_024;

    public static int Run(TextWriter output)
    {
        var corpus = SampleCorpus.Load();
        var generator = new PostGenerator(corpus.Watch);
        var pool = generator.Take(PoolSize, g => g.Next());
        var posts = Array.ConvertAll(pool, g => g.Post);

        output.WriteLine("SocialWatch rules: quick benchmark (one thread, Stopwatch, no BenchmarkDotNet)");
        output.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} logical cores, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {RuntimeInformation.OSDescription}");
        DescribePool(output, pool, generator.OfficialPosts.Count);
        output.WriteLine();

        // All rules, the headline figure.
        var all = RuleSets.Options(RuleSet.All);
        var classifier = corpus.CreateClassifier(all);
        var statements = generator.CreateStatements(all);
        var headline = Time(classifier, statements, posts, TimedPosts);
        output.WriteLine($"CheckPost, all rules, {TimedPosts:N0} posts of the mix ({headline.Flags:N0} flags):");
        output.WriteLine($"  per CPU second: {headline.PostsPerCpuSecond,12:N0} posts/s  {headline.CpuNanosecondsPerPost,8:N0} ns/post");
        output.WriteLine($"  wall clock:     {headline.PostsPerSecond,12:N0} posts/s  {headline.NanosecondsPerPost,8:N0} ns/post   (lower when other processes share the cores)");
        output.WriteLine($"  allocated:      {headline.BytesPerPost,12:N0} B/post");

        // Per kind: a pool of that kind alone, timed like the headline.
        output.WriteLine();
        output.WriteLine($"Per kind, all rules ({KindPosts:N0} posts of each kind, per CPU second):");
        output.WriteLine($"  {"kind",-14} {"posts/s",12} {"ns/post",9} {"B/post",8} {"flagged",8}");
        var benignBytes = 0.0;
        foreach (var kind in Enum.GetValues<PostKind>())
        {
            var kindPosts = Array.ConvertAll(generator.Take(PoolSize / 10, g => g.Next(kind)), g => g.Post);
            var figures = Time(classifier, statements, kindPosts, KindPosts);
            var flagged = kindPosts.Count(p => classifier.CheckPost(p, statements).Count > 0) / (double)kindPosts.Length;
            output.WriteLine($"  {kind,-14} {figures.PostsPerCpuSecond,12:N0} {figures.CpuNanosecondsPerPost,9:N0} {figures.BytesPerPost,8:N0} {flagged,8:P1}");
            benignBytes += kind switch
            {
                PostKind.Chatter => figures.BytesPerPost * 90 / 97,
                PostKind.CouncilBenign => figures.BytesPerPost * 7 / 97,
                _ => 0,
            };
        }

        output.WriteLine($"  {"benign (90:7)",-14} {"",12} {"",9} {benignBytes,8:N0}");

        // Each rule alone.
        output.WriteLine();
        output.WriteLine($"Each rule alone (the other two off), {RuleAlonePosts:N0} posts of the mix, per CPU second:");
        foreach (var set in Enum.GetValues<RuleSet>())
        {
            var options = RuleSets.Options(set);
            var figures = Time(corpus.CreateClassifier(options), generator.CreateStatements(options), posts, RuleAlonePosts);
            output.WriteLine($"  {set,-22} {figures.PostsPerCpuSecond,12:N0} posts/s  {figures.CpuNanosecondsPerPost,8:N0} ns/post  {figures.BytesPerPost,7:N0} B/post");
        }

        // Accounts.
        output.WriteLine();
        var accounts = new AccountGenerator(corpus.Watch, corpus.LogoHashes, corpus.AvatarHashes()).Take(10_000);
        var accountFigures = TimeAccounts(classifier, accounts, Accounts);
        output.WriteLine($"CheckAccount (AvatarHash set), {Accounts:N0} accounts ({accountFigures.Flags:N0} flags), per CPU second: {accountFigures.PostsPerCpuSecond,10:N0} accounts/s  {accountFigures.CpuNanosecondsPerPost,7:N0} ns/account  {accountFigures.BytesPerPost,7:N0} B/account");
        foreach (var (outcome, figures) in PerOutcome(classifier, accounts))
        {
            output.WriteLine($"  {outcome,-10} {figures.Posts,7:N0} accounts, wall clock: {figures.PostsPerSecond,12:N0} accounts/s  {figures.NanosecondsPerPost,7:N0} ns/account  {figures.BytesPerPost,7:N0} B/account");
        }

        output.WriteLine();
        output.WriteLine($"PerceptualHash.Compute per sample avatar (mean of {HashRepeats} after one warm-up, CPU time):");
        foreach (var file in corpus.AvatarFiles)
        {
            var bytes = File.ReadAllBytes(file);
            PerceptualHash.Compute(bytes);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpu = CpuSeconds();
            for (var i = 0; i < HashRepeats; i++)
            {
                PerceptualHash.Compute(bytes);
            }

            var elapsed = (CpuSeconds() - cpu) * 1000 / HashRepeats;
            var bytesPerHash = (GC.GetAllocatedBytesForCurrentThread() - allocated) / HashRepeats;
            output.WriteLine($"  {Path.GetFileName(file),-20} {bytes.Length,9:N0} bytes  {elapsed,8:N2} ms/image  {1000 / elapsed,8:N0} images/s  {bytesPerHash,10:N0} B managed/image");
        }

        output.WriteLine();
        CouncilMix.Run(output, corpus, generator);

        output.WriteLine();
        output.WriteLine($"Goal >= {PostsGoal:N0} posts/s/core (all rules, mix, per CPU second): {(headline.PostsPerCpuSecond >= PostsGoal ? "met" : "NOT met")} ({headline.PostsPerCpuSecond:N0})");
        output.WriteLine($"Goal < {BenignBytesGoal:N0} B per benign post: {(benignBytes < BenignBytesGoal ? "met" : "NOT met")} ({benignBytes:N0} B)");
        return 0;
    }

    private static void DescribePool(TextWriter output, GeneratedPost[] pool, int officialStatements)
    {
        double Share(Func<GeneratedPost, bool> predicate) => pool.Count(predicate) / (double)pool.Length;
        var kinds = string.Join(", ", Enum.GetValues<PostKind>().Select(k => $"{k} {Share(p => p.Kind == k):P1}"));
        output.WriteLine($"posts: {pool.Length:N0} generated (seed {PostGenerator.DefaultSeed}), {officialStatements} official statements loaded; {kinds}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"       staff authors {Share(p => p.Post.Author.Bio.EndsWith("personal account", StringComparison.Ordinal)):P1}, official authors {Share(p => p.Post.Author.Bio == "Official account"):P1}, replies {Share(p => p.Post.InReplyTo is not null):P1}, " +
            $"emoji {Share(p => p.Post.Text.Any(char.IsSurrogate)):P1}, non-ASCII letters or invisible characters {Share(p => p.Post.Text.Any(c => c >= 0x80 && !char.IsSurrogate(c) && (char.IsLetter(c) || c == '\u200B'))):P1}, " +
            $"mean length {pool.Average(p => p.Post.Text.Length):N0} chars"));
    }

    private static Figures Time(Classifier classifier, OfficialStatements statements, PostInput[] posts, int count)
    {
        // Warm-up: let tiered compilation reach its optimised code and the rules fill their caches.
        WarmUp.UntilCompiled(() =>
        {
            for (var i = 0; i < Math.Min(count, posts.Length); i++)
            {
                classifier.CheckPost(posts[i], statements);
            }
        });

        var flags = 0L;
        var cpu = CpuSeconds();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            flags += classifier.CheckPost(posts[i % posts.Length], statements).Count;
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        return new Figures(count, elapsed.TotalSeconds, GC.GetAllocatedBytesForCurrentThread() - allocated, flags, 0) { CpuSeconds = CpuSeconds() - cpu };
    }

    private static Figures TimeAccounts(Classifier classifier, AccountInput[] accounts, int count)
    {
        WarmUp.UntilCompiled(() =>
        {
            foreach (var account in accounts)
            {
                classifier.CheckAccount(account);
            }
        });

        var flags = 0L;
        var cpu = CpuSeconds();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            flags += classifier.CheckAccount(accounts[i % accounts.Length]).Count;
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        return new Figures(count, elapsed.TotalSeconds, GC.GetAllocatedBytesForCurrentThread() - allocated, flags, 0) { CpuSeconds = CpuSeconds() - cpu };
    }

    /// <summary>CPU time of the whole process (this thread, plus the JIT's and GC's): a conservative per-core denominator.</summary>
    private static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>Time and allocation of flagged and unflagged accounts separately (each check timed).</summary>
    private static List<(string Outcome, Figures Figures)> PerOutcome(Classifier classifier, AccountInput[] accounts)
    {
        long[] ticks = [0, 0], bytes = [0, 0], counts = [0, 0];
        foreach (var account in accounts)
        {
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            var flagged = classifier.CheckAccount(account).Count > 0 ? 1 : 0;
            ticks[flagged] += Stopwatch.GetTimestamp() - start;
            bytes[flagged] += GC.GetAllocatedBytesForCurrentThread() - allocated;
            counts[flagged]++;
        }

        return [("unflagged", Figures.Of(counts[0], ticks[0], bytes[0])), ("flagged", Figures.Of(counts[1], ticks[1], bytes[1]))];
    }

    private readonly record struct Figures(long Posts, double Seconds, long Bytes, long Flags, long Flagged)
    {
        public double CpuSeconds { get; init; }

        public double PostsPerSecond => Posts / Seconds;

        public double PostsPerCpuSecond => Posts / CpuSeconds;

        public double CpuNanosecondsPerPost => CpuSeconds * 1e9 / Posts;

        public static Figures Of(long posts, long ticks, long bytes) => new(posts, ticks / (double)Stopwatch.Frequency, bytes, 0, 0);

        public double NanosecondsPerPost => Seconds * 1e9 / Posts;

        public double BytesPerPost => Bytes / (double)Posts;

        public double FlaggedShare => Flagged / (double)Posts;
    }
}
