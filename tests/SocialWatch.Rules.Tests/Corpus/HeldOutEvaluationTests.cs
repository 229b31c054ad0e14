using Xunit.Abstractions;

namespace SocialWatch.Rules.Tests.Corpus;

/// <summary>
/// A second labelled set, written apart from the development corpus and never used to tune the rules
/// (HeldOut/heldout.jsonl: new names, new sentences, the same watch list): a check that the rules
/// generalise rather than recognise the development sentences.
/// </summary>
public sealed class HeldOutEvaluationTests(ITestOutputHelper output)
{
    private static string HeldOut => Path.Combine(RepoPaths.Root, "tests", "SocialWatch.Rules.Tests", "HeldOut", "heldout.jsonl");

    [Fact]
    public void Held_out_set_meets_the_precision_and_recall_bars()
    {
        var report = Evaluation.Run(RepoPaths.Watch, HeldOut);
        output.WriteLine(report.ToText());

        Assert.Equal(37, report.Records);
        Assert.True(report[RuleNames.Impersonation].Precision >= 0.9, report.ToText());
        Assert.True(report[RuleNames.Impersonation].Recall >= 0.9, report.ToText());
        Assert.True(report[RuleNames.ConfidentialLeak].Precision >= 0.9, report.ToText());
        Assert.True(report[RuleNames.ConfidentialLeak].Recall >= 0.9, report.ToText());
        Assert.True(report[RuleNames.Misrepresentation].Precision >= 0.85, report.ToText());
        Assert.True(report[RuleNames.Misrepresentation].Recall >= 0.85, report.ToText());
    }
}
