using System.Globalization;
using System.Text;

namespace SocialWatch.Rules;

/// <summary>Precision, recall and F1 of one rule against the labels.</summary>
public sealed record RuleScore(string Rule, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>A record where a rule disagreed with the label.</summary>
/// <param name="Kind">"missed" (labelled, not flagged) or "false alarm" (flagged, not labelled).</param>
public sealed record Misclassification(int LineNumber, string Id, string Rule, string Kind, string Author, string Text, string? Note);

/// <summary>The result of <c>eval</c>.</summary>
public sealed class EvaluationReport(int records, IReadOnlyList<RuleScore> rules, IReadOnlyList<Misclassification> misclassified)
{
    public int Records { get; } = records;

    public IReadOnlyList<RuleScore> Rules { get; } = rules;

    public IReadOnlyList<Misclassification> Misclassified { get; } = misclassified;

    public RuleScore this[string rule] => Rules.First(r => r.Rule == rule);

    /// <summary>A plain-text report: a table per rule, then the misclassified records.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"{Records} records");
        text.AppendLine(c, $"{"rule",-20} {"TP",4} {"FP",4} {"FN",4} {"precision",10} {"recall",8} {"F1",6}");
        foreach (var r in Rules)
        {
            text.AppendLine(c, $"{r.Rule,-20} {r.TruePositives,4} {r.FalsePositives,4} {r.FalseNegatives,4} {r.Precision,10:0.000} {r.Recall,8:0.000} {r.F1,6:0.000}");
        }

        text.AppendLine();
        text.AppendLine(c, $"{Misclassified.Count} misclassified");
        foreach (var m in Misclassified)
        {
            var snippet = m.Text.Length > 120 ? m.Text[..120] + "…" : m.Text;
            text.AppendLine(c, $"  line {m.LineNumber} [{m.Rule}: {m.Kind}] {m.Id} @{m.Author}: {snippet.ReplaceLineEndings(" ")}");
            if (!string.IsNullOrEmpty(m.Note))
            {
                text.AppendLine(c, $"      note: {m.Note}");
            }
        }

        return text.ToString();
    }
}

/// <summary>The <c>eval</c> verb: classifies a labelled file and scores each rule against <c>expect</c>.</summary>
public static class Evaluation
{
    /// <exception cref="CorpusFormatException">Bad input, or a record without an <c>expect</c> label.</exception>
    public static EvaluationReport Run(string watchPath, string inputPath, RulesOptions? options = null, ISentenceEmbedder? embedder = null)
    {
        var counts = RuleNames.All.ToDictionary(r => r, _ => new int[3]); // TP, FP, FN
        var misclassified = new List<Misclassification>();
        var records = 0;
        foreach (var result in ClassifyRun.Classify(watchPath, inputPath, options, embedder))
        {
            records++;
            var record = result.Record;
            if (record.Expect is null)
            {
                throw new CorpusFormatException(inputPath, record.LineNumber, $"record {record.Id} has no \"expect\" label");
            }

            foreach (var rule in RuleNames.All)
            {
                var expected = record.Expect.Contains(rule);
                var flagged = result.Flags.Any(f => f.Rule == rule);
                var c = counts[rule];
                if (expected && flagged)
                {
                    c[0]++;
                }
                else if (flagged)
                {
                    c[1]++;
                    misclassified.Add(new Misclassification(record.LineNumber, record.Id, rule, "false alarm", record.Author?.Handle ?? "", record.Text, record.Note));
                }
                else if (expected)
                {
                    c[2]++;
                    misclassified.Add(new Misclassification(record.LineNumber, record.Id, rule, "missed", record.Author?.Handle ?? "", record.Text, record.Note));
                }
            }
        }

        var scores = RuleNames.All.Select(r => new RuleScore(r, counts[r][0], counts[r][1], counts[r][2])).ToList();
        return new EvaluationReport(records, scores, misclassified);
    }
}
