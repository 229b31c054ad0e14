using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SocialWatch.Fakes.Facebook;

/// <summary>A Facebook Page (or a user, as the author of a comment) as the fake knows it.</summary>
public sealed record FacebookFakePage(string Id, string Name, string? Username = null);

/// <summary>A post or a comment. <paramref name="TaggedPageId"/>: the Page a visitor's post tags.
/// <paramref name="ParentPostId"/>: set for comments.</summary>
public sealed record FacebookFakePost(string Id, string FromId, string Message, DateTimeOffset CreatedTime,
    string? ParentPostId = null, string? TaggedPageId = null);

/// <summary>
/// The Graph API on loopback under any version prefix (/v25.0/...): a Page's posts with inline
/// comments (fields=comments.limit(n){...}), posts tagging the Page, a post's comments, Page search;
/// cursor paging (paging.cursors.after / paging.next) and since; the Page token checked (error 190
/// otherwise); the usage headers X-App-Usage and X-Business-Use-Case-Usage at levels a test sets.
/// </summary>
public sealed class FacebookFake : IAsyncDisposable
{
    private readonly Dictionary<string, FacebookFakePage> _pages = new(StringComparer.Ordinal);
    private readonly List<FacebookFakePost> _posts = [];
    private readonly Lock _gate = new();
    private long _nextId = 2_191_966_997_525_000;

    private FacebookFake(string token) => PageAccessToken = token;

    public FakeServer Server { get; private set; } = null!;

    public string PageAccessToken { get; }

    /// <summary>Sent as X-App-Usage call_count / total_time / total_cputime on every answer.</summary>
    public int AppUsagePercent { get; set; } = 5;

    /// <summary>When set, X-Business-Use-Case-Usage carries this percentage and regain time for the Page.</summary>
    public (int Percent, int RegainMinutes)? PageUsage { get; set; }

    /// <summary>How many of the next requests with an after cursor are refused with error 100, as
    /// Meta refuses cursors that are too old or too deep.</summary>
    public int CursorsToRefuse { get; set; }

    /// <summary>The versioned base URL a client should use.</summary>
    public Uri GraphBase => new(Server.BaseAddress, "v25.0");

    public static async Task<FacebookFake> StartAsync(string pageAccessToken = "test-page-token", int port = 0)
    {
        var fake = new FacebookFake(pageAccessToken);
        fake.Server = await FakeServer.StartAsync(fake.Map, port);
        return fake;
    }

    public void AddPage(FacebookFakePage page)
    {
        lock (_gate)
        {
            _pages[page.Id] = page;
        }
    }

    /// <summary>Publishes a post on its author's Page (ids are {page-id}_{n}, as on Facebook).</summary>
    public FacebookFakePost Post(string fromId, string message, DateTimeOffset? at = null, string? taggedPageId = null)
    {
        lock (_gate)
        {
            var post = new FacebookFakePost($"{fromId}_{++_nextId}", fromId, message, Trim(at ?? DateTimeOffset.UtcNow), TaggedPageId: taggedPageId);
            _posts.Add(post);
            return post;
        }
    }

    public FacebookFakePost Comment(string postId, string fromId, string message, DateTimeOffset? at = null)
    {
        lock (_gate)
        {
            var pageOfPost = postId.Split('_')[0];
            var comment = new FacebookFakePost($"{pageOfPost}_{++_nextId}", fromId, message, Trim(at ?? DateTimeOffset.UtcNow), ParentPostId: postId);
            _posts.Add(comment);
            return comment;
        }
    }

    public void Delete(string postId)
    {
        lock (_gate)
        {
            _posts.RemoveAll(p => p.Id == postId || p.ParentPostId == postId);
        }
    }

    /// <summary>Graph times have whole seconds.</summary>
    private static DateTimeOffset Trim(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());

    private void Map(WebApplication app)
    {
        app.MapGet("/{version}/pages/search", (HttpContext http) => Answer(http, () =>
        {
            var q = http.Request.Query["q"].ToString();
            List<FacebookFakePage> pages;
            lock (_gate)
            {
                pages = [.. _pages.Values.Where(p => p.Name.Contains(q, StringComparison.OrdinalIgnoreCase))];
            }
            return Json(new JsonObject
            {
                ["data"] = new JsonArray([.. pages.Select(p => (JsonNode)new JsonObject
                {
                    ["id"] = p.Id, ["name"] = p.Name, ["link"] = "https://www.facebook.com/" + (p.Username ?? p.Id),
                    ["verification_status"] = "not_verified", ["is_unclaimed"] = false,
                })]),
            });
        }));
        app.MapGet("/{version}/{pageId}/posts", (HttpContext http, string pageId) => Answer(http, () =>
            PostList(http, p => p.ParentPostId is null && p.FromId == pageId && p.TaggedPageId is null)));
        app.MapGet("/{version}/{pageId}/tagged", (HttpContext http, string pageId) => Answer(http, () =>
            PostList(http, p => p.ParentPostId is null && p.TaggedPageId == pageId)));
        app.MapGet("/{version}/{postId}/comments", (HttpContext http, string postId) => Answer(http, () =>
        {
            bool exists;
            lock (_gate)
            {
                exists = _posts.Any(p => p.Id == postId);
            }
            return exists
                ? PostList(http, p => p.ParentPostId == postId)
                : GraphError(400, 100, 33, $"Unsupported get request. Object with ID '{postId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.");
        }));
    }

    private IResult Answer(HttpContext http, Func<IResult> answer)
    {
        var auth = http.Request.Headers.Authorization.ToString();
        var token = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : http.Request.Query["access_token"].ToString();
        if (token != PageAccessToken)
        {
            return GraphError(400, 190, 463, "Error validating access token: Session has expired on Tuesday, 25-Nov-26 10:00:00 PST.");
        }
        var usage = AppUsagePercent.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-App-Usage"] = $$"""{"call_count":{{usage}},"total_time":{{usage}},"total_cputime":1}""";
        if (PageUsage is { } page)
        {
            http.Response.Headers["X-Business-Use-Case-Usage"] =
                $$"""{"112233445566778":[{"type":"pages","call_count":{{page.Percent}},"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":{{page.RegainMinutes}}}]}""";
        }
        return answer();
    }

    /// <summary>Newest first; since (Unix seconds, inclusive) bounds it from below; the after cursor
    /// holds the last item's position, so new posts do not shift the pages a client is reading.</summary>
    private IResult PostList(HttpContext http, Func<FacebookFakePost, bool> filter)
    {
        var query = http.Request.Query;
        var limit = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 100) : 25;
        long? since = long.TryParse(query["since"], CultureInfo.InvariantCulture, out var s) ? s : null;
        var after = query["after"].ToString();
        var fields = query["fields"].ToString();
        List<FacebookFakePost> all;
        lock (_gate)
        {
            all = [.. _posts];
        }
        var ordered = all.Where(filter)
            .Where(p => since is null || p.CreatedTime.ToUnixTimeSeconds() >= since)
            .OrderByDescending(p => p.CreatedTime).ThenByDescending(p => p.Id.Length).ThenByDescending(p => p.Id, StringComparer.Ordinal)
            .ToList();
        if (after.Length > 0)
        {
            lock (_gate)
            {
                if (CursorsToRefuse > 0)
                {
                    CursorsToRefuse--;
                    return GraphError(400, 100, null, "(#100) The After Cursor specified exceeds the max limit supported by this endpoint");
                }
            }
            var index = ordered.FindIndex(p => Cursor(p) == after);
            if (index < 0)
            {
                return GraphError(400, 100, null, "(#100) The After Cursor specified exceeds the max limit supported by this endpoint");
            }
            ordered = ordered.Skip(index + 1).ToList();
        }
        var page = ordered.Take(limit).ToList();
        var commentLimit = CommentLimit(fields);
        var data = new JsonArray([.. page.Select(p => (JsonNode)PostJson(p, commentLimit, all))]);
        var body = new JsonObject { ["data"] = data };
        if (page.Count > 0)
        {
            var paging = new JsonObject { ["cursors"] = new JsonObject { ["before"] = Cursor(page[0]), ["after"] = Cursor(page[^1]) } };
            if (ordered.Count > page.Count)
            {
                paging["next"] = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.Path}?access_token=REDACTED&limit={limit}&after={Cursor(page[^1])}";
            }
            body["paging"] = paging;
        }
        return Json(body);
    }

    private static string Cursor(FacebookFakePost post) => Convert.ToBase64String(Encoding.UTF8.GetBytes("fb:" + post.Id));

    /// <summary>The n of comments.limit(n) in a fields list, or null when comments are not asked for.</summary>
    private static int? CommentLimit(string fields)
    {
        var at = fields.IndexOf("comments", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var limit = fields.IndexOf(".limit(", at, StringComparison.Ordinal);
        if (limit < 0)
        {
            return 25;
        }
        var close = fields.IndexOf(')', limit);
        return int.TryParse(fields.AsSpan(limit + 7, close - limit - 7), CultureInfo.InvariantCulture, out var n) ? n : 25;
    }

    private JsonObject PostJson(FacebookFakePost post, int? commentLimit, List<FacebookFakePost> all)
    {
        FacebookFakePage? from;
        lock (_gate)
        {
            from = _pages.GetValueOrDefault(post.FromId);
        }
        var json = new JsonObject
        {
            ["id"] = post.Id,
            ["created_time"] = post.CreatedTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture),
            ["message"] = post.Message,
        };
        // Like Facebook with a Page token: the author is shown for Pages, not for users tagging the Page.
        if (from is not null)
        {
            json["from"] = new JsonObject { ["id"] = from.Id, ["name"] = from.Name };
        }
        if (post.ParentPostId is null)
        {
            json["permalink_url"] = $"https://www.facebook.com/{post.FromId}/posts/{post.Id.Split('_')[^1]}";
            json["updated_time"] = json["created_time"]!.DeepClone();
            json["status_type"] = "mobile_status_update";
        }
        if (commentLimit is { } n && post.ParentPostId is null)
        {
            var comments = all.Where(c => c.ParentPostId == post.Id).OrderBy(c => c.CreatedTime).Take(n).ToList();
            json["comments"] = new JsonObject
            {
                ["data"] = new JsonArray([.. comments.Select(c => (JsonNode)PostJson(c, null, all))]),
                ["paging"] = new JsonObject { ["cursors"] = new JsonObject { ["before"] = "QVFIUm", ["after"] = "QVFIUn" } },
            };
        }
        return json;
    }

    private static IResult GraphError(int status, int code, int? subcode, string message)
    {
        var error = new JsonObject { ["message"] = message, ["type"] = "OAuthException", ["code"] = code, ["fbtrace_id"] = "AmFGcW_3hwDB7qFbl_QdebZ" };
        if (subcode is not null)
        {
            error["error_subcode"] = subcode;
        }
        return Results.Text(new JsonObject { ["error"] = error }.ToJsonString(), "application/json; charset=UTF-8", statusCode: status);
    }

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json; charset=UTF-8");

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
