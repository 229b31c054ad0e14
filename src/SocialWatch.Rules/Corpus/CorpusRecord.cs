using System.Text.Json.Serialization;

namespace SocialWatch.Rules;

/// <summary>One line of a corpus JSONL file (see samples/corpus/README.md).</summary>
public sealed class CorpusRecord
{
    [JsonPropertyName("platform")] public string Platform { get; set; } = "";
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("created_at")] public DateTimeOffset CreatedAt { get; set; }
    [JsonPropertyName("text")] public string Text { get; set; } = "";
    [JsonPropertyName("author")] public CorpusAuthor? Author { get; set; }
    [JsonPropertyName("in_reply_to")] public string? InReplyTo { get; set; }

    /// <summary>Label: rules that should flag this record. Only <c>eval</c> reads it.</summary>
    [JsonPropertyName("expect")] public IList<string>? Expect { get; set; }

    /// <summary>Label: why. Only <c>eval</c> reports it.</summary>
    [JsonPropertyName("note")] public string? Note { get; set; }

    /// <summary>1-based line number in the input file.</summary>
    [JsonIgnore] public int LineNumber { get; set; }
}

public sealed class CorpusAuthor
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("handle")] public string Handle { get; set; } = "";
    [JsonPropertyName("display_name")] public string DisplayName { get; set; } = "";
    [JsonPropertyName("bio")] public string? Bio { get; set; }

    /// <summary>Path of the profile image, relative to the input file.</summary>
    [JsonPropertyName("avatar")] public string? Avatar { get; set; }
}
