using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SocialWatch.Fakes.Bluesky;

/// <summary>A Bluesky actor as the fake knows it.</summary>
public sealed record BlueskyFakeActor(string Did, string Handle, string DisplayName, string Description = "", string? Avatar = null, int FollowersCount = 0);

/// <summary>A post as the fake knows it; <paramref name="Uri"/> is at://{did}/app.bsky.feed.post/{rkey}.</summary>
public sealed record BlueskyFakePost(string Uri, string AuthorDid, string Text, DateTimeOffset CreatedAt, DateTimeOffset IndexedAt, string? ReplyParentUri = null);

/// <summary>
/// Bluesky XRPC on loopback, one server playing both the public AppView and the PDS: getAuthorFeed,
/// getProfiles, searchActors without auth; searchPosts only with a session's access token (anonymous
/// calls get the documented 401 AuthMissing); createSession / refreshSession issuing JWT-shaped tokens
/// with an exp claim; opaque cursors; XRPC error bodies; RateLimit-* headers.
/// </summary>
public sealed class BlueskyFake : IAsyncDisposable
{
    private readonly Dictionary<string, BlueskyFakeActor> _actors = new(StringComparer.Ordinal);
    private readonly List<BlueskyFakePost> _posts = [];
    private readonly HashSet<string> _validAccess = new(StringComparer.Ordinal);
    private readonly HashSet<string> _validRefresh = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _nextKey;

    private BlueskyFake(string handle, string password) => (Handle, AppPassword) = (handle, password);

    public FakeServer Server { get; private set; } = null!;

    /// <summary>The account (and app password) createSession accepts.</summary>
    public string Handle { get; }

    public string AppPassword { get; }

    /// <summary>Lifetime of the access tokens issued (written into their exp claim).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public int CreateSessionCalls { get; private set; }

    public int RefreshSessionCalls { get; private set; }

    public static async Task<BlueskyFake> StartAsync(string handle = "council-watch.bsky.social", string appPassword = "abcd-efgh-ijkl-mnop", int port = 0)
    {
        var fake = new BlueskyFake(handle, appPassword);
        fake.Server = await FakeServer.StartAsync(fake.Map, port);
        return fake;
    }

    public void AddActor(BlueskyFakeActor actor)
    {
        lock (_gate)
        {
            _actors[actor.Did] = actor;
        }
    }

    /// <summary>Publishes a post now (or at <paramref name="at"/>, which is both its createdAt and indexedAt).</summary>
    public BlueskyFakePost Post(string did, string text, DateTimeOffset? at = null, string? replyParentUri = null)
    {
        lock (_gate)
        {
            // Record keys are TIDs in real life: sortable by time. A counter keeps them unique and ordered.
            var rkey = "3l" + (++_nextKey).ToString("D11", CultureInfo.InvariantCulture);
            var when = at ?? DateTimeOffset.UtcNow;
            var post = new BlueskyFakePost($"at://{did}/app.bsky.feed.post/{rkey}", did, text, when, when, replyParentUri);
            _posts.Add(post);
            return post;
        }
    }

    public void Delete(string uri)
    {
        lock (_gate)
        {
            _posts.RemoveAll(p => p.Uri == uri);
        }
    }

    /// <summary>Makes every access token issued so far expired (the PDS answers 400 ExpiredToken).</summary>
    public void ExpireAccessTokens()
    {
        lock (_gate)
        {
            _validAccess.Clear();
        }
    }

    private void Map(WebApplication app)
    {
        // The PDS's per-IP limit (3000 per 5 minutes), in the IETF draft headers it sends.
        app.Use(async (http, next) =>
        {
            http.Response.Headers["RateLimit-Limit"] = "3000";
            http.Response.Headers["RateLimit-Remaining"] = "2999";
            http.Response.Headers["RateLimit-Reset"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            http.Response.Headers["RateLimit-Policy"] = "3000;w=300";
            await next(http);
        });
        app.MapPost("/xrpc/com.atproto.server.createSession", async (HttpContext http) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
            lock (_gate)
            {
                CreateSessionCalls++;
            }
            if (body?["identifier"]?.GetValue<string>() != Handle || body?["password"]?.GetValue<string>() != AppPassword)
            {
                return XrpcError(401, "AuthenticationRequired", "Invalid identifier or password");
            }
            return Issue();
        });
        app.MapPost("/xrpc/com.atproto.server.refreshSession", (HttpContext http) =>
        {
            var token = Bearer(http);
            lock (_gate)
            {
                RefreshSessionCalls++;
                if (token is null || !_validRefresh.Remove(token))
                {
                    return XrpcError(400, "ExpiredToken", "Token has expired");
                }
            }
            return Issue();
        });
        app.MapGet("/xrpc/app.bsky.feed.getAuthorFeed", (HttpContext http) =>
        {
            var actor = http.Request.Query["actor"].ToString();
            var did = Actors().FirstOrDefault(a => a.Did == actor || string.Equals(a.Handle, actor, StringComparison.OrdinalIgnoreCase))?.Did;
            if (did is null)
            {
                return XrpcError(400, "InvalidRequest", "Profile not found");
            }
            var (page, cursor) = Page(http, Posts().Where(p => p.AuthorDid == did), 50);
            var body = new JsonObject { ["feed"] = new JsonArray([.. page.Select(p => (JsonNode)new JsonObject { ["post"] = PostView(p) })]) };
            if (cursor is not null)
            {
                body["cursor"] = cursor;
            }
            return Json(body);
        });
        app.MapGet("/xrpc/app.bsky.feed.searchPosts", (HttpContext http) =>
        {
            var token = Bearer(http);
            if (token is null)
            {
                return XrpcError(401, "AuthMissing", "Authentication Required");
            }
            lock (_gate)
            {
                if (!_validAccess.Contains(token))
                {
                    return XrpcError(400, "ExpiredToken", "Token has expired");
                }
            }
            var query = http.Request.Query;
            var q = query["q"].ToString();
            var mentions = query["mentions"].ToString();
            DateTimeOffset? since = DateTimeOffset.TryParse(query["since"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s) ? s : null;
            var matching = Posts().Where(p => p.Text.Contains(q, StringComparison.OrdinalIgnoreCase)
                && (mentions.Length == 0 || p.Text.Contains("@" + mentions, StringComparison.OrdinalIgnoreCase))
                && (since is null || SortAt(p) >= since));
            var (page, cursor) = Page(http, matching, 100);
            var body = new JsonObject { ["posts"] = new JsonArray([.. page.Select(p => (JsonNode)PostView(p))]), ["hitsTotal"] = page.Count };
            if (cursor is not null)
            {
                body["cursor"] = cursor;
            }
            return Json(body);
        });
        app.MapGet("/xrpc/app.bsky.actor.searchActors", (HttpContext http) =>
        {
            var q = http.Request.Query["q"].ToString();
            var found = Actors().Where(a => a.Handle.Contains(q, StringComparison.OrdinalIgnoreCase) || a.DisplayName.Contains(q, StringComparison.OrdinalIgnoreCase));
            return Json(new JsonObject { ["actors"] = new JsonArray([.. found.Select(a => (JsonNode)Profile(a, detailed: false))]) });
        });
        app.MapGet("/xrpc/app.bsky.actor.getProfiles", (HttpContext http) =>
        {
            var wanted = http.Request.Query["actors"].Select(a => a ?? "").ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (wanted.Count > 25)
            {
                return XrpcError(400, "InvalidRequest", "Error: actors must not have more than 25 elements");
            }
            var found = Actors().Where(a => wanted.Contains(a.Did) || wanted.Contains(a.Handle));
            return Json(new JsonObject { ["profiles"] = new JsonArray([.. found.Select(a => (JsonNode)Profile(a, detailed: true))]) });
        });
    }

    private IResult Issue()
    {
        var access = Jwt(AccessTokenLifetime);
        var refresh = Jwt(TimeSpan.FromDays(60));
        lock (_gate)
        {
            _validAccess.Add(access);
            _validRefresh.Add(refresh);
        }
        return Json(new JsonObject
        {
            ["accessJwt"] = access, ["refreshJwt"] = refresh, ["handle"] = Handle, ["did"] = "did:plc:councilwatch", ["active"] = true,
        });
    }

    private static string Jwt(TimeSpan lifetime)
    {
        static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var exp = DateTimeOffset.UtcNow.Add(lifetime).ToUnixTimeSeconds();
        return B64("""{"typ":"at+jwt","alg":"ES256K"}""") + "." + B64($$"""{"scope":"com.atproto.appPass","exp":{{exp}},"jti":"{{Guid.NewGuid():N}}"}""") + ".c2lnbmF0dXJl";
    }

    private static string? Bearer(HttpContext http)
    {
        var auth = http.Request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : null;
    }

    private static DateTimeOffset SortAt(BlueskyFakePost p) => p.CreatedAt < p.IndexedAt ? p.CreatedAt : p.IndexedAt;

    /// <summary>Newest first by sortAt (then URI); the cursor holds the last item's key, so posts
    /// published while a client pages do not shift its pages.</summary>
    private static (List<BlueskyFakePost> Page, string? Cursor) Page(HttpContext http, IEnumerable<BlueskyFakePost> posts, int maxLimit)
    {
        var query = http.Request.Query;
        var limit = int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, maxLimit) : 25;
        var ordered = posts.OrderByDescending(SortAt).ThenByDescending(p => p.Uri, StringComparer.Ordinal).ToList();
        var cursor = query["cursor"].ToString();
        if (cursor.Length > 0)
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split('|', 2);
            var ticks = long.Parse(parts[0], CultureInfo.InvariantCulture);
            ordered = [.. ordered.Where(p => SortAt(p).UtcTicks < ticks || (SortAt(p).UtcTicks == ticks && string.CompareOrdinal(p.Uri, parts[1]) < 0))];
        }
        var page = ordered.Take(limit).ToList();
        var next = ordered.Count > page.Count
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes(SortAt(page[^1]).UtcTicks.ToString(CultureInfo.InvariantCulture) + "|" + page[^1].Uri))
            : null;
        return (page, next);
    }

    private List<BlueskyFakeActor> Actors()
    {
        lock (_gate)
        {
            return [.. _actors.Values];
        }
    }

    private List<BlueskyFakePost> Posts()
    {
        lock (_gate)
        {
            return [.. _posts];
        }
    }

    private JsonObject PostView(BlueskyFakePost post)
    {
        BlueskyFakeActor author;
        lock (_gate)
        {
            author = _actors.TryGetValue(post.AuthorDid, out var a) ? a : new BlueskyFakeActor(post.AuthorDid, "unknown.bsky.social", "");
        }
        var record = new JsonObject { ["$type"] = "app.bsky.feed.post", ["text"] = post.Text, ["createdAt"] = Time(post.CreatedAt), ["langs"] = new JsonArray("en") };
        if (post.ReplyParentUri is not null)
        {
            var reference = new JsonObject { ["uri"] = post.ReplyParentUri, ["cid"] = "bafyreiparent" };
            record["reply"] = new JsonObject { ["root"] = reference.DeepClone(), ["parent"] = reference };
        }
        return new JsonObject
        {
            ["uri"] = post.Uri,
            ["cid"] = "bafyrei" + Math.Abs(post.Uri.GetHashCode(StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture),
            ["author"] = Profile(author, detailed: false),
            ["record"] = record,
            ["replyCount"] = 0, ["repostCount"] = 0, ["likeCount"] = 0, ["quoteCount"] = 0,
            ["indexedAt"] = Time(post.IndexedAt),
            ["labels"] = new JsonArray(),
        };
    }

    private static JsonObject Profile(BlueskyFakeActor actor, bool detailed)
    {
        var json = new JsonObject
        {
            ["did"] = actor.Did, ["handle"] = actor.Handle, ["displayName"] = actor.DisplayName,
            ["createdAt"] = "2023-04-01T12:00:00.000Z", ["indexedAt"] = "2024-01-01T00:00:00.000Z", ["labels"] = new JsonArray(),
        };
        if (actor.Avatar is not null)
        {
            json["avatar"] = actor.Avatar;
        }
        if (detailed)
        {
            json["description"] = actor.Description;
            json["followersCount"] = actor.FollowersCount;
            json["followsCount"] = 3;
            json["postsCount"] = 7;
        }
        else if (actor.Description.Length > 0)
        {
            json["description"] = actor.Description;
        }
        return json;
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static IResult XrpcError(int status, string error, string message) =>
        Results.Text(new JsonObject { ["error"] = error, ["message"] = message }.ToJsonString(), "application/json; charset=utf-8", statusCode: status);

    private static IResult Json(JsonObject body)
    {
        return Results.Text(body.ToJsonString(), "application/json; charset=utf-8");
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
