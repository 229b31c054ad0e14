using System.Diagnostics;
using SocialWatch.Bench.Generation;
using SocialWatch.Rules;

namespace SocialWatch.Bench.Quick;

/// <summary>
/// What searches and mentions deliver: most posts name the council (70% benign mentions, 15% claims,
/// 5% staff leaks, 10% chatter). Patterns only, then with the semantic layer (the real MiniLM model):
/// the share of posts that reach the model and its cost per such post.
/// </summary>
internal static class CouncilMix
{
    private const int Posts = 20_000;
    private const int SemanticPosts = 2_000;

    public static void Run(TextWriter output, SampleCorpus corpus, PostGenerator generator)
    {
        var posts = Array.ConvertAll(generator.Take(Posts, g => g.Next(Pick(g))), g => g.Post);
        output.WriteLine($"Council-heavy mix (70% benign mentions, 15% claims, 5% staff leaks, 10% chatter), one thread, per CPU second:");

        var patterns = new RulesOptions { UseEmbeddings = false };
        var lexical = Time(corpus.CreateClassifier(patterns), generator.CreateStatements(patterns), posts);
        output.WriteLine($"  patterns only, {Posts:N0} posts: {Posts / lexical:N0} posts/s  {lexical * 1e9 / Posts:N0} ns/post");

        using var model = MiniLmEmbedder.TryLoad(out var error);
        if (model is null)
        {
            output.WriteLine($"  semantic layer: model did not load ({error})");
            return;
        }

        var counting = new CountingEmbedder(model);
        var options = new RulesOptions();
        var semanticClassifier = new Classifier(corpus.Watch, options, corpus.LogoHashes, counting);
        var statements = generator.CreateStatements(options);
        var sample = posts[..SemanticPosts];
        semanticClassifier.CheckPost(sample[0], statements); // prototypes embedded once, outside the timing
        var reached = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var post in sample)
        {
            var before = counting.Calls;
            semanticClassifier.CheckPost(post, statements);
            reached += counting.Calls > before ? 1 : 0;
        }

        var seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var lexicalSample = lexical * SemanticPosts / Posts;
        output.WriteLine($"  with the semantic layer, {SemanticPosts:N0} posts: {SemanticPosts / seconds:N0} posts/s; {reached / (double)SemanticPosts:P1} of posts reach the model; " +
            $"{(seconds - lexicalSample) * 1000 / Math.Max(1, reached):N2} ms of model per post that reaches it ({model.Computed:N0} texts embedded, the rest from the cache)");
    }

    private static PostKind Pick(PostGenerator generator) => generator.Random.Next(100) switch
    {
        < 70 => PostKind.CouncilBenign,
        < 85 => PostKind.Claim,
        < 90 => PostKind.StaffLeak,
        _ => PostKind.Chatter,
    };

    private static double Time(Classifier classifier, OfficialStatements statements, PostInput[] posts)
    {
        WarmUp.UntilCompiled(() =>
        {
            foreach (var post in posts)
            {
                classifier.CheckPost(post, statements);
            }
        });

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var post in posts)
        {
            classifier.CheckPost(post, statements);
        }

        return (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    }

    private sealed class CountingEmbedder(ISentenceEmbedder inner) : ISentenceEmbedder
    {
        private long _calls;

        public long Calls => Interlocked.Read(ref _calls);

        public float[] Embed(string text)
        {
            Interlocked.Increment(ref _calls);
            return inner.Embed(text);
        }
    }
}
