using System.Text.Json.Nodes;

namespace SocialWatch.Rules.Tests.Corpus;

public sealed class ClassifyRunTests
{
    private static readonly string[] Severities = ["high", "medium", "low"];

    [Fact]
    public void Classify_writes_one_json_line_per_record_in_file_order()
    {
        using var writer = new StringWriter();
        var count = ClassifyRun.Run(RepoPaths.Watch, RepoPaths.DevSet, writer);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var inputIds = File.ReadLines(RepoPaths.DevSet).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!["id"]!.GetValue<string>()).ToList();

        Assert.Equal(175, count);
        Assert.Equal(inputIds, lines.Select(l => JsonNode.Parse(l)!["id"]!.GetValue<string>()).ToList());
        foreach (var line in lines)
        {
            var flags = JsonNode.Parse(line)!["flags"]!.AsArray();
            Assert.Equal(flags.Count, flags.Select(f => f!["rule"]!.GetValue<string>()).Distinct().Count());
            foreach (var flag in flags)
            {
                Assert.Contains(flag!["rule"]!.GetValue<string>(), RuleNames.All);
                Assert.Contains(flag["severity"]!.GetValue<string>(), Severities);
                Assert.NotNull(flag["evidence"]);
                Assert.False(string.IsNullOrEmpty(flag["policy_clause"]!.GetValue<string>()));
            }
        }
    }

    [Fact]
    public void Missing_input_file_gives_a_clear_error_naming_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-file-" + Guid.NewGuid() + ".jsonl");
        var ex = Assert.Throws<CorpusFormatException>(() => ClassifyRun.Run(RepoPaths.Watch, missing, TextWriter.Null));
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_line_gives_a_clear_error_naming_the_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), "bad-" + Guid.NewGuid() + ".jsonl");
        File.WriteAllLines(path,
        [
            """{"platform":"x","id":"1","created_at":"2026-01-01T00:00:00Z","text":"hi","author":{"id":"9","handle":"a","display_name":"A","bio":""}}""",
            "",
            """{"platform":"x","id":"2", "text": "oops""",
        ]);
        try
        {
            var ex = Assert.Throws<CorpusFormatException>(() => ClassifyRun.Run(RepoPaths.Watch, path, TextWriter.Null));
            Assert.Equal(3, ex.LineNumber);
            Assert.Contains(path + ", line 3", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Record_without_author_is_reported_with_its_line()
    {
        var path = Path.Combine(Path.GetTempPath(), "noauthor-" + Guid.NewGuid() + ".jsonl");
        File.WriteAllText(path, """{"platform":"x","id":"1","created_at":"2026-01-01T00:00:00Z","text":"hi"}""" + "\n");
        try
        {
            var ex = Assert.Throws<CorpusFormatException>(() => ClassifyRun.Run(RepoPaths.Watch, path, TextWriter.Null));
            Assert.Contains("line 1", ex.Message, StringComparison.Ordinal);
            Assert.Contains("author", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Missing_watch_file_gives_a_clear_error()
    {
        var ex = Assert.Throws<CorpusFormatException>(() => ClassifyRun.Run("/nonexistent/watch.json", RepoPaths.DevSet, TextWriter.Null));
        Assert.Contains("/nonexistent/watch.json", ex.Message, StringComparison.Ordinal);
    }
}
