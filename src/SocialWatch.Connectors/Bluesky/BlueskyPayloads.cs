using System.Text.Json;
using System.Text.Json.Serialization;
using SocialWatch.Connectors.Http;

namespace SocialWatch.Connectors.Bluesky;

// The AT Protocol lexicons SocialWatch reads (app.bsky.feed.getAuthorFeed, app.bsky.feed.searchPosts,
// app.bsky.actor.searchActors, app.bsky.actor.getProfiles, com.atproto.server.createSession and
// refreshSession), as the lexicon descriptions give them. Posts and profiles stay JsonElements: each
// item's own JSON is kept as its raw payload and read leniently.

internal sealed record BlueskyFeed(
    [property: JsonPropertyName("cursor")] string? Cursor,
    [property: JsonPropertyName("feed")] IReadOnlyList<JsonElement>? Feed);

internal sealed record BlueskySearchPosts(
    [property: JsonPropertyName("cursor")] string? Cursor,
    [property: JsonPropertyName("posts")] IReadOnlyList<JsonElement>? Posts);

internal sealed record BlueskyActors(
    [property: JsonPropertyName("cursor")] string? Cursor,
    [property: JsonPropertyName("actors")] IReadOnlyList<JsonElement>? Actors);

internal sealed record BlueskyProfiles(
    [property: JsonPropertyName("profiles")] IReadOnlyList<JsonElement>? Profiles);

internal sealed record BlueskySession(
    [property: JsonPropertyName("accessJwt")] string? AccessJwt,
    [property: JsonPropertyName("refreshJwt")] string? RefreshJwt,
    [property: JsonPropertyName("handle")] string? Handle,
    [property: JsonPropertyName("did")] string? Did);

internal sealed record BlueskyCreateSession(
    [property: JsonPropertyName("identifier")] string Identifier,
    [property: JsonPropertyName("password")] string Password);

internal sealed record BlueskyError(
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("message")] string? Message);

internal sealed record JwtClaims([property: JsonPropertyName("exp")] long? Exp);

/// <summary>The cursor of a Bluesky source. Feeds and search come newest first with an opaque cursor
/// and no since parameter (search has <c>since</c>, by day or time): the connector pages down until it
/// reaches what it stored (<see cref="Done"/>), and moves the mark only when the last page is stored.</summary>
/// <param name="Done">Newest item fully stored.</param>
/// <param name="Pending">Newest item of a poll still paging; becomes Done when it ends.</param>
/// <param name="PageCursor">Where an unfinished paging run resumes.</param>
internal sealed record BlueskyCursor(Watermark? Done, Watermark? Pending, string? PageCursor);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BlueskyFeed))]
[JsonSerializable(typeof(BlueskySearchPosts))]
[JsonSerializable(typeof(BlueskyActors))]
[JsonSerializable(typeof(BlueskyProfiles))]
[JsonSerializable(typeof(BlueskySession))]
[JsonSerializable(typeof(BlueskyCreateSession))]
[JsonSerializable(typeof(BlueskyError))]
[JsonSerializable(typeof(JwtClaims))]
[JsonSerializable(typeof(BlueskyCursor))]
internal sealed partial class BlueskyJson : JsonSerializerContext;
