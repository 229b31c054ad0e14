using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Connectors.Http;

namespace SocialWatch.Connectors.Facebook;

/// <summary>
/// Reads a Facebook Page through the Graph API: the Page's own posts with their comments (official
/// timeline), public posts that tag the Page (mentions) and Page search (account sweeps). The Graph
/// API has no keyword search of posts. Paging: newest first with <c>since</c> (time) and the
/// <c>after</c> cursor; usage headers stop a poll before Meta throttles the app or the Page.
/// </summary>
internal sealed class FacebookConnector(FacebookClient client, IOptions<FacebookOptions> options, TimeProvider time, ILogger<FacebookConnector> logger) : ISourceConnector
{
    private const string Name = "Facebook";

    /// <summary>The author id of a post whose author Facebook does not show (a user's post read with a
    /// Page token shows <c>from</c> only for the Page's own posts).</summary>
    internal const string HiddenAuthor = "unknown";

    public string Platform => "facebook";

    public async IAsyncEnumerable<FetchedPage> FetchAsync(SourceSpec source, string? cursorJson, [EnumeratorCancellation] CancellationToken ct)
    {
        var cursor = PlatformHttp.ReadCursor(cursorJson, FacebookJson.Default.FacebookCursor, Name, source.Name) ?? new FacebookCursor(null, null, null, null);
        // A damaged stored list loses its bad entries rather than failing every poll.
        cursor = cursor with { Recent = cursor.Recent?.Where(r => r?.Id is not null).ToList() };
        var settings = options.Value;
        string edge;
        switch (source.Kind)
        {
            case SourceKind.AccountSearch:
                var (sweep, usage) = await SweepPagesAsync(source, cursor, ct);
                yield return sweep;
                ThrowIfNearLimit(usage, source);
                yield break;
            case SourceKind.OfficialTimeline or SourceKind.StaffAccount:
                edge = "posts";
                break;
            case SourceKind.Mentions:
                edge = "tagged";
                break;
            case SourceKind.Search:
                throw new ConnectorException(ConnectorFailure.Misconfigured,
                    $"Facebook has no keyword search of posts (removed from the Graph API in v2.0): watch the Page's mentions (kind Mentions) instead (source '{source.Name}')");
            default:
                throw new ConnectorException(ConnectorFailure.Misconfigured, $"Facebook sources cannot be of kind {source.Kind} (source '{source.Name}')");
        }

        var pageId = source.Target.Trim();
        var withComments = edge == "posts" && settings.CommentsPerPost > 0;
        var done = cursor.Done;
        var pending = cursor.After is null ? null : cursor.Pending;
        var floor = cursor.After is null ? null : cursor.Floor;
        var after = cursor.After;
        var restarted = false;
        var recent = (cursor.Recent ?? []).ToList();
        var readNow = new HashSet<string>(StringComparer.Ordinal);
        DateTimeOffset? cutoff = done is null && source.BackfillDays > 0 ? time.GetUtcNow().AddDays(-source.BackfillDays) : null;
        var since = done?.Time ?? cutoff;

        for (var pageNumber = 0; pageNumber < settings.MaxPagesPerPoll; pageNumber++)
        {
            var query = new Dictionary<string, string>
            {
                ["fields"] = PostFields(withComments ? settings.CommentsPerPost : 0),
                ["limit"] = settings.PageSize.ToString(CultureInfo.InvariantCulture),
            };
            if (since is { } s)
            {
                query["since"] = s.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            }
            if (after is not null)
            {
                query["after"] = after;
            }
            var result = await client.GetListAsync($"{Uri.EscapeDataString(pageId)}/{edge}", query, search: false, source.Name, ct);
            if (result!.CursorRefused)
            {
                if (restarted)
                {
                    // Twice in one poll: stop here rather than close the run over posts not yet read;
                    // the stored cursor restarts it next poll.
                    throw new ConnectorException(ConnectorFailure.Unavailable,
                        $"Facebook refused the paging cursor again after a restart (source '{source.Name}')");
                }
                // Start the run again from the newest post; what this run already handed over (between
                // Floor and Pending) is skipped below, so nothing is stored twice.
                restarted = true;
                after = null;
                continue;
            }
            var data = result.List.Data ?? [];

            var items = data.Select(p => (Element: p, Post: MapPost(p, null))).Where(i => i.Post is not null).Select(i => (i.Element, Post: i.Post!)).ToList();
            var unseen = items.Where(i => (done is null || done.IsNew(i.Post.CreatedAt, i.Post.PlatformId)) && !(i.Post.CreatedAt < cutoff)).ToList();
            // Newest first: an item already stored (or older than the backfill) means the rest is too,
            // even where Meta ignores since.
            var reachedOld = unseen.Count < items.Count;
            var fresh = unseen.Where(i => !ReadThisRun(i.Post)).ToList();
            floor = Watermark.Lowest(floor, fresh.Select(i => (i.Post.CreatedAt, i.Post.PlatformId)));
            // Only now: the skip above must judge against the run's newest before this page.
            pending = Watermark.Advance(pending, items.Select(i => (i.Post.CreatedAt, i.Post.PlatformId)));

            var posts = new List<FetchedPost>();
            var accounts = new List<FetchedAccount>();
            foreach (var (element, post) in fresh)
            {
                posts.Add(post);
                AddAuthor(element, accounts);
                if (!withComments)
                {
                    continue;
                }
                var comments = JsonValues.Array(JsonValues.Property(JsonValues.Property(element, "comments"), "data")).ToList();
                var commentPosts = comments.Select(c => MapPost(c, post.PlatformId)).OfType<FetchedPost>().ToList();
                posts.AddRange(commentPosts);
                comments.ForEach(c => AddAuthor(c, accounts));
                readNow.Add(post.PlatformId);
                recent.RemoveAll(r => r.Id == post.PlatformId);
                recent.Add(new FacebookRecentPost(post.PlatformId, Watermark.Advance(null, commentPosts.Select(c => (c.CreatedAt, c.PlatformId)))));
            }
            recent = [.. recent.OrderByDescending(r => r.Id.Length).ThenByDescending(r => r.Id, StringComparer.Ordinal).Take(settings.RecheckRecentPosts)];

            // "Stop paging when the next link no longer appears"; a page may be empty and still have one.
            after = !reachedOld && result.List.Paging?.Next is not null && result.List.Paging.Cursors?.After is { Length: > 0 } a && (data.Count > 0 || a != after) ? a : null;
            var next = after is null
                ? new FacebookCursor(Watermark.Max(done, pending), null, null, recent)
                : new FacebookCursor(done, pending, after, recent, floor);
            yield return new FetchedPage(posts, accounts.DistinctBy(x => x.PlatformId).ToList(), PlatformHttp.Cursor(next, FacebookJson.Default.FacebookCursor));
            cursor = next;

            ThrowIfNearLimit(result.Usage, source);
            if (after is null)
            {
                break;
            }
        }

        if (withComments && settings.RecheckRecentPosts > 0 && cursor.After is null && cursor.Recent is { Count: > 0 })
        {
            var (recheck, usage) = await RecheckCommentsAsync(source, cursor, readNow, ct);
            yield return recheck;
            if (usage is not null)
            {
                ThrowIfNearLimit(usage, source);
            }
        }

        // Already handed over earlier in this run: at or above the floor and not newer than the run's newest.
        bool ReadThisRun(FetchedPost post) =>
            floor is not null && pending is not null && !pending.IsNew(post.CreatedAt, post.PlatformId)
            && (post.CreatedAt > floor.Time || floor.Ids.Contains(post.PlatformId, StringComparer.Ordinal));
    }

    /// <summary>
    /// Comments arrive after a post is read, and the feed does not bring an old post back when one
    /// does, so the Page's most recent posts are asked for their comments since the last one stored.
    /// A post Facebook no longer has (error 100/33) is recorded as deleted.
    /// </summary>
    private async Task<(FetchedPage Page, GraphUsage? Usage)> RecheckCommentsAsync(SourceSpec source, FacebookCursor cursor, HashSet<string> readNow, CancellationToken ct)
    {
        var settings = options.Value;
        var posts = new List<FetchedPost>();
        var accounts = new List<FetchedAccount>();
        var deleted = new List<string>();
        var recent = new List<FacebookRecentPost>();
        GraphUsage? usage = null;
        foreach (var post in cursor.Recent ?? [])
        {
            if (readNow.Contains(post.Id))
            {
                recent.Add(post);
                continue;
            }
            var query = new Dictionary<string, string>
            {
                ["fields"] = CommentFields,
                ["filter"] = "stream",
                ["order"] = "reverse_chronological",
                ["limit"] = settings.CommentsPerPost.ToString(CultureInfo.InvariantCulture),
            };
            if (post.Comments is { } mark)
            {
                query["since"] = mark.Time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            }
            var result = await client.GetListAsync($"{Uri.EscapeDataString(post.Id)}/comments", query, search: false, source.Name, ct, goneIsNull: true);
            if (result is null)
            {
                deleted.Add(post.Id);
                continue;
            }
            usage = result.Usage;
            var comments = (result.List.Data ?? []).Select(c => (Element: c, Post: MapPost(c, post.Id))).Where(c => c.Post is not null).ToList();
            var fresh = comments.Where(c => post.Comments is null || post.Comments.IsNew(c.Post!.CreatedAt, c.Post.PlatformId)).ToList();
            posts.AddRange(fresh.Select(c => c.Post!));
            fresh.ForEach(c => AddAuthor(c.Element, accounts));
            recent.Add(post with { Comments = Watermark.Advance(post.Comments, fresh.Select(c => (c.Post!.CreatedAt, c.Post.PlatformId))) });
            if (usage.Percent >= settings.UsageThresholdPercent)
            {
                break;
            }
        }
        // Posts not reached (usage stop) keep their place for the next poll.
        recent.AddRange((cursor.Recent ?? []).Where(r => !recent.Any(x => x.Id == r.Id) && !deleted.Contains(r.Id)));
        return (new FetchedPage(posts, accounts.DistinctBy(a => a.PlatformId).ToList(),
            PlatformHttp.Cursor(cursor with { Recent = recent }, FacebookJson.Default.FacebookCursor), deleted), usage);
    }

    private async Task<(FetchedPage Page, GraphUsage Usage)> SweepPagesAsync(SourceSpec source, FacebookCursor cursor, CancellationToken ct)
    {
        var query = new Dictionary<string, string>
        {
            ["q"] = source.Target,
            ["fields"] = "id,name,link,verification_status,is_unclaimed,location",
            ["limit"] = "100",
        };
        // Page search lives at the unversioned-looking /pages/search under the versioned base.
        var result = await client.GetListAsync("pages/search", query, search: true, source.Name, ct);
        var baseUrl = options.Value.BaseUrl.ToString().TrimEnd('/');
        var accounts = (result!.List.Data ?? [])
            .Select(page => JsonValues.String(page, "id") is { } id
                ? WithPicture(Author(page, id), baseUrl)
                : null)
            .OfType<FetchedAccount>()
            .ToList();
        return (new FetchedPage([], accounts, PlatformHttp.Cursor(cursor, FacebookJson.Default.FacebookCursor)), result.Usage);
    }

    /// <summary>Stops the poll (after the page just stored) when usage is near the limit: Meta counts
    /// calls made while throttled, so pressing on only makes the block longer.</summary>
    private void ThrowIfNearLimit(GraphUsage usage, SourceSpec source)
    {
        if (usage.Percent >= options.Value.UsageThresholdPercent)
        {
            var retryAfter = time.GetUtcNow() + client.Backoff(usage);
            ConnectorLog.FacebookUsageHigh(logger, usage.Percent, source.Name, retryAfter);
            throw new ConnectorException(ConnectorFailure.RateLimited,
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"Facebook usage is at {usage.Percent:0}% of the limit; polling paused before Meta throttles (source '{source.Name}')"),
                retryAfter: retryAfter);
        }
    }

    private const string CommentFields = "id,message,created_time,from{id,name},parent{id}";

    private static string PostFields(int comments) =>
        "id,message,story,created_time,updated_time,permalink_url,status_type,parent_id,from{id,name,link}"
        + (comments > 0 ? $",comments.limit({comments}).filter(stream){{{CommentFields}}}" : "");

    internal static FetchedPost? MapPost(JsonElement element, string? parentPostId)
    {
        var id = JsonValues.String(element, "id");
        if (id is null)
        {
            return null;
        }
        var message = JsonValues.String(element, "message");
        var story = JsonValues.String(element, "story");
        var text = message ?? story ?? "";
        var author = JsonValues.String(JsonValues.Property(element, "from"), "id") ?? HiddenAuthor;
        var inReply = JsonValues.String(JsonValues.Property(element, "parent"), "id") ?? parentPostId;
        var url = JsonValues.String(element, "permalink_url")
            ?? (parentPostId is null ? $"https://www.facebook.com/{id}" : $"https://www.facebook.com/{parentPostId}?comment_id={id}");
        return new FetchedPost("facebook", id, author, text, url,
            JsonValues.Date(JsonValues.String(element, "created_time")) ?? DateTimeOffset.UnixEpoch, inReply, element.GetRawText());
    }

    private static void AddAuthor(JsonElement element, List<FetchedAccount> accounts)
    {
        var from = JsonValues.Property(element, "from");
        if (JsonValues.String(from, "id") is not { } id)
        {
            return;
        }
        accounts.Add(Author(from, id));
    }

    /// <summary>A Page or person as Graph returns it inside a post, a comment or a search: an id, a name
    /// and sometimes a link (the handle). No about text and no picture, and a comment's author has no
    /// link, so the account carries only what was there and storage keeps the rest of a fuller profile.</summary>
    internal static FetchedAccount Author(JsonElement element, string id)
    {
        var handle = JsonValues.String(element, "link") is { } link ? HandleFromLink(link) : null;
        var name = JsonValues.String(element, "name");
        var carries = (handle is null ? ProfileFields.None : ProfileFields.Handle) | (name is null ? ProfileFields.None : ProfileFields.DisplayName);
        return new FetchedAccount("facebook", id, handle ?? id, name ?? "", "", null, null, element.GetRawText(), carries);
    }

    // Search does not return the picture; the picture edge redirects to it.
    private static FetchedAccount WithPicture(FetchedAccount page, string baseUrl) =>
        page with { AvatarUrl = $"{baseUrl}/{Uri.EscapeDataString(page.PlatformId)}/picture?type=large", Carries = page.Carries | ProfileFields.Avatar };

    private static string? HandleFromLink(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.AbsolutePath.Trim('/') is { Length: > 0 } path && !path.Contains('/', StringComparison.Ordinal)
            ? path
            : null;
}
