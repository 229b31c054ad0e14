using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialWatch.Connectors.Mastodon;

// The Mastodon REST wire format (docs.joinmastodon.org, entities Status, Account, Notification,
// Search). Only what we use is declared; each status's own JSON is kept whole as its raw payload.

internal sealed record MastodonAccount(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("acct")] string? Acct,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("avatar")] string? Avatar,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("created_at")] JsonElement CreatedAt);

internal sealed record MastodonStatus(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("created_at")] JsonElement CreatedAt,
    [property: JsonPropertyName("edited_at")] JsonElement EditedAt,
    [property: JsonPropertyName("in_reply_to_id")] string? InReplyToId,
    [property: JsonPropertyName("spoiler_text")] string? SpoilerText,
    [property: JsonPropertyName("content")] string? Content,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("uri")] string? Uri,
    [property: JsonPropertyName("account")] JsonElement Account);

internal sealed record MastodonNotification(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("account")] JsonElement Account,
    [property: JsonPropertyName("status")] JsonElement Status);

internal sealed record MastodonSearch(
    [property: JsonPropertyName("statuses")] IReadOnlyList<JsonElement>? Statuses,
    [property: JsonPropertyName("accounts")] IReadOnlyList<JsonElement>? Accounts);

/// <summary>A status seen recently, with the edit time it had, to notice a later edit or deletion.</summary>
internal sealed record MastodonSeen(string Id, DateTimeOffset? EditedAt);

/// <summary>The cursor of a Mastodon source. Paging follows the documented since_id/max_id pattern:
/// newest first, the same lower bound for every page of a poll, the lower bound raised to the first
/// page's newest id only once the last page is stored.</summary>
/// <param name="AccountId">The id behind a handle target, looked up once.</param>
/// <param name="SinceId">Newest id fully stored: the next poll asks only for newer items.</param>
/// <param name="PendingNewestId">Newest id of a poll still paging; becomes SinceId when it ends.</param>
/// <param name="MaxId">Where an unfinished paging run resumes (exclusive upper bound).</param>
/// <param name="Recent">The account's most recent statuses, re-checked for edits and deletions.</param>
internal sealed record MastodonCursor(
    string? AccountId,
    string? SinceId,
    string? PendingNewestId,
    string? MaxId,
    IReadOnlyList<MastodonSeen>? Recent);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(List<JsonElement>))]
[JsonSerializable(typeof(MastodonAccount))]
[JsonSerializable(typeof(MastodonStatus))]
[JsonSerializable(typeof(MastodonNotification))]
[JsonSerializable(typeof(MastodonSearch))]
[JsonSerializable(typeof(MastodonCursor))]
internal sealed partial class MastodonJson : JsonSerializerContext;
