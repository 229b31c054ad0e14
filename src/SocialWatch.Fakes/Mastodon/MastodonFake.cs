using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SocialWatch.Fakes.Mastodon;

/// <summary>A Mastodon account as the fake knows it. <paramref name="Indexable"/>: the account opted
/// in to full-text search (only such accounts' statuses are found by /api/v2/search).</summary>
public sealed record MastodonFakeAccount(string Id, string Username, string DisplayName, string Note = "", string? Avatar = null, bool Indexable = true);

/// <summary>A status as the fake knows it. <paramref name="Html"/> is the content as sent (HTML).</summary>
public sealed record MastodonFakeStatus(string Id, string AccountId, string Html, DateTimeOffset CreatedAt, string? InReplyToId = null,
    DateTimeOffset? EditedAt = null, string SpoilerText = "");

/// <summary>
/// Mastodon REST on loopback: account lookup and statuses, notifications of mentions, v2 status search
/// (opted-in accounts only), account search, single statuses (404 once deleted), with since_id /
/// min_id / max_id, Link headers, X-RateLimit-* headers and the documented error entities.
/// </summary>
public sealed class MastodonFake : IAsyncDisposable
{
    private readonly Dictionary<string, MastodonFakeAccount> _accounts = new(StringComparer.Ordinal);
    private readonly List<MastodonFakeStatus> _statuses = [];
    private readonly List<(string Id, string StatusId)> _notifications = [];
    private readonly Lock _gate = new();
    private long _nextId = 110_000_000_000_000_000;
    private long _nextNotificationId = 34_975_000;

    private MastodonFake(string token, string ownerId) => (AccessToken, OwnerAccountId) = (token, ownerId);

    public FakeServer Server { get; private set; } = null!;

    /// <summary>The user token of <see cref="OwnerAccountId"/>, the account whose mentions notifications show.</summary>
    public string AccessToken { get; }

    public string OwnerAccountId { get; }

    /// <summary>Calls left in the window, as X-RateLimit-Remaining says.</summary>
    public int RateLimitRemaining { get; set; } = 299;

    public static async Task<MastodonFake> StartAsync(string accessToken = "test-mastodon-token", string ownerAccountId = "1", int port = 0)
    {
        var fake = new MastodonFake(accessToken, ownerAccountId);
        fake.Server = await FakeServer.StartAsync(fake.Map, port);
        return fake;
    }

    public void AddAccount(MastodonFakeAccount account)
    {
        lock (_gate)
        {
            _accounts[account.Id] = account;
        }
    }

    /// <summary>Publishes a status now (plain text, HTML-escaped into a paragraph) with the next id. A
    /// status naming @owner makes a mention notification for the owner.</summary>
    public MastodonFakeStatus Post(string accountId, string text, DateTimeOffset? at = null, string? inReplyTo = null) =>
        PostHtml(accountId, "<p>" + WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>", at, inReplyTo);

    /// <summary>Publishes a status whose content is this HTML, as given.</summary>
    public MastodonFakeStatus PostHtml(string accountId, string html, DateTimeOffset? at = null, string? inReplyTo = null)
    {
        lock (_gate)
        {
            var status = new MastodonFakeStatus((++_nextId).ToString(CultureInfo.InvariantCulture), accountId, html, at ?? DateTimeOffset.UtcNow, inReplyTo);
            _statuses.Add(status);
            if (_accounts.TryGetValue(OwnerAccountId, out var owner) && accountId != OwnerAccountId
                && WebUtility.HtmlDecode(html).Contains("@" + owner.Username, StringComparison.OrdinalIgnoreCase))
            {
                _notifications.Add(((++_nextNotificationId).ToString(CultureInfo.InvariantCulture), status.Id));
            }
            return status;
        }
    }

    /// <summary>Edits a status as Mastodon does: same id, new content, edited_at set.</summary>
    public void Edit(string statusId, string text)
    {
        lock (_gate)
        {
            var index = _statuses.FindIndex(s => s.Id == statusId);
            _statuses[index] = _statuses[index] with { Html = "<p>" + WebUtility.HtmlEncode(text) + "</p>", EditedAt = DateTimeOffset.UtcNow };
        }
    }

    public void Delete(string statusId)
    {
        lock (_gate)
        {
            _statuses.RemoveAll(s => s.Id == statusId);
        }
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/api/v1/accounts/lookup", (HttpContext http) => Answer(http, false, () =>
        {
            var acct = http.Request.Query["acct"].ToString().TrimStart('@');
            var account = Accounts().FirstOrDefault(a => string.Equals(a.Username, acct, StringComparison.OrdinalIgnoreCase));
            return account is null ? Error(404, "Record not found") : Json(AccountJson(account));
        }));
        app.MapGet("/api/v1/accounts/search", (HttpContext http) => Answer(http, true, () =>
        {
            var q = http.Request.Query["q"].ToString();
            var found = Accounts().Where(a => a.Username.Contains(q, StringComparison.OrdinalIgnoreCase) || a.DisplayName.Contains(q, StringComparison.OrdinalIgnoreCase));
            return Json(new JsonArray([.. found.Select(a => (JsonNode)AccountJson(a))]));
        }));
        app.MapGet("/api/v1/accounts/{id}/statuses", (HttpContext http, string id) => Answer(http, false, () =>
        {
            if (!Accounts().Any(a => a.Id == id))
            {
                return Error(404, "Record not found");
            }
            return Page(http, Snapshot().Where(s => s.AccountId == id).Select(s => (s.Id, (JsonNode)StatusJson(s))).ToList(), 40);
        }));
        app.MapGet("/api/v1/notifications", (HttpContext http) => Answer(http, true, () =>
        {
            List<(string Id, string StatusId)> notifications;
            lock (_gate)
            {
                notifications = [.. _notifications];
            }
            var statuses = Snapshot().ToDictionary(s => s.Id);
            var items = notifications.Where(n => statuses.ContainsKey(n.StatusId)).Select(n =>
            {
                var status = statuses[n.StatusId];
                return (n.Id, (JsonNode)new JsonObject
                {
                    ["id"] = n.Id, ["type"] = "mention", ["created_at"] = Time(status.CreatedAt),
                    ["account"] = AccountJson(AccountOf(status.AccountId)), ["status"] = StatusJson(status),
                });
            }).ToList();
            return Page(http, items, 80);
        }));
        app.MapGet("/api/v2/search", (HttpContext http) => Answer(http, true, () =>
        {
            var q = http.Request.Query["q"].ToString();
            var query = http.Request.Query;
            var limit = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 40) : 20;
            var min = query["min_id"].ToString();
            var max = query["max_id"].ToString();
            // Only statuses of accounts that opted in, as with Elasticsearch on a real server.
            var found = Snapshot()
                .Where(s => AccountOf(s.AccountId).Indexable && WebUtility.HtmlDecode(s.Html).Contains(q, StringComparison.OrdinalIgnoreCase))
                .Where(s => min.Length == 0 || Compare(s.Id, min) > 0)
                .Where(s => max.Length == 0 || Compare(s.Id, max) < 0)
                .OrderByDescending(s => s.Id.Length).ThenByDescending(s => s.Id, StringComparer.Ordinal)
                .Take(limit);
            return Json(new JsonObject
            {
                ["accounts"] = new JsonArray(), ["hashtags"] = new JsonArray(),
                ["statuses"] = new JsonArray([.. found.Select(s => (JsonNode)StatusJson(s))]),
            });
        }));
        app.MapGet("/api/v1/statuses/{id}", (HttpContext http, string id) => Answer(http, false, () =>
        {
            var status = Snapshot().FirstOrDefault(s => s.Id == id);
            return status is null ? Error(404, "Record not found") : Json(StatusJson(status));
        }));
    }

    private List<MastodonFakeAccount> Accounts()
    {
        lock (_gate)
        {
            return [.. _accounts.Values];
        }
    }

    private List<MastodonFakeStatus> Snapshot()
    {
        lock (_gate)
        {
            return [.. _statuses];
        }
    }

    private MastodonFakeAccount AccountOf(string id)
    {
        lock (_gate)
        {
            return _accounts.TryGetValue(id, out var a) ? a : new MastodonFakeAccount(id, "user" + id, "User " + id);
        }
    }

    private IResult Answer(HttpContext http, bool needsToken, Func<IResult> answer)
    {
        var auth = http.Request.Headers.Authorization.ToString();
        if ((needsToken || auth.Length > 0) && auth != "Bearer " + AccessToken)
        {
            return auth.Length == 0 ? Error(401, "This API requires an authenticated user") : Error(401, "The access token is invalid");
        }
        http.Response.Headers["X-RateLimit-Limit"] = "300";
        http.Response.Headers["X-RateLimit-Remaining"] = RateLimitRemaining.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-RateLimit-Reset"] = DateTimeOffset.UtcNow.AddMinutes(5).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        return answer();
    }

    /// <summary>Newest first. since_id and max_id bound the page; min_id pages forward (the items just
    /// above it, still newest first). The Link header points at the next (older) and previous pages.</summary>
    private static IResult Page(HttpContext http, List<(string Id, JsonNode Json)> items, int maxLimit)
    {
        var query = http.Request.Query;
        var limit = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, maxLimit) : 20;
        var since = query["since_id"].ToString();
        var max = query["max_id"].ToString();
        var min = query["min_id"].ToString();
        var filtered = items
            .Where(i => since.Length == 0 || Compare(i.Id, since) > 0)
            .Where(i => max.Length == 0 || Compare(i.Id, max) < 0)
            .Where(i => min.Length == 0 || Compare(i.Id, min) > 0)
            .OrderByDescending(i => i.Id.Length).ThenByDescending(i => i.Id, StringComparer.Ordinal)
            .ToList();
        var page = min.Length > 0 ? filtered.TakeLast(limit).ToList() : filtered.Take(limit).ToList();
        if (page.Count > 0)
        {
            var self = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.Path}";
            http.Response.Headers["Link"] = $"<{self}?max_id={page[^1].Id}>; rel=\"next\", <{self}?min_id={page[0].Id}>; rel=\"prev\"";
        }
        return Json(new JsonArray([.. page.Select(p => p.Json.DeepClone())]));
    }

    private static int Compare(string a, string b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);

    private JsonObject StatusJson(MastodonFakeStatus status)
    {
        var account = AccountOf(status.AccountId);
        return new JsonObject
        {
            ["id"] = status.Id,
            ["created_at"] = Time(status.CreatedAt),
            ["in_reply_to_id"] = status.InReplyToId,
            ["in_reply_to_account_id"] = null,
            ["sensitive"] = status.SpoilerText.Length > 0,
            ["spoiler_text"] = status.SpoilerText,
            ["visibility"] = "public",
            ["language"] = "en",
            ["uri"] = $"https://fake.mastodon/users/{account.Username}/statuses/{status.Id}",
            ["url"] = $"https://fake.mastodon/@{account.Username}/{status.Id}",
            ["replies_count"] = 0,
            ["reblogs_count"] = 0,
            ["favourites_count"] = 0,
            ["edited_at"] = status.EditedAt is { } e ? Time(e) : null,
            ["content"] = status.Html,
            ["reblog"] = null,
            ["account"] = AccountJson(account),
            ["media_attachments"] = new JsonArray(),
            ["mentions"] = new JsonArray(),
            ["tags"] = new JsonArray(),
            ["emojis"] = new JsonArray(),
            ["card"] = null,
            ["poll"] = null,
        };
    }

    private static JsonObject AccountJson(MastodonFakeAccount account) => new()
    {
        ["id"] = account.Id,
        ["username"] = account.Username,
        ["acct"] = account.Username,
        ["display_name"] = account.DisplayName,
        ["locked"] = false,
        ["bot"] = false,
        ["discoverable"] = true,
        ["indexable"] = account.Indexable,
        ["created_at"] = "2020-01-01T00:00:00.000Z",
        ["note"] = "<p>" + WebUtility.HtmlEncode(account.Note) + "</p>",
        ["url"] = "https://fake.mastodon/@" + account.Username,
        ["avatar"] = account.Avatar ?? "https://fake.mastodon/avatars/original/missing.png",
        ["avatar_static"] = account.Avatar ?? "https://fake.mastodon/avatars/original/missing.png",
        ["followers_count"] = 10,
        ["following_count"] = 5,
        ["statuses_count"] = 1,
        ["emojis"] = new JsonArray(),
        ["fields"] = new JsonArray(),
    };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static IResult Error(int status, string error) => Results.Text(new JsonObject { ["error"] = error }.ToJsonString(), "application/json; charset=utf-8", statusCode: status);

    private static IResult Json(JsonNode body) => Results.Text(body.ToJsonString(), "application/json; charset=utf-8");

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
