using System.Globalization;
using System.Text;

namespace SocialWatch.Rules;

/// <summary>One setting of the tunable thresholds that <see cref="CrossValidation"/> calibrates.</summary>
public sealed record ThresholdSetting(double TopicMatch, double ClaimConcept, double StatementSimilarity)
{
    public RulesOptions Apply(RulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var copy = options.WithDefaults();
        copy.TopicMatchThreshold = TopicMatch;
        copy.ClaimConceptThreshold = ClaimConcept;
        copy.StatementSimilarityThreshold = StatementSimilarity;
        return copy;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"topic {TopicMatch:0.0#}, claim concept {ClaimConcept:0.00}, statement similarity {StatementSimilarity:0.00}");
}

/// <summary>Per-rule precision, recall and F1 averaged over the folds, and the setting each fold chose.</summary>
public sealed class CrossValidationReport(int folds, int records, IReadOnlyDictionary<string, (double Precision, double Recall, double F1)> averages, IReadOnlyList<ThresholdSetting> chosen, EvaluationReport plain)
{
    public int Folds { get; } = folds;

    public int Records { get; } = records;

    /// <summary>Rule → mean over folds of the figures on the fold left out.</summary>
    public IReadOnlyDictionary<string, (double Precision, double Recall, double F1)> Averages { get; } = averages;

    /// <summary>The thresholds each fold's calibration chose (on the other folds only).</summary>
    public IReadOnlyList<ThresholdSetting> Chosen { get; } = chosen;

    /// <summary>The plain figures: the configured thresholds, every record.</summary>
    public EvaluationReport Plain { get; } = plain;

    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"{Records} records, {Folds}-fold cross-validation (thresholds calibrated on {Folds - 1} folds, measured on the fold left out)");
        text.AppendLine(c, $"{"rule",-20} {"P",6} {"R",6} {"F1",6}   {"k-fold P",9} {"R",6} {"F1",6}");
        foreach (var rule in Plain.Rules)
        {
            var avg = Averages[rule.Rule];
            text.AppendLine(c, $"{rule.Rule,-20} {rule.Precision,6:0.000} {rule.Recall,6:0.000} {rule.F1,6:0.000}   {avg.Precision,9:0.000} {avg.Recall,6:0.000} {avg.F1,6:0.000}");
        }

        text.AppendLine();
        for (var i = 0; i < Chosen.Count; i++)
        {
            text.AppendLine(c, $"fold {i + 1}: {Chosen[i]}");
        }

        return text.ToString();
    }
}

/// <summary>
/// k-fold cross-validation of the rules' tunable thresholds: records are split into k folds by record
/// (stratified by label set, so every fold holds each kind), the thresholds are chosen on k-1 folds
/// (the setting with the best mean F1 over the rules) and measured on the fold left out. The rules run
/// over the whole file once per setting (official posts are context for every record; only the
/// labels are split), so the folds differ only in which labels choose and which judge.
/// </summary>
public static class CrossValidation
{
    /// <summary>The settings tried: the semantic layer's similarity cut-offs and the topic-match threshold.</summary>
    public static IReadOnlyList<ThresholdSetting> Grid(bool semantic) =>
    [
        .. from topic in (double[])[0.8, 1.2, 1.6]
           from claim in semantic ? (double[])[0.45, 0.5, 0.55, 0.6, 0.65] : [0.55]
           from statement in semantic ? (double[])[0.6, 0.7, 0.8] : [0.7]
           select new ThresholdSetting(topic, claim, statement),
    ];

    /// <exception cref="CorpusFormatException">Bad input, or a record without an <c>expect</c> label.</exception>
    public static CrossValidationReport Run(string watchPath, string inputPath, int folds, RulesOptions? options = null, ISentenceEmbedder? embedder = null, IReadOnlyList<ThresholdSetting>? grid = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        options ??= new RulesOptions();
        var plain = Evaluation.Run(watchPath, inputPath, options, embedder);
        grid ??= Grid(embedder is not null && options.UseEmbeddings);

        // Outcome of every record under every setting: per rule, (expected, flagged).
        var outcomes = new List<(bool Expected, bool Flagged)[][]>(grid.Count); // [setting][record][rule]
        List<CorpusRecord>? records = null;
        foreach (var setting in grid)
        {
            var results = ClassifyRun.Classify(watchPath, inputPath, setting.Apply(options), embedder).ToList();
            records ??= [.. results.Select(r => r.Record)];
            outcomes.Add([.. results.Select(r => RuleNames.All.Select(rule =>
                (r.Record.Expect?.Contains(rule) ?? throw new CorpusFormatException(inputPath, r.Record.LineNumber, $"record {r.Record.Id} has no \"expect\" label"),
                 r.Flags.Any(f => f.Rule == rule))).ToArray())]);
        }

        var fold = AssignFolds(records!, folds);
        var sums = RuleNames.All.ToDictionary(r => r, _ => (P: 0.0, R: 0.0, F: 0.0));
        var chosen = new List<ThresholdSetting>(folds);
        for (var k = 0; k < folds; k++)
        {
            // The best mean F1 on the other folds; among equals, the setting nearest the configured one
            // (a saturated set says nothing about which of several perfect settings generalises).
            var best = 0;
            var bestF1 = double.MinValue;
            var bestDistance = double.MaxValue;
            for (var s = 0; s < grid.Count; s++)
            {
                var f1 = Scores(outcomes[s], fold, i => i != k).Average(x => x.F1);
                var distance = Distance(grid[s], options);
                if (f1 > bestF1 + 1e-9 || (Math.Abs(f1 - bestF1) <= 1e-9 && distance < bestDistance))
                {
                    best = s;
                    bestF1 = f1;
                    bestDistance = distance;
                }
            }

            chosen.Add(grid[best]);
            var scores = Scores(outcomes[best], fold, i => i == k);
            for (var r = 0; r < RuleNames.All.Count; r++)
            {
                var (p, rc, f) = sums[RuleNames.All[r]];
                sums[RuleNames.All[r]] = (p + scores[r].Precision, rc + scores[r].Recall, f + scores[r].F1);
            }
        }

        var averages = sums.ToDictionary(p => p.Key, p => (p.Value.P / folds, p.Value.R / folds, p.Value.F / folds));
        return new CrossValidationReport(folds, records!.Count, averages, chosen, plain);
    }

    private static double Distance(ThresholdSetting setting, RulesOptions options) =>
        Math.Abs(setting.TopicMatch - options.TopicMatchThreshold) / 0.4
        + Math.Abs(setting.ClaimConcept - options.ClaimConceptThreshold) / 0.05
        + Math.Abs(setting.StatementSimilarity - options.StatementSimilarityThreshold) / 0.1;

    /// <summary>Deals records into folds round-robin within each label set (stratified), in file order.</summary>
    internal static int[] AssignFolds(IReadOnlyList<CorpusRecord> records, int folds)
    {
        var fold = new int[records.Count];
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var key = string.Join(',', (records[i].Expect ?? []).Order(StringComparer.Ordinal));
            var n = next.GetValueOrDefault(key);
            fold[i] = n % folds;
            next[key] = n + 1;
        }

        return fold;
    }

    private static List<RuleScore> Scores((bool Expected, bool Flagged)[][] outcome, int[] fold, Func<int, bool> include)
    {
        var result = new List<RuleScore>(RuleNames.All.Count);
        for (var r = 0; r < RuleNames.All.Count; r++)
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < outcome.Length; i++)
            {
                if (!include(fold[i]))
                {
                    continue;
                }

                var (expected, flagged) = outcome[i][r];
                tp += expected && flagged ? 1 : 0;
                fp += !expected && flagged ? 1 : 0;
                fn += expected && !flagged ? 1 : 0;
            }

            result.Add(new RuleScore(RuleNames.All[r], tp, fp, fn));
        }

        return result;
    }
}
