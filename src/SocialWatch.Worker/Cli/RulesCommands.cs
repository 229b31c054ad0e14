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

        var classify = new Command("classify", "Run the rules over a file of posts and print the flags of each record") { watch, input, output };
        classify.SetAction(parse => Guard(() =>
        {
            var target = parse.GetValue(output);
            using var writer = target is null ? null : new StreamWriter(target.FullName, append: false, new System.Text.UTF8Encoding(false));
            var count = ClassifyRun.Run(parse.GetValue(watch)!.FullName, parse.GetValue(input)!.FullName, writer ?? Console.Out);
            if (target is not null)
            {
                Console.Error.WriteLine($"{count} record(s) classified into {target.FullName}");
            }
            return 0;
        }));

        var evaluate = new Command("eval", "Precision, recall and F1 per rule against the records' expect labels, and the misclassified records") { watch, input };
        evaluate.SetAction(parse => Guard(() =>
        {
            var report = Evaluation.Run(parse.GetValue(watch)!.FullName, parse.GetValue(input)!.FullName);
            Console.Out.Write(report.ToText());
            return 0;
        }));
        return [classify, evaluate];
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
