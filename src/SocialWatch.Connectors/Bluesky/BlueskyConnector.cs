using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SocialWatch.Connectors.Http;

namespace SocialWatch.Connectors.Bluesky;

/// <summary>
/// Reads Bluesky: an account's author feed (official timeline, staff accounts) and actor search with
/// profiles from the public AppView without credentials; post search for the council's names and
/// mentions of its handle through a signed-in session at the PDS (anonymous search is refused).
/// Posts are named by their at:// URI. Bluesky shows no edits and no deletions in these views.
/// </summary>
internal sealed class BlueskyConnector(BlueskyClient client, IOptions<BlueskyOptions> options, TimeProvider time) : ISourceConnector
{
    private const string Name = "Bluesky";

    public string Platform => "bluesky";

    public async IAsyncEnumerable<FetchedPage> FetchAsync(SourceSpec source, string? cursorJson, [EnumeratorCancellation] CancellationToken ct)
    {
        var cursor = PlatformHttp.ReadCursor(cursorJson, BlueskyJson.Default.BlueskyCursor, Name, source.Name) ?? new BlueskyCursor(null, null, null);
        var settings = options.Value;
        if (source.Kind == SourceKind.AccountSearch)
        {
            yield return await SweepAccountsAsync(source, cursor, ct);
            yield break;
        }
        if (source.Kind is not (SourceKind.OfficialTimeline or SourceKind.StaffAccount or SourceKind.Mentions or SourceKind.Search))
        {
            throw new ConnectorException(ConnectorFailure.Misconfigured, $"Bluesky sources cannot be of kind {source.Kind} (source '{source.Name}')");
        }

        var target = source.Target.Trim().TrimStart('@');
        var done = cursor.Done;
        var pending = cursor.PageCursor is null ? null : cursor.Pending;
        var pageCursor = cursor.PageCursor;
        DateTimeOffset? cutoff = done is null && source.BackfillDays > 0 ? time.GetUtcNow().AddDays(-source.BackfillDays) : null;

        for (var pageNumber = 0; pageNumber < settings.MaxPagesPerPoll; pageNumber++)
        {
            var query = $"limit={settings.PageSize}";
            if (pageCursor is not null)
            {
                query += "&cursor=" + Uri.EscapeDataString(pageCursor);
            }
            IReadOnlyList<JsonElement> views;
            string? responseCursor;
            if (source.Kind is SourceKind.OfficialTimeline or SourceKind.StaffAccount)
            {
                var feed = await client.GetPublicAsync("app.bsky.feed.getAuthorFeed",
                    $"actor={Uri.EscapeDataString(target)}&filter=posts_with_replies&{query}", source.Name, BlueskyJson.Default.BlueskyFeed, ct);
                // Reposts carry a reason: they are someone else's words, and pins are old posts shown first.
                views = [.. (feed.Feed ?? []).Where(item => JsonValues.Property(item, "reason").ValueKind == JsonValueKind.Undefined)
                    .Select(item => JsonValues.Property(item, "post"))];
                responseCursor = feed.Cursor;
            }
            else
            {
                query += "&sort=latest&q=" + Uri.EscapeDataString(target);
                if (source.Kind == SourceKind.Mentions)
                {
                    query += "&mentions=" + Uri.EscapeDataString(target);
                }
                if ((done?.Time ?? cutoff) is { } since)
                {
                    query += "&since=" + Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                }
                var found = await client.GetAuthenticatedAsync("app.bsky.feed.searchPosts", query, source.Name, BlueskyJson.Default.BlueskySearchPosts, ct);
                views = found.Posts ?? [];
                responseCursor = found.Cursor;
            }

            var items = views.Select(MapPost).OfType<(FetchedPost Post, FetchedAccount? Author, DateTimeOffset SortAt)>().ToList();
            pending = Watermark.Advance(pending, items.Select(i => (i.SortAt, i.Post.PlatformId)));
            // Newest first: once an item already stored shows up, everything below it is stored too.
            var reachedStored = done is not null && items.Any(i => !done.IsNew(i.SortAt, i.Post.PlatformId));
            var fresh = items.Where(i => done is null || done.IsNew(i.SortAt, i.Post.PlatformId)).ToList();
            if (cutoff is { } c && fresh.RemoveAll(i => i.SortAt < c) > 0)
            {
                reachedStored = true;
            }

            pageCursor = reachedStored || items.Count == 0 || string.IsNullOrEmpty(responseCursor) ? null : responseCursor;
            var next = pageCursor is null
                ? new BlueskyCursor(Watermark.Max(done, pending), null, null)
                : new BlueskyCursor(done, pending, pageCursor);
            yield return new FetchedPage(
                fresh.Select(i => i.Post).ToList(),
                fresh.Select(i => i.Author).OfType<FetchedAccount>().DistinctBy(a => a.PlatformId).ToList(),
                PlatformHttp.Cursor(next, BlueskyJson.Default.BlueskyCursor));
            if (pageCursor is null)
            {
                yield break;
            }
        }
    }

    private async Task<FetchedPage> SweepAccountsAsync(SourceSpec source, BlueskyCursor cursor, CancellationToken ct)
    {
        var found = await client.GetPublicAsync("app.bsky.actor.searchActors",
            $"q={Uri.EscapeDataString(source.Target)}&limit=100", source.Name, BlueskyJson.Default.BlueskyActors, ct);
        var actors = (found.Actors ?? []).Where(a => JsonValues.String(a, "did") is not null).ToList();
        // Search results have no follower counts; the detailed profiles (25 at a time) have them and the created date.
        var detailed = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var batch in actors.Chunk(25))
        {
            var query = string.Join("&", batch.Select(a => "actors=" + Uri.EscapeDataString(JsonValues.String(a, "did")!)));
            var profiles = await client.GetPublicAsync("app.bsky.actor.getProfiles", query, source.Name, BlueskyJson.Default.BlueskyProfiles, ct);
            foreach (var profile in profiles.Profiles ?? [])
            {
                if (JsonValues.String(profile, "did") is { } did)
                {
                    detailed[did] = profile;
                }
            }
        }
        var accounts = actors
            .Select(a => MapAccount(detailed.TryGetValue(JsonValues.String(a, "did")!, out var full) ? full : a))
            .OfType<FetchedAccount>()
            .DistinctBy(a => a.PlatformId)
            .ToList();
        return new FetchedPage([], accounts, PlatformHttp.Cursor(cursor, BlueskyJson.Default.BlueskyCursor));
    }

    /// <summary>A postView as a post, its author, and the time Bluesky sorts it by: the earlier of the
    /// record's own createdAt (set by the client, may be anything) and indexedAt (when the AppView saw it).</summary>
    internal static (FetchedPost Post, FetchedAccount? Author, DateTimeOffset SortAt)? MapPost(JsonElement view)
    {
        var uri = JsonValues.String(view, "uri");
        var authorElement = JsonValues.Property(view, "author");
        var did = JsonValues.String(authorElement, "did");
        if (uri is null || did is null)
        {
            return null;
        }
        var record = JsonValues.Property(view, "record");
        var created = JsonValues.Date(JsonValues.String(record, "createdAt"));
        var indexed = JsonValues.Date(JsonValues.String(view, "indexedAt"));
        var sortAt = (created, indexed) switch
        {
            ({ } c, { } i) => c < i ? c : i,
            ({ } c, null) => c,
            (null, { } i) => i,
            _ => DateTimeOffset.UnixEpoch,
        };
        var handle = JsonValues.String(authorElement, "handle") ?? did;
        var rkey = uri[(uri.LastIndexOf('/') + 1)..];
        var parent = JsonValues.String(JsonValues.Property(JsonValues.Property(record, "reply"), "parent"), "uri");
        var post = new FetchedPost("bluesky", uri, did, JsonValues.String(record, "text") ?? "",
            $"https://bsky.app/profile/{handle}/post/{rkey}", created ?? sortAt, parent, view.GetRawText());
        // A post's author is a profileViewBasic: no description, so the bio is left as stored.
        return (post, MapAccount(authorElement, withDescription: false), sortAt);
    }

    /// <summary>A profileView or profileViewDetailed (search, getProfiles) has the description, and Bluesky
    /// leaves out an empty optional field, so a missing one is empty; a profileViewBasic (a post's
    /// author) never has a description, so there the bio is not carried at all.</summary>
    internal static FetchedAccount? MapAccount(JsonElement profile, bool withDescription = true)
    {
        var did = JsonValues.String(profile, "did");
        if (did is null)
        {
            return null;
        }
        var handle = JsonValues.String(profile, "handle");
        var carries = ProfileFields.DisplayName | ProfileFields.Avatar
            | (handle is null ? ProfileFields.None : ProfileFields.Handle)
            | (withDescription ? ProfileFields.Bio : ProfileFields.None);
        return new FetchedAccount("bluesky", did, handle ?? did, JsonValues.String(profile, "displayName") ?? "",
            JsonValues.String(profile, "description") ?? "", JsonValues.String(profile, "avatar"),
            JsonValues.Date(JsonValues.String(profile, "createdAt")), profile.GetRawText(), carries);
    }
}
