using Xunit.Abstractions;

namespace SocialWatch.Rules.Tests.Corpus;

/// <summary>
/// The blind held-out sets (Blind/README.md): written apart from the development corpus and the rules, for
/// Leigh with other staff and for a second council whose name contains Leigh's, frozen before the rules
/// changed and never used for tuning. The floors are the figures measured at the end of the last round
/// of work (docs/rules.md) less a small margin, so a change that makes the rules worse on text they were
/// not written from fails here; raising a floor needs a new round's measurement, recorded there.
/// </summary>
public sealed class BlindEvaluationTests(ITestOutputHelper output, Semantic.ModelFixture model) : IClassFixture<Semantic.ModelFixture>
{
    public static TheoryData<string, int, double[]> Sets => new()
    {
        // set, records, floors: impersonation P, R; confidential_leak P, R; misrepresentation P, R
        { "leigh", 130, [0.95, 0.92, 0.80, 0.65, 0.95, 0.80] },
        { "second-council", 67, [0.83, 0.95, 0.80, 0.70, 0.85, 0.60] },
        // Round 2's sets (Blind/round2/README.md), measured at the end of round 2.
        { "round2/leigh", 132, [0.95, 0.90, 0.95, 0.75, 0.85, 0.78] },
        { "round2/marshbury", 89, [0.80, 0.85, 0.95, 0.72, 0.82, 0.68] },
        // Round 3's sets (Blind/round3/README.md), measured at the end of round 3.
        { "round3/leigh", 124, [0.95, 0.95, 0.90, 0.75, 0.80, 0.80] },
        { "round3/cranmere", 83, [0.95, 0.95, 0.95, 0.95, 0.82, 0.75] },
        // Round 4's sets (Blind/round4/README.md) and round 5's (Blind/round5/README.md), measured at the end of round 5.
        { "round4/leigh", 140, [0.95, 0.88, 0.90, 0.78, 0.72, 0.75] },
        { "round4/brackwater", 97, [0.95, 0.95, 0.95, 0.88, 0.70, 0.70] },
        { "round5/leigh", 138, [0.95, 0.89, 0.95, 0.68, 0.80, 0.72] },
        { "round5/saltmere", 93, [0.75, 0.95, 0.95, 0.64, 0.70, 0.52] },
        // Round 6's sets (Blind/round6/README.md), measured at the end of round 6.
        { "round6/leigh", 138, [0.88, 0.95, 0.86, 0.78, 0.75, 0.75] },
        { "round6/hollowell", 96, [0.82, 0.95, 0.95, 0.76, 0.68, 0.77] },
        // Round 7's sets (Blind/round7/README.md), measured at the end of round 7.
        { "round7/leigh", 140, [0.95, 0.95, 0.95, 0.84, 0.84, 0.66] },
        { "round7/ashcombe", 100, [0.95, 0.94, 0.90, 0.68, 0.85, 0.78] },
        // Round 8's sets (Blind/round8/README.md), measured at the end of round 8.
        { "round8/leigh", 140, [0.95, 0.95, 0.93, 0.93, 0.82, 0.71] },
        { "round8/pelling", 100, [0.90, 0.95, 0.92, 0.86, 0.76, 0.70] },
        // Round 9's sets (Blind/round9/README.md), measured at the end of round 9.
        { "round9/leigh", 140, [0.95, 0.95, 0.95, 0.82, 0.92, 0.76] },
        { "round9/hartlow", 100, [0.92, 0.95, 0.83, 0.73, 0.91, 0.73] },
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public void Blind_set_stays_above_its_measured_floors(string set, int records, double[] floors)
    {
        var folder = Path.Combine(RepoPaths.Root, "tests", "SocialWatch.Rules.Tests", "Blind", set);
        // As the worker runs: patterns and the semantic layer.
        var report = Evaluation.Run(Path.Combine(folder, "watch.json"), Path.Combine(folder, "heldout.jsonl"), embedder: model.Embedder);
        output.WriteLine(report.ToText());

        Assert.Equal(records, report.Records);
        string[] rules = [RuleNames.Impersonation, RuleNames.ConfidentialLeak, RuleNames.Misrepresentation];
        for (var i = 0; i < rules.Length; i++)
        {
            Assert.True(report[rules[i]].Precision >= floors[2 * i], $"{set} {rules[i]} precision {report[rules[i]].Precision:0.000} < {floors[2 * i]}\n{report.ToText()}");
            Assert.True(report[rules[i]].Recall >= floors[2 * i + 1], $"{set} {rules[i]} recall {report[rules[i]].Recall:0.000} < {floors[2 * i + 1]}\n{report.ToText()}");
        }
    }
}
