using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Connectors.Http;

namespace SocialWatch.Connectors.Mastodon;

/// <summary>
/// Reads one Mastodon instance: an account's statuses (official timeline, staff accounts), the
/// council account's mentions (notifications of type mention, with its own token), status search
/// (finds only posts whose authors opted in) and account search. Paging is newest first with the
/// same <c>since_id</c> for every page of a poll, like X; the cursor is stored with each page.
/// </summary>
internal sealed class MastodonConnector(MastodonClient client, IOptions<MastodonOptions> options, TimeProvider time, ILogger<MastodonConnector> logger) : ISourceConnector
{
    private const string Name = "Mastodon";

    public string Platform => "mastodon";

    public async IAsyncEnumerable<FetchedPage> FetchAsync(SourceSpec source, string? cursorJson, [EnumeratorCancellation] CancellationToken ct)
    {
        var cursor = PlatformHttp.ReadCursor(cursorJson, MastodonJson.Default.MastodonCursor, Name, source.Name)
            ?? new MastodonCursor(null, null, null, null, null);
        // A damaged stored list loses its bad entries rather than failing every poll.
        cursor = cursor with { Recent = cursor.Recent?.Where(r => r?.Id is not null).ToList() };
        var settings = options.Value;

        if (source.Kind == SourceKind.AccountSearch)
        {
            var found = await client.GetAsync($"/api/v1/accounts/search?q={Uri.EscapeDataString(source.Target)}&limit=40&resolve=false",
                needsToken: true, source.Name, MastodonJson.Default.ListJsonElement, ct);
            var accounts = found!.Value.Select(MapAccount).OfType<FetchedAccount>().ToList();
            yield return new FetchedPage([], accounts, Serialize(cursor));
            yield break;
        }

        string basePath;
        var needsToken = true;
        var timeline = false;
        var accountId = cursor.AccountId;
        switch (source.Kind)
        {
            case SourceKind.OfficialTimeline or SourceKind.StaffAccount:
                accountId ??= await ResolveAccountIdAsync(source, ct);
                basePath = $"/api/v1/accounts/{Uri.EscapeDataString(accountId)}/statuses?exclude_reblogs=true&limit={settings.PageSize}";
                needsToken = false;
                timeline = true;
                break;
            case SourceKind.Mentions:
                basePath = $"/api/v1/notifications?types[]=mention&limit={settings.PageSize}";
                break;
            case SourceKind.Search:
                basePath = $"/api/v2/search?type=statuses&resolve=false&q={Uri.EscapeDataString(source.Target)}&limit={settings.PageSize}";
                break;
            default:
                throw new ConnectorException(ConnectorFailure.Misconfigured, $"Mastodon sources cannot be of kind {source.Kind} (source '{source.Name}')");
        }

        // Search has no since_id; min_id bounds it from below instead.
        var lowerBound = source.Kind == SourceKind.Search ? "min_id" : "since_id";
        DateTimeOffset? cutoff = cursor.SinceId is null && source.BackfillDays > 0 ? time.GetUtcNow().AddDays(-source.BackfillDays) : null;
        var since = cursor.SinceId;
        var pending = cursor.PendingNewestId;
        var maxId = cursor.MaxId;
        var recent = (cursor.Recent ?? []).ToList();
        var readNow = new HashSet<string>(StringComparer.Ordinal);

        for (var pageNumber = 0; pageNumber < settings.MaxPagesPerPoll; pageNumber++)
        {
            var path = basePath;
            if (since is not null)
            {
                path += $"&{lowerBound}={Uri.EscapeDataString(since)}";
            }
            if (maxId is not null)
            {
                path += $"&max_id={Uri.EscapeDataString(maxId)}";
            }

            List<(string Id, FetchedPost Post, FetchedAccount? Author, DateTimeOffset? EditedAt)> items;
            string? nextMaxId;
            (int? Remaining, DateTimeOffset? Reset) limit;
            if (source.Kind == SourceKind.Search)
            {
                var result = await client.GetAsync(path, needsToken, source.Name, MastodonJson.Default.MastodonSearch, ct);
                limit = (result!.RateLimitRemaining, result.RateLimitReset);
                items = [.. (result.Value.Statuses ?? []).Select(s => MapStatus(s, source.Name)).OfType<(FetchedPost, FetchedAccount?, DateTimeOffset?)>()
                    .Select(m => (m.Item1.PlatformId, m.Item1, m.Item2, m.Item3))];
                // No Link header on search: the next page is below the oldest id of this one, while pages are full.
                nextMaxId = items.Count >= settings.PageSize ? items.Select(i => i.Id).MinBy(id => id, IdComparer.Instance) : null;
            }
            else
            {
                var result = await client.GetAsync(path, needsToken, source.Name, MastodonJson.Default.ListJsonElement, ct);
                limit = (result!.RateLimitRemaining, result.RateLimitReset);
                items = [];
                var pageIds = new List<string>();
                foreach (var element in result.Value)
                {
                    var status = source.Kind == SourceKind.Mentions ? MentionStatus(element) : (element, id: JsonValues.String(element, "id"));
                    if (status.id is null)
                    {
                        continue;
                    }
                    pageIds.Add(status.id);
                    if (MapStatus(status.element, source.Name) is { } mapped)
                    {
                        items.Add((status.id, mapped.Post, mapped.Author, mapped.EditedAt));
                    }
                }
                nextMaxId = pageIds.Count == 0 ? null : result.NextMaxId ?? pageIds.MinBy(i => i, IdComparer.Instance);
                if (maxId is null && pageIds.Count > 0)
                {
                    pending = pageIds.MaxBy(i => i, IdComparer.Instance);
                }
            }
            if (source.Kind == SourceKind.Search && maxId is null && items.Count > 0)
            {
                pending = items.Select(i => i.Id).MaxBy(i => i, IdComparer.Instance);
            }

            // Nothing at or below the stored mark may come back twice, and reaching it ends the run
            // (a server that ignores since_id would otherwise be paged to its first status).
            var reachedCutoff = since is not null && items.RemoveAll(i => PlatformHttp.CompareIds(i.Id, since) <= 0) > 0;
            if (cutoff is { } c)
            {
                reachedCutoff |= items.RemoveAll(i => i.Post.CreatedAt < c) > 0;
            }

            var posts = items.Select(i => i.Post).ToList();
            var accounts = items.Select(i => i.Author).OfType<FetchedAccount>().DistinctBy(a => a.PlatformId).ToList();
            if (timeline)
            {
                foreach (var item in items)
                {
                    readNow.Add(item.Post.PlatformId);
                    recent.RemoveAll(r => r.Id == item.Post.PlatformId);
                    recent.Add(new MastodonSeen(item.Post.PlatformId, item.EditedAt));
                }
                recent = [.. recent.OrderByDescending(r => r.Id, IdComparer.Instance).Take(settings.RecheckRecent)];
            }

            maxId = reachedCutoff ? null : nextMaxId;
            var done = maxId is null;
            var next = done
                ? new MastodonCursor(accountId, pending ?? since, null, null, recent)
                : new MastodonCursor(accountId, since, pending, maxId, recent);
            yield return new FetchedPage(posts, accounts, Serialize(next));
            cursor = next;
            if (done)
            {
                break;
            }
            if (limit.Remaining <= settings.MinRateLimitRemaining)
            {
                // Stop while the account can still make a few calls (the council's own apps share them);
                // the stored cursor resumes here once the window resets.
                var retryAfter = limit.Reset ?? time.GetUtcNow().AddMinutes(5);
                ConnectorLog.MastodonNearLimit(logger, limit.Remaining.Value, source.Name, retryAfter);
                throw new ConnectorException(ConnectorFailure.RateLimited,
                    $"Mastodon allows only {limit.Remaining} more calls in this window; paging paused (source '{source.Name}')",
                    retryAfter: retryAfter);
            }
        }

        if (timeline && settings.RecheckRecent > 0 && cursor.MaxId is null)
        {
            yield return await RecheckAsync(source, cursor, readNow, ct);
        }
    }

    /// <summary>
    /// Mastodon exposes edits (<c>edited_at</c>) and deletions (404) only on the status itself, so
    /// the account's most recent statuses are asked for again: an edited one is returned as a post
    /// again (the worker stores a new version when its text changed), a deleted one as deleted.
    /// </summary>
    private async Task<FetchedPage> RecheckAsync(SourceSpec source, MastodonCursor cursor, HashSet<string> readNow, CancellationToken ct)
    {
        var posts = new List<FetchedPost>();
        var accounts = new List<FetchedAccount>();
        var deleted = new List<string>();
        var recent = new List<MastodonSeen>();
        foreach (var seen in cursor.Recent ?? [])
        {
            if (readNow.Contains(seen.Id))
            {
                recent.Add(seen);
                continue;
            }
            var result = await client.GetAsync($"/api/v1/statuses/{Uri.EscapeDataString(seen.Id)}", needsToken: false, source.Name,
                MastodonJson.Default.JsonElement, ct, notFoundIsNull: true);
            if (result is null)
            {
                deleted.Add(seen.Id);
                continue;
            }
            if (MapStatus(result.Value, source.Name) is not { } mapped)
            {
                recent.Add(seen);
                continue;
            }
            if (mapped.EditedAt != seen.EditedAt)
            {
                posts.Add(mapped.Post);
                if (mapped.Author is not null)
                {
                    accounts.Add(mapped.Author);
                }
            }
            recent.Add(seen with { EditedAt = mapped.EditedAt });
        }
        if (posts.Count > 0 || deleted.Count > 0)
        {
            ConnectorLog.MastodonChanges(logger, posts.Count, deleted.Count, source.Name);
        }
        return new FetchedPage(posts, accounts.DistinctBy(a => a.PlatformId).ToList(), Serialize(cursor with { Recent = recent }), deleted);
    }

    private static (JsonElement element, string? id) MentionStatus(JsonElement notification)
    {
        // The notification id orders the pages; the status inside is the post.
        var id = JsonValues.String(notification, "id");
        var type = JsonValues.String(notification, "type");
        var status = JsonValues.Property(notification, "status");
        return type is null or "mention" && status.ValueKind == JsonValueKind.Object ? (status, id) : (default, id);
    }

    private async Task<string> ResolveAccountIdAsync(SourceSpec source, CancellationToken ct)
    {
        var target = source.Target.Trim().TrimStart('@');
        if (target.Length > 0 && target.All(char.IsAsciiDigit))
        {
            return target;
        }
        var found = await client.GetAsync($"/api/v1/accounts/lookup?acct={Uri.EscapeDataString(target)}", needsToken: false, source.Name,
            MastodonJson.Default.MastodonAccount, ct);
        return found!.Value.Id ?? throw new ConnectorException(ConnectorFailure.Misconfigured,
            $"Mastodon has no account @{target} (source '{source.Name}')");
    }

    internal static (FetchedPost Post, FetchedAccount? Author, DateTimeOffset? EditedAt)? MapStatus(JsonElement element, string source)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        MastodonStatus? status;
        try
        {
            status = element.Deserialize(MastodonJson.Default.MastodonStatus);
        }
        catch (JsonException e)
        {
            throw new ConnectorException(ConnectorFailure.BadResponse, $"Mastodon returned a status we cannot read: {e.Message} (source '{source}')", e);
        }
        if (status?.Id is null)
        {
            return null;
        }
        var author = MapAccount(status.Account);
        var text = HtmlText.ToPlain(status.Content);
        if (!string.IsNullOrWhiteSpace(status.SpoilerText))
        {
            // The content warning is part of what the author said.
            text = status.SpoilerText + "\n\n" + text;
        }
        var post = new FetchedPost("mastodon", status.Id, author?.PlatformId ?? JsonValues.String(status.Account, "id") ?? "",
            text, status.Url ?? status.Uri, JsonValues.Date(status.CreatedAt) ?? DateTimeOffset.UnixEpoch, status.InReplyToId, element.GetRawText());
        return (post, author, JsonValues.Date(status.EditedAt));
    }

    internal static FetchedAccount? MapAccount(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        MastodonAccount? account;
        try
        {
            account = element.Deserialize(MastodonJson.Default.MastodonAccount);
        }
        catch (JsonException)
        {
            return null;
        }
        if (account?.Id is null)
        {
            return null;
        }
        return new FetchedAccount("mastodon", account.Id, account.Acct ?? account.Username ?? "", account.DisplayName ?? "",
            HtmlText.ToPlain(account.Note), account.Avatar, JsonValues.Date(account.CreatedAt), element.GetRawText());
    }

    private static string Serialize(MastodonCursor cursor) => PlatformHttp.Cursor(cursor, MastodonJson.Default.MastodonCursor);

    private sealed class IdComparer : IComparer<string>
    {
        public static readonly IdComparer Instance = new();

        public int Compare(string? x, string? y) => PlatformHttp.CompareIds(x ?? "", y ?? "");
    }
}
