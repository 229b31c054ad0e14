using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialWatch.Connectors.X;

// The X API v2 wire format, as documented (docs.x.com, data dictionary). Only what we use is declared;
// each post's own JSON is kept whole as its raw payload.

internal sealed record XPage(
    [property: JsonPropertyName("data")] JsonElement Data,
    [property: JsonPropertyName("includes")] XIncludes? Includes,
    [property: JsonPropertyName("meta")] XMeta? Meta,
    [property: JsonPropertyName("errors")] IReadOnlyList<XError>? Errors);

internal sealed record XIncludes(
    [property: JsonPropertyName("users")] IReadOnlyList<JsonElement>? Users);

internal sealed record XMeta(
    [property: JsonPropertyName("result_count")] int ResultCount,
    [property: JsonPropertyName("newest_id")] string? NewestId,
    [property: JsonPropertyName("oldest_id")] string? OldestId,
    [property: JsonPropertyName("next_token")] string? NextToken);

internal sealed record XError(
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("detail")] string? Detail,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("resource_id")] string? ResourceId);

internal sealed record XTweet(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("author_id")] string? AuthorId,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt,
    [property: JsonPropertyName("in_reply_to_user_id")] string? InReplyToUserId,
    [property: JsonPropertyName("referenced_tweets")] IReadOnlyList<XReference>? ReferencedTweets,
    [property: JsonPropertyName("edit_history_tweet_ids")] IReadOnlyList<string>? EditHistoryTweetIds,
    [property: JsonPropertyName("note_tweet")] XNoteTweet? NoteTweet);

internal sealed record XNoteTweet([property: JsonPropertyName("text")] string? Text);

internal sealed record XReference(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("id")] string? Id);

internal sealed record XUser(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("profile_image_url")] string? ProfileImageUrl,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt);

internal sealed record XSingleUser([property: JsonPropertyName("data")] XUser? Data, [property: JsonPropertyName("errors")] IReadOnlyList<XError>? Errors);

/// <summary>The cursor of an X source, stored as JSON in the source's cursor row.</summary>
/// <param name="UserId">The numeric id behind a handle target, looked up once.</param>
/// <param name="SinceId">Newest post id fully stored: the next poll asks only for newer posts.</param>
/// <param name="PendingNewestId">Newest id of a poll still paging: becomes SinceId when the last page is stored.</param>
/// <param name="NextToken">Where an unfinished paging run resumes.</param>
internal sealed record XCursor(string? UserId, string? SinceId, string? PendingNewestId, string? NextToken);

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(XPage))]
[JsonSerializable(typeof(XTweet))]
[JsonSerializable(typeof(XUser))]
[JsonSerializable(typeof(XSingleUser))]
[JsonSerializable(typeof(XCursor))]
internal sealed partial class XJson : JsonSerializerContext;
