using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SocialWatch.Fakes.X;

/// <summary>An X account as the fake knows it.</summary>
public sealed record XFakeUser(string Id, string Username, string Name, string Description = "", string? ProfileImageUrl = null);

/// <summary>A post as the fake knows it. Ids are numeric strings: newer posts have larger ids, as on X.</summary>
public sealed record XFakePost(string Id, string AuthorId, string Text, DateTimeOffset CreatedAt, string? InReplyToPostId = null, IReadOnlyList<string>? EditHistory = null);

/// <summary>
/// X API v2 on loopback: user lookup, user posts timeline, mentions, recent search and user search,
/// answering in the documented wire format (data / includes.users / meta with newest_id, oldest_id,
/// next_token; problem-format errors) and honouring since_id, max_results and pagination tokens.
/// </summary>
public sealed class XFake : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, XFakeUser> _users = new();
    private readonly List<XFakePost> _posts = [];
    // The same posts by author, so a timeline request does not scan every post (the load run serves a million).
    private readonly Dictionary<string, List<XFakePost>> _byAuthor = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _nextId = 1_800_000_000_000_000_000;

    private XFake(string bearerToken) => BearerToken = bearerToken;

    public FakeServer Server { get; private set; } = null!;

    public string BearerToken { get; }

    public static async Task<XFake> StartAsync(string bearerToken = "test-bearer-token", int port = 0)
    {
        var fake = new XFake(bearerToken);
        fake.Server = await FakeServer.StartAsync(fake.Map, port);
        return fake;
    }

    public void AddUser(XFakeUser user) => _users[user.Id] = user;

    /// <summary>Publishes a post now, with the next id (or the given one, which must be larger than any before).</summary>
    public XFakePost Post(string authorId, string text, DateTimeOffset? at = null, string? inReplyTo = null, long? id = null)
    {
        lock (_gate)
        {
            _nextId = id is { } given ? Math.Max(_nextId, given) : _nextId + 1;
            var post = new XFakePost((id ?? _nextId).ToString(CultureInfo.InvariantCulture), authorId, text, at ?? DateTimeOffset.UtcNow, inReplyTo);
            _posts.Add(post);
            ByAuthor(authorId).Add(post);
            return post;
        }
    }

    /// <summary>Edits a post the way X does: a new id for the new version, the chain in edit_history_tweet_ids.</summary>
    public XFakePost Edit(string postId, string newText)
    {
        lock (_gate)
        {
            var original = _posts.Single(p => p.Id == postId);
            _posts.Remove(original);
            ByAuthor(original.AuthorId).Remove(original);
            var chain = (original.EditHistory ?? [original.Id]).Append((++_nextId).ToString(CultureInfo.InvariantCulture)).ToList();
            var edited = original with { Id = chain[^1], Text = newText, EditHistory = chain };
            _posts.Add(edited);
            ByAuthor(edited.AuthorId).Add(edited);
            return edited;
        }
    }

    private List<XFakePost> ByAuthor(string authorId)
    {
        if (!_byAuthor.TryGetValue(authorId, out var list))
        {
            _byAuthor[authorId] = list = [];
        }
        return list;
    }

    /// <summary>How many times each post id was served: anything above 1 is a post read (and billed) twice.</summary>
    public IReadOnlyDictionary<string, int> ServedPosts => _served;

    private readonly ConcurrentDictionary<string, int> _served = new();

    public int PostCount
    {
        get
        {
            lock (_gate)
            {
                return _posts.Count;
            }
        }
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/2/users/by/username/{username}", (HttpContext http, string username) => Authorised(http, () =>
        {
            var user = _users.Values.FirstOrDefault(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase));
            return user is null
                ? Json(new JsonObject
                {
                    ["errors"] = new JsonArray(new JsonObject
                    {
                        ["value"] = username, ["detail"] = $"Could not find user with username: [{username}].", ["title"] = "Not Found Error",
                        ["resource_type"] = "user", ["parameter"] = "username", ["resource_id"] = username,
                        ["type"] = "https://api.x.com/2/problems/resource-not-found",
                    }),
                })
                : Json(new JsonObject { ["data"] = UserJson(user) });
        }));
        app.MapGet("/2/users/{id}/tweets", (HttpContext http, string id) => Authorised(http, () =>
            Page(http, p => p.AuthorId == id, paginationParameter: "pagination_token", authorId: id)));
        app.MapGet("/2/users/{id}/mentions", (HttpContext http, string id) => Authorised(http, () =>
        {
            var handle = _users.TryGetValue(id, out var u) ? "@" + u.Username : "@" + id;
            return Page(http, p => p.AuthorId != id && p.Text.Contains(handle, StringComparison.OrdinalIgnoreCase), "pagination_token");
        }));
        app.MapGet("/2/tweets/search/recent", (HttpContext http) => Authorised(http, () =>
        {
            var query = SearchQuery.Parse(http.Request.Query["query"].ToString());
            return Page(http, p => query.Matches(p.Text), "next_token");
        }));
        app.MapGet("/2/users/search", (HttpContext http) => Authorised(http, () =>
        {
            var words = http.Request.Query["query"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var found = _users.Values.Where(u => words.Any(w =>
                u.Name.Contains(w, StringComparison.OrdinalIgnoreCase) || u.Username.Contains(w, StringComparison.OrdinalIgnoreCase)));
            var data = new JsonArray(found.Select(u => (JsonNode)UserJson(u)).ToArray());
            return Json(new JsonObject { ["data"] = data, ["meta"] = new JsonObject { ["result_count"] = data.Count } });
        }));
    }

    private IResult Authorised(HttpContext http, Func<IResult> answer)
    {
        if (http.Request.Headers.Authorization.ToString() != "Bearer " + BearerToken)
        {
            return Results.Json(new JsonObject
            {
                ["title"] = "Unauthorized", ["type"] = "about:blank", ["status"] = 401, ["detail"] = "Unauthorized",
            }, statusCode: 401);
        }
        var reset = DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["x-rate-limit-limit"] = "450";
        http.Response.Headers["x-rate-limit-remaining"] = "449";
        http.Response.Headers["x-rate-limit-reset"] = reset;
        return answer();
    }

    /// <summary>Newest first; since_id exclusive; a token holds the id to continue below, so posts
    /// published while a client pages do not shift its pages.</summary>
    private IResult Page(HttpContext http, Func<XFakePost, bool> filter, string paginationParameter, string? authorId = null)
    {
        var query = http.Request.Query;
        var max = int.TryParse(query["max_results"], CultureInfo.InvariantCulture, out var m) ? Math.Clamp(m, 5, 100) : 10;
        var sinceId = query["since_id"].ToString();
        var token = query[paginationParameter].ToString();
        DateTimeOffset? startTime = DateTimeOffset.TryParse(query["start_time"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var st) ? st : null;
        var below = string.IsNullOrEmpty(token) ? null : Encoding.UTF8.GetString(Convert.FromBase64String(token));

        List<XFakePost> matching;
        lock (_gate)
        {
            // Posts are stored in id order, so newest first is the reverse.
            IEnumerable<XFakePost> candidates = authorId is null ? _posts : _byAuthor.GetValueOrDefault(authorId) ?? [];
            matching = candidates
                .Where(filter)
                .Where(p => sinceId.Length == 0 || IdCompare(p.Id, sinceId) > 0)
                .Where(p => startTime is null || p.CreatedAt >= startTime)
                .Where(p => below is null || IdCompare(p.Id, below) < 0)
                .Reverse()
                .ToList();
        }
        var page = matching.Take(max).ToList();
        foreach (var post in page)
        {
            _served.AddOrUpdate(post.Id, 1, (_, n) => n + 1);
        }
        var meta = new JsonObject { ["result_count"] = page.Count };
        if (page.Count == 0)
        {
            return Json(new JsonObject { ["meta"] = meta });
        }
        meta["newest_id"] = page[0].Id;
        meta["oldest_id"] = page[^1].Id;
        if (matching.Count > page.Count)
        {
            meta["next_token"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(page[^1].Id));
        }
        var authors = page.Select(p => p.AuthorId).Distinct().Select(id => _users.TryGetValue(id, out var u) ? u : new XFakeUser(id, "user" + id, "User " + id));
        return Json(new JsonObject
        {
            ["data"] = new JsonArray(page.Select(p => (JsonNode)PostJson(p)).ToArray()),
            ["includes"] = new JsonObject { ["users"] = new JsonArray(authors.Select(u => (JsonNode)UserJson(u)).ToArray()) },
            ["meta"] = meta,
        });
    }

    private static int IdCompare(string a, string b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);

    private static JsonObject PostJson(XFakePost post)
    {
        var json = new JsonObject
        {
            ["id"] = post.Id,
            ["text"] = post.Text,
            ["author_id"] = post.AuthorId,
            ["created_at"] = post.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["conversation_id"] = post.InReplyToPostId ?? post.Id,
            ["edit_history_tweet_ids"] = new JsonArray((post.EditHistory ?? [post.Id]).Select(i => (JsonNode)JsonValue.Create(i)!).ToArray()),
        };
        if (post.InReplyToPostId is not null)
        {
            json["referenced_tweets"] = new JsonArray(new JsonObject { ["type"] = "replied_to", ["id"] = post.InReplyToPostId });
        }
        return json;
    }

    private static JsonObject UserJson(XFakeUser user)
    {
        var json = new JsonObject
        {
            ["id"] = user.Id, ["name"] = user.Name, ["username"] = user.Username, ["description"] = user.Description,
            ["created_at"] = "2020-01-01T00:00:00.000Z", ["verified"] = false,
        };
        if (user.ProfileImageUrl is not null)
        {
            json["profile_image_url"] = user.ProfileImageUrl;
        }
        return json;
    }

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json; charset=utf-8");

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    /// <summary>The part of X's query language the fake understands: terms and "quoted phrases" that
    /// must all appear, alternatives joined by OR; operators (-is:retweet, lang:en) are ignored.</summary>
    private sealed record SearchQuery(IReadOnlyList<IReadOnlyList<string>> Alternatives)
    {
        public static SearchQuery Parse(string query)
        {
            var alternatives = new List<IReadOnlyList<string>>();
            foreach (var part in query.Split(" OR ", StringSplitOptions.RemoveEmptyEntries))
            {
                var terms = new List<string>();
                var rest = part;
                while (rest.Contains('"', StringComparison.Ordinal))
                {
                    var start = rest.IndexOf('"', StringComparison.Ordinal);
                    var end = rest.IndexOf('"', start + 1);
                    if (end < 0)
                    {
                        break;
                    }
                    terms.Add(rest[(start + 1)..end]);
                    rest = rest[..start] + rest[(end + 1)..];
                }
                terms.AddRange(rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !t.StartsWith('-') && !t.Contains(':', StringComparison.Ordinal) && t != "(" && t != ")").Select(t => t.Trim('(', ')')));
                alternatives.Add(terms);
            }
            return new SearchQuery(alternatives);
        }

        public bool Matches(string text) => Alternatives.Any(terms => terms.All(t => text.Contains(t, StringComparison.OrdinalIgnoreCase)));
    }
}
