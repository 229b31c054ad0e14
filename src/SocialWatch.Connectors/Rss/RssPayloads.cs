using System.Text.Json.Serialization;

namespace SocialWatch.Connectors.Rss;

/// <summary>The cursor of a feed: the article ids seen recently (newest first, bounded) and the
/// validators for a conditional GET.</summary>
internal sealed record RssCursor(IReadOnlyList<string> Seen, string? ETag, string? LastModified);

/// <summary>The raw payload of an article: feeds are XML, so the item's fields are kept as a small JSON object.</summary>
internal sealed record RssItemJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("link")] string? Link,
    [property: JsonPropertyName("summary")] string? Summary,
    [property: JsonPropertyName("published")] DateTimeOffset? Published,
    [property: JsonPropertyName("updated")] DateTimeOffset? Updated,
    [property: JsonPropertyName("authors")] IReadOnlyList<string>? Authors,
    [property: JsonPropertyName("feed")] string Feed);

internal sealed record RssFeedJson(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("link")] string? Link);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RssCursor))]
[JsonSerializable(typeof(RssItemJson))]
[JsonSerializable(typeof(RssFeedJson))]
internal sealed partial class RssJson : JsonSerializerContext;
