using Dapper;
using Npgsql;
using SocialWatch.Connectors;
using SocialWatch.Worker.Storage;

namespace SocialWatch.Worker.Ingestion;

/// <summary>Writes one fetched page: accounts and posts upserted in batches (one statement each),
/// profile changes and post edits kept as history, deletions marked. Runs inside the caller's
/// transaction so the page, its flags and the source's cursor commit together.</summary>
internal static class PostStore
{
    /// <summary>An account that is new or whose profile changed, so the rules look at it again.</summary>
    internal sealed record StoredAccount(long Id, FetchedAccount Account, bool IsNew);

    /// <summary>A post that is new or whose text changed.</summary>
    internal sealed record StoredPost(long Id, long AccountId, FetchedPost Post, bool IsNew);

    internal sealed record StoredPage(IReadOnlyList<StoredAccount> Accounts, IReadOnlyList<StoredPost> Posts, int Deleted);

    private sealed record AccountRow(long Id, string PlatformId, bool IsNew, bool ProfileChanged);

    private sealed record PostRow(long Id, string PlatformId, bool IsNew);

    // The history CTE copies the old profile before the upsert overwrites it; both see the same
    // snapshot, so "old" really is the row as it was before this statement. An unchanged account seen
    // within the hour is left alone (no dead row, no index churn): most authors on a page are known.
    private const string UpsertAccountsSql = """
        WITH incoming AS (
            SELECT * FROM unnest(@PlatformIds::text[], @Handles::text[], @Names::text[], @Bios::text[],
                                 @AvatarUrls::text[], @CreatedAts::timestamptz[], @Raws::text[])
                AS i(platform_id, handle, display_name, bio, avatar_url, platform_created_at, raw)
        ),
        history AS (
            INSERT INTO account_history (account_id, handle, display_name, bio, avatar_url)
            SELECT a.id, a.handle, a.display_name, a.bio, a.avatar_url
            FROM accounts a JOIN incoming i ON a.platform_id = i.platform_id
            -- = ANY lets the planner use the unique index even before the table is analysed.
            WHERE a.platform = @Platform AND a.platform_id = ANY(@PlatformIds) AND (a.handle, a.display_name, a.bio, a.avatar_url) IS DISTINCT FROM (i.handle, i.display_name, i.bio, i.avatar_url)
            RETURNING account_id
        ),
        upserted AS (
            INSERT INTO accounts (platform, platform_id, handle, display_name, bio, avatar_url, platform_created_at, raw)
            SELECT @Platform, platform_id, handle, display_name, bio, avatar_url, platform_created_at, raw::jsonb FROM incoming
            ON CONFLICT (platform, platform_id) DO UPDATE SET
                handle = excluded.handle,
                display_name = excluded.display_name,
                bio = excluded.bio,
                avatar_url = excluded.avatar_url,
                avatar_attempts = CASE WHEN accounts.avatar_url IS DISTINCT FROM excluded.avatar_url THEN 0 ELSE accounts.avatar_attempts END,
                platform_created_at = COALESCE(excluded.platform_created_at, accounts.platform_created_at),
                raw = excluded.raw,
                last_seen_at = now()
            WHERE (accounts.handle, accounts.display_name, accounts.bio, accounts.avatar_url)
                      IS DISTINCT FROM (excluded.handle, excluded.display_name, excluded.bio, excluded.avatar_url)
               OR accounts.last_seen_at < now() - interval '1 hour'
            RETURNING id, platform_id, (xmax = 0) AS is_new, id IN (SELECT account_id FROM history) AS profile_changed
        )
        SELECT id, platform_id, is_new, profile_changed FROM upserted
        UNION ALL
        SELECT a.id, a.platform_id, false, false
        FROM accounts a
        WHERE a.platform = @Platform AND a.platform_id = ANY(@PlatformIds)
          AND NOT EXISTS (SELECT 1 FROM upserted u WHERE u.platform_id = a.platform_id)
        """;

    // Authors we have no profile for yet (a page without includes): a placeholder keeps the post,
    // and the next page or sweep that carries the profile fills it in.
    private const string EnsureAuthorsSql = """
        INSERT INTO accounts (platform, platform_id, handle)
        SELECT @Platform, id, id FROM unnest(@PlatformIds::text[]) AS ids(id)
        ON CONFLICT (platform, platform_id) DO UPDATE SET last_seen_at = now()
        RETURNING id, platform_id
        """;

    // Only a post that is new or whose text changed is written; the old text goes to post_versions.
    private const string UpsertPostsSql = """
        WITH incoming AS (
            SELECT * FROM unnest(@PlatformIds::text[], @AccountIds::bigint[], @Texts::text[], @Urls::text[],
                                 @InReplyTos::text[], @CreatedAts::timestamptz[], @Raws::text[])
                AS i(platform_id, account_id, text, url, in_reply_to, created_at, raw)
        ),
        previous AS (
            SELECT p.id, p.text, p.raw
            FROM posts p
            WHERE p.platform = @Platform AND p.platform_id = ANY(@PlatformIds)
        ),
        upserted AS (
            INSERT INTO posts (platform, platform_id, account_id, source_id, text, url, in_reply_to, created_at, raw)
            SELECT @Platform, platform_id, account_id, @SourceId, text, url, in_reply_to, created_at, raw::jsonb FROM incoming
            ON CONFLICT (platform, platform_id) DO UPDATE SET
                text = excluded.text, url = excluded.url, raw = excluded.raw, updated_at = now(), deleted_at = NULL
            WHERE posts.text IS DISTINCT FROM excluded.text
            RETURNING id, platform_id, (xmax = 0) AS is_new
        ),
        versions AS (
            INSERT INTO post_versions (post_id, text, raw)
            SELECT p.id, p.text, p.raw FROM previous p JOIN upserted u ON u.id = p.id
        )
        SELECT id, platform_id, is_new FROM upserted
        """;

    private const string MarkDeletedSql = """
        UPDATE posts SET deleted_at = now()
        WHERE platform = @Platform AND platform_id = ANY(@PlatformIds) AND deleted_at IS NULL
        """;

    private const string AdvanceCursorSql = """
        UPDATE source_cursors SET position = @Position, posts_stored = posts_stored + @Stored
        WHERE source_id = @SourceId
        """;

    public static async Task<StoredPage> StoreAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long sourceId, string platform, FetchedPage page, CancellationToken ct)
    {
        var accounts = await UpsertAccountsAsync(connection, tx, platform, page.Accounts, ct);
        var accountIds = accounts.ToDictionary(a => a.PlatformId, a => a.Id, StringComparer.Ordinal);

        var posts = Dedupe(page.Posts, p => p.PlatformId);
        var missingAuthors = posts.Select(p => p.AuthorPlatformId).Where(id => !accountIds.ContainsKey(id)).Distinct().ToArray();
        if (missingAuthors.Length > 0)
        {
            var ensured = await connection.QueryAsync<(long Id, string PlatformId)>(new CommandDefinition(EnsureAuthorsSql,
                new { Platform = platform, PlatformIds = missingAuthors.Select(StoredText.Clean).ToArray() }, tx, cancellationToken: ct));
            foreach (var (id, platformId) in ensured)
            {
                accountIds[platformId] = id;
            }
        }

        var storedPosts = new List<StoredPost>();
        if (posts.Count > 0)
        {
            var rows = await connection.QueryAsync<PostRow>(new CommandDefinition(UpsertPostsSql, new
            {
                Platform = platform,
                SourceId = sourceId,
                PlatformIds = posts.Select(p => StoredText.Clean(p.PlatformId)).ToArray(),
                AccountIds = posts.Select(p => accountIds[StoredText.Clean(p.AuthorPlatformId)]).ToArray(),
                Texts = posts.Select(p => StoredText.Clean(p.Text)).ToArray(),
                Urls = posts.Select(p => StoredText.CleanOrNull(p.Url)).ToArray(),
                InReplyTos = posts.Select(p => StoredText.CleanOrNull(p.InReplyTo)).ToArray(),
                CreatedAts = posts.Select(p => p.CreatedAt.UtcDateTime).ToArray(),
                Raws = posts.Select(p => StoredText.CleanJson(p.RawJson)).ToArray(),
            }, tx, cancellationToken: ct));
            var byId = posts.ToDictionary(p => StoredText.Clean(p.PlatformId), StringComparer.Ordinal);
            foreach (var row in rows)
            {
                var post = byId[row.PlatformId];
                storedPosts.Add(new StoredPost(row.Id, accountIds[StoredText.Clean(post.AuthorPlatformId)], post, row.IsNew));
            }
        }

        var deleted = 0;
        if (page.DeletedPostIds is { Count: > 0 } gone)
        {
            deleted = await connection.ExecuteAsync(new CommandDefinition(MarkDeletedSql,
                new { Platform = platform, PlatformIds = gone.Select(StoredText.Clean).ToArray() }, tx, cancellationToken: ct));
        }

        await connection.ExecuteAsync(new CommandDefinition(AdvanceCursorSql,
            new { SourceId = sourceId, Position = StoredText.CleanOrNull(page.Cursor), Stored = storedPosts.Count(p => p.IsNew) }, tx, cancellationToken: ct));

        var changedAccounts = accounts.Where(a => a.IsNew || a.ProfileChanged)
            .Select(a => new StoredAccount(a.Id, a.Source, a.IsNew))
            .ToList();
        return new StoredPage(changedAccounts, storedPosts, deleted);
    }

    private sealed record UpsertedAccount(long Id, string PlatformId, bool IsNew, bool ProfileChanged, FetchedAccount Source);

    private static async Task<List<UpsertedAccount>> UpsertAccountsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string platform,
        IReadOnlyList<FetchedAccount> fetched, CancellationToken ct)
    {
        var accounts = Dedupe(fetched, a => a.PlatformId);
        if (accounts.Count == 0)
        {
            return [];
        }
        var rows = await connection.QueryAsync<AccountRow>(new CommandDefinition(UpsertAccountsSql, new
        {
            Platform = platform,
            PlatformIds = accounts.Select(a => StoredText.Clean(a.PlatformId)).ToArray(),
            Handles = accounts.Select(a => StoredText.Clean(a.Handle)).ToArray(),
            Names = accounts.Select(a => StoredText.Clean(a.DisplayName)).ToArray(),
            Bios = accounts.Select(a => StoredText.Clean(a.Bio)).ToArray(),
            AvatarUrls = accounts.Select(a => StoredText.CleanOrNull(a.AvatarUrl)).ToArray(),
            CreatedAts = accounts.Select(a => a.CreatedAt?.UtcDateTime).ToArray(),
            Raws = accounts.Select(a => StoredText.CleanJson(a.RawJson)).ToArray(),
        }, tx, cancellationToken: ct));
        var byId = accounts.ToDictionary(a => StoredText.Clean(a.PlatformId), StringComparer.Ordinal);
        return rows.Select(r => new UpsertedAccount(r.Id, r.PlatformId, r.IsNew, r.ProfileChanged, byId[r.PlatformId])).ToList();
    }

    /// <summary>A page may carry the same item twice (an author of several posts); one upsert
    /// statement may not touch a row twice, so the last copy wins.</summary>
    private static List<T> Dedupe<T>(IReadOnlyList<T> items, Func<T, string> key)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<T>(items.Count);
        foreach (var item in items)
        {
            var k = StoredText.Clean(key(item));
            if (seen.TryGetValue(k, out var index))
            {
                result[index] = item;
            }
            else
            {
                seen[k] = result.Count;
                result.Add(item);
            }
        }
        return result;
    }
}
