using System.Text.Json;

namespace SocialWatch.Rules.Tests.Corpus;

/// <summary>k-fold cross-validation on a small generated set (patterns only, so it runs in a moment).</summary>
public sealed class CrossValidationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("socialwatch-kfold-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (string Watch, string Input) Write(IEnumerable<(string Text, string[] Expect)> posts)
    {
        var watch = Path.Combine(_folder, "watch.json");
        File.WriteAllText(watch, """
            { "Watch": { "Organisation": { "Names": [ "Rayleigh Town Council" ], "Aliases": [ "RTC" ] },
              "OfficialAccounts": [ { "Platform": "x", "Id": "1", "Handle": "RayleighTC" } ] } }
            """);
        var input = Path.Combine(_folder, "set.jsonl");
        var n = 0;
        File.WriteAllLines(input, posts.Select(p => JsonSerializer.Serialize(new
        {
            platform = "x",
            id = $"r{++n}",
            created_at = new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero).AddMinutes(n),
            text = p.Text,
            author = new { id = $"a{n}", handle = $"resident{n}", display_name = $"Resident {n}" },
            expect = p.Expect,
        })));
        return (watch, input);
    }

    private static IEnumerable<(string, string[])> Generated(int each)
    {
        string[] places = ["library", "pool", "park", "museum", "market", "hall"];
        for (var i = 0; i < each; i++)
        {
            var place = places[i % places.Length];
            yield return ($"Rayleigh Town Council has voted to close the {place} number {i}.", [RuleNames.Misrepresentation]);
            yield return ($"Lovely walk past the {place} today, number {i}.", []);
            yield return ($"Should the council close the {place} number {i}?", []);
        }
    }

    [Fact]
    public void Folds_are_stratified_by_label_set()
    {
        var records = Enumerable.Range(0, 30).Select(i => new CorpusRecord { Id = $"r{i}", Expect = i % 3 == 0 ? [RuleNames.Misrepresentation] : [] }).ToList();
        var folds = CrossValidation.AssignFolds(records, 5);
        for (var k = 0; k < 5; k++)
        {
            Assert.Equal(2, Enumerable.Range(0, 30).Count(i => folds[i] == k && i % 3 == 0));
            Assert.Equal(4, Enumerable.Range(0, 30).Count(i => folds[i] == k && i % 3 != 0));
        }
    }

    [Fact]
    public void Each_fold_is_measured_with_thresholds_chosen_on_the_others()
    {
        var (watch, input) = Write(Generated(10));
        var report = CrossValidation.Run(watch, input, 5, new RulesOptions { UseEmbeddings = false });

        Assert.Equal(30, report.Records);
        Assert.Equal(5, report.Chosen.Count);
        var kfold = report.Averages[RuleNames.Misrepresentation];
        Assert.Equal(1.0, kfold.Recall, 3);
        Assert.Equal(1.0, kfold.Precision, 3);
        Assert.Equal(report.Plain[RuleNames.Misrepresentation].F1, kfold.F1, 3);
        Assert.Contains("k-fold", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_label_costs_only_the_fold_that_holds_it()
    {
        var posts = Generated(10).ToList();
        posts[1] = (posts[1].Item1, [RuleNames.Misrepresentation]); // a chatter post labelled as a claim: always missed
        var (watch, input) = Write(posts);
        var report = CrossValidation.Run(watch, input, 5, new RulesOptions { UseEmbeddings = false });

        // 11 positives dealt round-robin: the wrong one (the second) shares fold 2 with one real claim,
        // so that fold recalls 1/2 and the others 1: mean (4 + 0.5) / 5.
        Assert.Equal(0.9, report.Averages[RuleNames.Misrepresentation].Recall, 3);
        Assert.Equal(10.0 / 11, report.Plain[RuleNames.Misrepresentation].Recall, 3);
    }

    [Fact]
    public void Fewer_than_two_folds_is_refused()
    {
        var (watch, input) = Write(Generated(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => CrossValidation.Run(watch, input, 1));
    }
}
