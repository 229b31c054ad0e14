using System.Text.Json;

namespace SocialWatch.Rules;

/// <summary>Reads corpus JSONL files, one record per non-blank line, with errors that name file and line.</summary>
public static class CorpusReader
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = false };

    /// <exception cref="CorpusFormatException">Missing file, malformed JSON, or a record without id or author.</exception>
    public static IEnumerable<CorpusRecord> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new CorpusFormatException(path, null, "input file not found");
        }

        return ReadLines(path);
    }

    private static IEnumerable<CorpusRecord> ReadLines(string path)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return Parse(path, lineNumber, line);
        }
    }

    internal static CorpusRecord Parse(string path, int lineNumber, string line)
    {
        CorpusRecord? record;
        try
        {
            record = JsonSerializer.Deserialize<CorpusRecord>(line, Json);
        }
        catch (JsonException ex)
        {
            throw new CorpusFormatException(path, lineNumber, "malformed JSON: " + ex.Message, ex);
        }

        if (record is null)
        {
            throw new CorpusFormatException(path, lineNumber, "expected a JSON object, found null");
        }

        if (string.IsNullOrWhiteSpace(record.Id))
        {
            throw new CorpusFormatException(path, lineNumber, "record has no \"id\"");
        }

        if (record.Author is null || string.IsNullOrWhiteSpace(record.Author.Id))
        {
            throw new CorpusFormatException(path, lineNumber, $"record {record.Id} has no \"author\" with an \"id\"");
        }

        record.Text ??= "";
        record.LineNumber = lineNumber;
        return record;
    }
}
