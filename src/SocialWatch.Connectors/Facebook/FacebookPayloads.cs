using System.Text.Json;
using System.Text.Json.Serialization;
using SocialWatch.Connectors.Http;

namespace SocialWatch.Connectors.Facebook;

// The Graph API wire format (developers.facebook.com: Page feed, Post, Comment, Pages search, error
// handling, rate limiting). Only what we use is declared; each post's own JSON is kept whole.

internal sealed record GraphList(
    [property: JsonPropertyName("data")] IReadOnlyList<JsonElement>? Data,
    [property: JsonPropertyName("paging")] GraphPaging? Paging);

internal sealed record GraphPaging(
    [property: JsonPropertyName("cursors")] GraphCursors? Cursors,
    [property: JsonPropertyName("next")] string? Next);

internal sealed record GraphCursors(
    [property: JsonPropertyName("before")] string? Before,
    [property: JsonPropertyName("after")] string? After);

internal sealed record GraphErrorBody([property: JsonPropertyName("error")] GraphError? Error);

internal sealed record GraphError(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("code")] int? Code,
    [property: JsonPropertyName("error_subcode")] int? Subcode,
    [property: JsonPropertyName("fbtrace_id")] string? TraceId);

/// <summary>X-App-Usage / X-Page-Usage: whole-number percentages of the limit used.</summary>
internal sealed record GraphAppUsage(
    [property: JsonPropertyName("call_count")] double? CallCount,
    [property: JsonPropertyName("total_time")] double? TotalTime,
    [property: JsonPropertyName("total_cputime")] double? TotalCpuTime);

/// <summary>One entry of X-Business-Use-Case-Usage (keyed by business object id).</summary>
internal sealed record GraphBucUsage(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("call_count")] double? CallCount,
    [property: JsonPropertyName("total_time")] double? TotalTime,
    [property: JsonPropertyName("total_cputime")] double? TotalCpuTime,
    [property: JsonPropertyName("estimated_time_to_regain_access")] double? EstimatedMinutesToRegainAccess);

/// <summary>A recent post whose comments are re-read on each poll, and how far they were read.</summary>
internal sealed record FacebookRecentPost(string Id, Watermark? Comments);

/// <summary>The cursor of a Facebook source: newest first, the same <c>since</c> for every page of a
/// poll, the mark moved only when the last page is stored. Meta says not to keep paging cursors for
/// long; the <c>after</c> cursor here lives only until the next poll finishes the run, and if Meta
/// refuses it the run starts again from the top, skipping what it already read (down to
/// <see cref="Floor"/>, the oldest item of the run so far).</summary>
internal sealed record FacebookCursor(Watermark? Done, Watermark? Pending, string? After, IReadOnlyList<FacebookRecentPost>? Recent, Watermark? Floor = null);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GraphList))]
[JsonSerializable(typeof(GraphErrorBody))]
[JsonSerializable(typeof(GraphAppUsage))]
[JsonSerializable(typeof(Dictionary<string, List<GraphBucUsage>>))]
[JsonSerializable(typeof(FacebookCursor))]
internal sealed partial class FacebookJson : JsonSerializerContext;
