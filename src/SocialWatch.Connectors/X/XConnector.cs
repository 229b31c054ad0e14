using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SocialWatch.Connectors.X;

/// <summary>
/// Reads X API v2: an account's posts (official timeline, staff accounts), its mentions, recent search,
/// and account lookups. Polling follows X's documented pattern: ask with <c>since_id</c> = the newest id
/// stored, follow <c>next_token</c> with the same <c>since_id</c>, and only when the last page is stored
/// move <c>since_id</c> to the first page's <c>newest_id</c>. Every post read is billed, so a post is
/// never asked for twice: the cursor is stored with each page.
/// </summary>
internal sealed class XConnector(XClient client, IOptions<XOptions> options, TimeProvider time) : ISourceConnector
{
    public string Platform => "x";

    public async IAsyncEnumerable<FetchedPage> FetchAsync(SourceSpec source, string? cursorJson, [EnumeratorCancellation] CancellationToken ct)
    {
        var cursor = ParseCursor(cursorJson, source.Name);
        if (source.Kind == SourceKind.AccountSearch)
        {
            yield return await SweepAccountsAsync(source, cursor, ct);
            yield break;
        }

        var settings = options.Value;
        var userId = cursor.UserId;
        string basePath;
        var ownedRead = false;
        switch (source.Kind)
        {
            case SourceKind.OfficialTimeline or SourceKind.StaffAccount or SourceKind.Mentions:
                userId ??= await ResolveUserIdAsync(source, ct);
                var endpoint = source.Kind == SourceKind.Mentions ? "mentions" : "tweets";
                basePath = $"/2/users/{userId}/{endpoint}?max_results={settings.PageSize}";
                ownedRead = source.Kind != SourceKind.StaffAccount;
                break;
            case SourceKind.Search:
                basePath = $"/2/tweets/search/recent?query={Uri.EscapeDataString(source.Target)}&max_results={settings.PageSize}";
                break;
            default:
                throw new ConnectorException(ConnectorFailure.Misconfigured, $"X sources cannot be of kind {source.Kind} (source '{source.Name}')");
        }
        basePath += $"&tweet.fields={XClient.TweetFields}&user.fields={XClient.UserFields}&expansions={XClient.Expansions}";

        var since = cursor.SinceId;
        var pending = cursor.PendingNewestId;
        var token = cursor.NextToken;
        for (var pageNumber = 0; pageNumber < settings.MaxPagesPerPoll; pageNumber++)
        {
            var path = basePath;
            if (since is not null)
            {
                path += $"&since_id={since}";
            }
            else if (source.BackfillDays > 0)
            {
                // First run: reach back only as far as configured (recent search covers 7 days at most).
                var days = source.Kind == SourceKind.Search ? Math.Min(source.BackfillDays, 6) : source.BackfillDays;
                var start = time.GetUtcNow().AddDays(-days);
                path += $"&start_time={start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";
            }
            if (token is not null)
            {
                path += (source.Kind == SourceKind.Search ? "&next_token=" : "&pagination_token=") + Uri.EscapeDataString(token);
            }

            var page = await client.GetPageAsync(path, ownedRead, source.Name, ct);
            if (token is null)
            {
                pending = page.Meta?.NewestId;
            }
            token = page.Meta?.NextToken;

            var (posts, accounts) = Map(page, source.Name);
            var next = token is null
                ? new XCursor(userId, pending ?? since, null, null)
                : new XCursor(userId, since, pending, token);
            yield return new FetchedPage(posts, accounts, JsonSerializer.Serialize(next, XJson.Default.XCursor));

            if (token is null)
            {
                yield break;
            }
        }
    }

    private async Task<FetchedPage> SweepAccountsAsync(SourceSpec source, XCursor cursor, CancellationToken ct)
    {
        // User search needs user context (no app-only scheme in the API description), so it uses the
        // owned user token when one is configured.
        var page = await client.GetPageAsync(
            $"/2/users/search?query={Uri.EscapeDataString(source.Target)}&max_results=100&user.fields={XClient.UserFields}",
            ownedRead: true, source.Name, ct);
        var accounts = new List<FetchedAccount>();
        if (page.Data.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in page.Data.EnumerateArray())
            {
                if (MapUser(element) is { } account)
                {
                    accounts.Add(account);
                }
            }
        }
        return new FetchedPage([], accounts, JsonSerializer.Serialize(cursor, XJson.Default.XCursor));
    }

    private async Task<string> ResolveUserIdAsync(SourceSpec source, CancellationToken ct)
    {
        var target = source.Target.TrimStart('@');
        if (target.Length > 0 && target.All(char.IsAsciiDigit))
        {
            return target;
        }
        var user = await client.GetUserByUsernameAsync(target, source.Name, ct);
        return user.Data?.Id ?? throw new ConnectorException(ConnectorFailure.Misconfigured,
            $"X has no account @{target} (source '{source.Name}')");
    }

    private static (List<FetchedPost> Posts, List<FetchedAccount> Accounts) Map(XPage page, string source)
    {
        var accounts = new List<FetchedAccount>();
        var handles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in page.Includes?.Users ?? [])
        {
            if (MapUser(element) is { } account)
            {
                accounts.Add(account);
                handles[account.PlatformId] = account.Handle;
            }
        }

        var posts = new List<FetchedPost>();
        if (page.Data.ValueKind != JsonValueKind.Array)
        {
            return (posts, accounts);
        }
        foreach (var element in page.Data.EnumerateArray())
        {
            XTweet? tweet;
            try
            {
                tweet = element.Deserialize(XJson.Default.XTweet);
            }
            catch (JsonException e)
            {
                throw new ConnectorException(ConnectorFailure.BadResponse, $"X returned a post we cannot read: {e.Message} (source '{source}')", e);
            }
            if (tweet?.Id is null || tweet.AuthorId is null)
            {
                continue;
            }
            // An edit gets a new id; the chain's first id names the post, so an edit is stored as a new
            // version of the post it changes rather than as a second post.
            var id = tweet.EditHistoryTweetIds is { Count: > 1 } history ? history[0] : tweet.Id;
            var handle = handles.GetValueOrDefault(tweet.AuthorId, "i");
            var reply = tweet.ReferencedTweets?.FirstOrDefault(r => r.Type == "replied_to")?.Id;
            posts.Add(new FetchedPost(
                "x",
                id,
                tweet.AuthorId,
                tweet.NoteTweet?.Text ?? tweet.Text ?? "",
                $"https://x.com/{handle}/status/{tweet.Id}",
                tweet.CreatedAt ?? DateTimeOffset.UnixEpoch,
                reply,
                element.GetRawText()));
        }
        return (posts, accounts);
    }

    private static FetchedAccount? MapUser(JsonElement element)
    {
        XUser? user;
        try
        {
            user = element.Deserialize(XJson.Default.XUser);
        }
        catch (JsonException)
        {
            return null;
        }
        if (user?.Id is null)
        {
            return null;
        }
        // X sends the user fields a request asked for; one it did not send is unknown, not empty.
        var carries = (user.Username is null ? ProfileFields.None : ProfileFields.Handle)
            | (user.Name is null ? ProfileFields.None : ProfileFields.DisplayName)
            | (user.Description is null ? ProfileFields.None : ProfileFields.Bio)
            | (user.ProfileImageUrl is null ? ProfileFields.None : ProfileFields.Avatar);
        return new FetchedAccount("x", user.Id, user.Username ?? "", user.Name ?? "", user.Description ?? "",
            user.ProfileImageUrl, user.CreatedAt, element.GetRawText(), carries);
    }

    private static XCursor ParseCursor(string? json, string source)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new XCursor(null, null, null, null);
        }
        try
        {
            return JsonSerializer.Deserialize(json, XJson.Default.XCursor) ?? new XCursor(null, null, null, null);
        }
        catch (JsonException e)
        {
            throw new ConnectorException(ConnectorFailure.Misconfigured, $"the stored cursor of source '{source}' is not an X cursor", e);
        }
    }
}
