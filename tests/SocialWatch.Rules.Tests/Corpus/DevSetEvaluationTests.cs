using Xunit.Abstractions;

namespace SocialWatch.Rules.Tests.Corpus;

/// <summary>Runs `eval` on the labelled corpus and holds the rules to the bars.</summary>
public sealed class DevSetEvaluationTests(ITestOutputHelper output, Semantic.ModelFixture model) : IClassFixture<Semantic.ModelFixture>
{
    [Fact]
    public void Dev_set_meets_the_bars_with_the_semantic_layer_on_as_the_worker_runs()
    {
        var report = Evaluation.Run(RepoPaths.Watch, RepoPaths.DevSet, embedder: model.Embedder);
        output.WriteLine(report.ToText());

        Assert.True(report[RuleNames.Misrepresentation].Precision >= 0.95, report.ToText());
        Assert.True(report[RuleNames.Misrepresentation].Recall >= 0.95, report.ToText());
    }

    [Fact]
    public void Every_misrepresentation_flag_on_the_dev_set_has_a_summary_for_the_clerk()
    {
        var flags = ClassifyRun.Classify(RepoPaths.Watch, RepoPaths.DevSet, embedder: model.Embedder)
            .SelectMany(r => r.Flags).Where(f => f.Rule == RuleNames.Misrepresentation).ToList();
        Assert.NotEmpty(flags);
        Assert.All(flags, f => Assert.EndsWith(".", f.Evidence["summary"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public void Dev_set_meets_the_precision_and_recall_bars()
    {
        var report = Evaluation.Run(RepoPaths.Watch, RepoPaths.DevSet);
        output.WriteLine(report.ToText());

        Assert.Equal(175, report.Records);
        Assert.True(report[RuleNames.Impersonation].Precision >= 0.9, report.ToText());
        Assert.True(report[RuleNames.Impersonation].Recall >= 0.9, report.ToText());
        Assert.True(report[RuleNames.ConfidentialLeak].Precision >= 0.9, report.ToText());
        Assert.True(report[RuleNames.ConfidentialLeak].Recall >= 0.9, report.ToText());
        Assert.True(report[RuleNames.Misrepresentation].Precision >= 0.85, report.ToText());
        Assert.True(report[RuleNames.Misrepresentation].Recall >= 0.85, report.ToText());
    }

    [Fact]
    public void Contradictions_of_official_statements_are_high_severity()
    {
        var misrepresentations = ClassifyRun.Classify(RepoPaths.Watch, RepoPaths.DevSet)
            .SelectMany(r => r.Flags)
            .Where(f => f.Rule == RuleNames.Misrepresentation)
            .ToList();
        var high = misrepresentations.Where(f => f.Severity == Severities.High).ToList();
        output.WriteLine($"{misrepresentations.Count} misrepresentations, {high.Count} high");
        Assert.All(high, f => Assert.NotNull(f.Evidence["contradicts"]));
        Assert.All(misrepresentations.Except(high), f => Assert.Equal(Severities.Medium, f.Severity));
        Assert.True(high.Count >= misrepresentations.Count / 2);
    }
}
