using System.CommandLine;
using SocialWatch.Rules;

namespace SocialWatch.Worker.Cli;

/// <summary>`classify` and `eval`: the rules offline, on files, with no database.</summary>
internal static class RulesCommands
{
    public static IEnumerable<Command> Build()
    {
        var watch = new Option<FileInfo>("--watch") { Description = "The watch list (watch.json format)", Required = true };
        var input = new Option<FileInfo>("--input") { Description = "Posts and accounts, one JSON record per line (corpus format)", Required = true };
        var output = new Option<FileInfo?>("--output") { Description = "Where to write the flags (one JSON line per record); standard output if left out" };
        var noEmbeddings = new Option<bool>("--no-embeddings") { Description = "Patterns only: do not load the MiniLM model of the semantic layer" };
        var folds = new Option<int>("--folds") { Description = "k of the k-fold cross-validation of the thresholds (0: plain figures only)", DefaultValueFactory = _ => 5 };

        var classify = new Command("classify", "Run the rules over a file of posts and print the flags of each record") { watch, input, output, noEmbeddings };
        classify.SetAction(parse => Guard(() =>
        {
            using var embedder = LoadEmbedder(parse.GetValue(noEmbeddings));
            var target = parse.GetValue(output);
            // One buffered writer for the whole run: Console.Out flushes every line (a system call per record).
            using var writer = target is null
                ? new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16)
                : new StreamWriter(target.FullName, append: false, new System.Text.UTF8Encoding(false), 1 << 16);
            var count = ClassifyRun.Run(parse.GetValue(watch)!.FullName, parse.GetValue(input)!.FullName, writer, embedder: embedder);
            if (target is not null)
            {
                Console.Error.WriteLine($"{count} record(s) classified into {target.FullName}");
            }
            return 0;
        }));

        var evaluate = new Command("eval", "Precision, recall and F1 per rule against the records' expect labels, the misclassified records, and k-fold cross-validated figures")
        {
            watch, input, noEmbeddings, folds,
        };
        evaluate.SetAction(parse => Guard(() =>
        {
            using var embedder = LoadEmbedder(parse.GetValue(noEmbeddings));
            var watchPath = parse.GetValue(watch)!.FullName;
            var inputPath = parse.GetValue(input)!.FullName;
            var k = parse.GetValue(folds);
            if (k == 1 || k < 0)
            {
                Console.Error.WriteLine("error: --folds must be 0 (none) or at least 2");
                return 2;
            }

            var report = Evaluation.Run(watchPath, inputPath, embedder: embedder);
            Console.Out.Write(report.ToText());
            if (k >= 2)
            {
                Console.Out.WriteLine();
                Console.Out.Write(CrossValidation.Run(watchPath, inputPath, k, embedder: embedder).ToText());
            }
            return 0;
        }));
        return [classify, evaluate];
    }

    /// <summary>The semantic layer's model, or null (patterns only) with a line on standard error saying why.</summary>
    private static MiniLmEmbedder? LoadEmbedder(bool disabled)
    {
        if (disabled)
        {
            Console.Error.WriteLine("semantic layer off (--no-embeddings): patterns only");
            return null;
        }

        var embedder = MiniLmEmbedder.TryLoad(out var error);
        if (embedder is null)
        {
            Console.Error.WriteLine($"warning: the MiniLM model did not load ({error}); patterns only");
        }
        return embedder;
    }

    /// <summary>A missing file or a malformed line is the user's to fix: one line, not a stack trace.</summary>
    private static int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (CorpusFormatException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
