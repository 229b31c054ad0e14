using Npgsql;
using NpgsqlTypes;
using SocialWatch.Connectors;
using SocialWatch.Worker.Storage;

namespace SocialWatch.Worker.Ingestion;

/// <summary>Writes one fetched page in one round trip: its accounts and posts are sent as parameter
/// arrays and merged into the real tables by two prepared set-based statements (new rows inserted, real
/// profile changes and post edits kept as history, deletions marked, the cursor advanced). Runs inside
/// the caller's transaction so the page, its flags and the source's cursor commit together. Nothing is
/// staged in a table, so concurrent pages from several connections share nothing but the real tables.</summary>
internal static class PostStore
{
    /// <summary>An account that is new or whose profile changed, so the rules look at it again.</summary>
    internal sealed record StoredAccount(long Id, FetchedAccount Account, bool IsNew);

    /// <summary>A post that is new or whose text changed.</summary>
    internal sealed record StoredPost(long Id, long AccountId, FetchedPost Post, bool IsNew);

    internal sealed record StoredPage(IReadOnlyList<StoredAccount> Accounts, IReadOnlyList<StoredPost> Posts, int Deleted);

    // Authors we have no profile for (a page without includes) come in as accounts that carry no
    // field (StoreAsync adds them): a placeholder keeps their posts, and the next page or sweep that
    // carries the profile fills it in. `differs`: the fields this fetch carried whose value is not the stored one. Only a
    // field some earlier fetch also carried (known_fields) is a change of profile worth a history row;
    // a field seen for the first time fills in a placeholder. The history CTE reads the old profile
    // from the statement's snapshot, before the upsert overwrites it. An account that is known,
    // unchanged and seen within the hour is not touched at all (no dead row, no index churn): most
    // authors on a page.
    private const string UpsertAccountsSql = """
        WITH incoming AS (
            SELECT * FROM unnest(@PlatformIds::text[], @Handles::text[], @Names::text[], @Bios::text[], @AvatarUrls::text[],
                                 @Carries::integer[], @CreatedAts::timestamptz[], @Raws::text[])
                AS i(platform_id, handle, display_name, bio, avatar_url, carries, platform_created_at, raw)
        ),
        matched AS (
            SELECT i.platform_id, i.handle, i.display_name, i.bio, i.avatar_url, i.carries, i.platform_created_at, i.raw,
                   a.id AS account_id, a.known_fields::integer AS known, a.last_seen_at,
                   a.handle AS old_handle, a.display_name AS old_name, a.bio AS old_bio, a.avatar_url AS old_avatar,
                   i.carries & (CASE WHEN i.handle IS DISTINCT FROM a.handle THEN 1 ELSE 0 END
                              | CASE WHEN i.display_name IS DISTINCT FROM a.display_name THEN 2 ELSE 0 END
                              | CASE WHEN i.bio IS DISTINCT FROM a.bio THEN 4 ELSE 0 END
                              | CASE WHEN i.avatar_url IS DISTINCT FROM a.avatar_url THEN 8 ELSE 0 END) AS differs
            FROM incoming i
            LEFT JOIN accounts a ON a.platform = @Platform AND a.platform_id = i.platform_id
        ),
        history AS (
            INSERT INTO account_history (account_id, handle, display_name, bio, avatar_url)
            SELECT account_id, old_handle, old_name, old_bio, old_avatar
            FROM matched
            WHERE account_id IS NOT NULL AND differs & known <> 0
        ),
        upserted AS (
            INSERT INTO accounts AS a (platform, platform_id, handle, display_name, bio, avatar_url, platform_created_at, raw, known_fields)
            SELECT @Platform, platform_id, COALESCE(handle, platform_id), COALESCE(display_name, ''), COALESCE(bio, ''),
                   avatar_url, platform_created_at, raw::jsonb, carries
            FROM matched
            WHERE account_id IS NULL OR differs <> 0 OR carries & ~known <> 0 OR last_seen_at < now() - interval '1 hour'
            ORDER BY platform_id
            ON CONFLICT (platform, platform_id) DO UPDATE SET
                handle = CASE WHEN excluded.known_fields & 1 <> 0 THEN excluded.handle ELSE a.handle END,
                display_name = CASE WHEN excluded.known_fields & 2 <> 0 THEN excluded.display_name ELSE a.display_name END,
                bio = CASE WHEN excluded.known_fields & 4 <> 0 THEN excluded.bio ELSE a.bio END,
                avatar_url = CASE WHEN excluded.known_fields & 8 <> 0 THEN excluded.avatar_url ELSE a.avatar_url END,
                avatar_attempts = CASE WHEN excluded.known_fields & 8 <> 0 AND a.avatar_url IS DISTINCT FROM excluded.avatar_url
                                       THEN 0 ELSE a.avatar_attempts END,
                platform_created_at = COALESCE(excluded.platform_created_at, a.platform_created_at),
                -- A partial author's payload does not replace a fuller one.
                raw = CASE WHEN excluded.known_fields = 15 OR a.raw IS NULL THEN excluded.raw ELSE a.raw END,
                known_fields = a.known_fields | excluded.known_fields,
                last_seen_at = now()
            RETURNING a.id, a.platform_id, (a.xmax = 0) AS is_new
        )
        SELECT u.id, u.platform_id, u.is_new, COALESCE(m.differs <> 0, false) AS profile_changed
        FROM upserted u JOIN matched m ON m.platform_id = u.platform_id
        WHERE m.carries <> 0
        """;

    // Only a post that is new or whose text changed goes further than `incoming`. A post the statement's
    // snapshot does not hold is inserted plainly: no speculative insertion, no second probe of the
    // unique index, which is what an `ON CONFLICT` insert costs for every row (most of a page is new).
    // A known post whose text changed goes through `ON CONFLICT DO UPDATE`, and its old text to
    // post_versions. If another connection stores one of the page's new posts first, the plain insert
    // fails on the unique key: StoreAsync then rolls the page back to its savepoint and sends it again
    // with @AllThroughConflictCheck, every post through the conflict check, which cannot fail so.
    // Both inserts take their rows in key order, so concurrent pages (several workers, overlapping
    // sources) that share posts wait for each other instead of deadlocking. The cursor moves in the
    // same statement, counting new posts.
    private const string UpsertPostsSql = """
        WITH incoming AS (
            SELECT s.platform_id, a.id AS account_id, s.text, s.url, s.in_reply_to, s.created_at, s.raw,
                   p.id AS old_id, p.text AS old_text, p.raw AS old_raw
            FROM unnest(@PlatformIds::text[], @AuthorIds::text[], @Texts::text[], @Urls::text[], @InReplyTos::text[],
                        @CreatedAts::timestamptz[], @Raws::jsonb[])
                AS s(platform_id, author_platform_id, text, url, in_reply_to, created_at, raw)
            JOIN accounts a ON a.platform = @Platform AND a.platform_id = s.author_platform_id
            LEFT JOIN posts p ON p.platform = @Platform AND p.platform_id = s.platform_id
            WHERE p.id IS NULL OR p.text IS DISTINCT FROM s.text
        ),
        inserted AS (
            INSERT INTO posts (platform, platform_id, account_id, source_id, text, url, in_reply_to, created_at, raw)
            SELECT @Platform, platform_id, account_id, @SourceId, text, url, in_reply_to, created_at, raw FROM incoming
            WHERE old_id IS NULL AND NOT @AllThroughConflictCheck
            ORDER BY platform_id
            RETURNING id, platform_id, account_id, true AS is_new
        ),
        merged AS (
            INSERT INTO posts AS p (platform, platform_id, account_id, source_id, text, url, in_reply_to, created_at, raw)
            SELECT @Platform, platform_id, account_id, @SourceId, text, url, in_reply_to, created_at, raw FROM incoming
            WHERE old_id IS NOT NULL OR @AllThroughConflictCheck
            ORDER BY platform_id
            ON CONFLICT (platform, platform_id) DO UPDATE SET
                text = excluded.text, url = excluded.url, raw = excluded.raw, updated_at = now(), deleted_at = NULL
            WHERE p.text IS DISTINCT FROM excluded.text
            RETURNING p.id, p.platform_id, p.account_id, (p.xmax = 0) AS is_new
        ),
        stored AS (
            SELECT * FROM inserted UNION ALL SELECT * FROM merged
        ),
        versions AS (
            INSERT INTO post_versions (post_id, text, raw)
            SELECT i.old_id, i.old_text, i.old_raw FROM incoming i JOIN merged m ON m.id = i.old_id
        ),
        cursor AS (
            UPDATE source_cursors SET position = @Position, posts_stored = posts_stored + (SELECT count(*) FROM stored WHERE is_new)
            WHERE source_id = @SourceId
        )
        SELECT id, platform_id, account_id, is_new FROM stored
        """;

    private const string MarkDeletedSql = """
        UPDATE posts SET deleted_at = now()
        WHERE platform = @Platform AND platform_id = ANY(@PlatformIds) AND deleted_at IS NULL
        """;

    private const string PageSavepoint = "store_page";

    public static async Task<StoredPage> StoreAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long sourceId, string platform, FetchedPage page, CancellationToken ct)
    {
        // The same account twice in a page (a post's author and a look-up): the copy that carries
        // more of the profile wins, so a partial author never hides the full profile beside it.
        var accounts = Dedupe(page.Accounts, a => a.PlatformId, (kept, next) => (kept.Carries & ~next.Carries) == 0);
        var posts = Dedupe(page.Posts, p => p.PlatformId, (_, _) => true);
        var fetchedAccounts = accounts.ToDictionary(a => StoredText.Clean(a.PlatformId), StringComparer.Ordinal);
        var fetchedPosts = posts.ToDictionary(p => StoredText.Clean(p.PlatformId), StringComparer.Ordinal);

        try
        {
            return await SendAsync(allThroughConflictCheck: false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.TableName == "posts")
        {
            // Another connection stored one of this page's new posts after our statement's snapshot
            // was taken: undo the page and send it again, every post through the conflict check.
            await tx.RollbackAsync(PageSavepoint, ct);
            return await SendAsync(allThroughConflictCheck: true);
        }

        // One round trip for the whole page: a savepoint, then the statements in order, each seeing the
        // ones before. Prepared once per physical connection (Npgsql keeps them across pooled opens), so a
        // page costs no planning after the first few.
        async Task<StoredPage> SendAsync(bool allThroughConflictCheck)
        {
            await using var batch = new NpgsqlBatch(connection, tx);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SAVEPOINT " + PageSavepoint));
            batch.BatchCommands.Add(UpsertAccounts(platform, accounts, posts, fetchedAccounts));
            batch.BatchCommands.Add(UpsertPosts(platform, sourceId, page.Cursor, posts, allThroughConflictCheck));
            var gone = page.DeletedPostIds is { Count: > 0 } deletedIds ? deletedIds.Select(StoredText.Clean).ToArray() : null;
            if (gone is not null)
            {
                var markDeleted = new NpgsqlBatchCommand(MarkDeletedSql);
                markDeleted.Parameters.Add(new NpgsqlParameter<string>("Platform", NpgsqlDbType.Text) { TypedValue = platform });
                markDeleted.Parameters.Add(new NpgsqlParameter<string[]>("PlatformIds", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = gone });
                batch.BatchCommands.Add(markDeleted);
            }
            await batch.PrepareAsync(ct);

            var storedAccounts = new List<StoredAccount>();
            var storedPosts = new List<StoredPost>();
            await using (var reader = await batch.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var (isNew, changed) = (reader.GetBoolean(2), reader.GetBoolean(3));
                    if (isNew || changed)
                    {
                        storedAccounts.Add(new StoredAccount(reader.GetInt64(0), fetchedAccounts[reader.GetString(1)], isNew));
                    }
                }
                await reader.NextResultAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    storedPosts.Add(new StoredPost(reader.GetInt64(0), reader.GetInt64(2), fetchedPosts[reader.GetString(1)], reader.GetBoolean(3)));
                }
            }
            var deleted = gone is null ? 0 : batch.BatchCommands[^1].RecordsAffected;
            return new StoredPage(storedAccounts, storedPosts, deleted);
        }
    }

    /// <summary>The page's accounts, then a placeholder for each author without a profile in the page.
    /// A field the fetch did not carry is sent as NULL: the merge keeps the stored value.</summary>
    private static NpgsqlBatchCommand UpsertAccounts(string platform, List<FetchedAccount> accounts, List<FetchedPost> posts, Dictionary<string, FetchedAccount> fetched)
    {
        var authorsWithoutProfile = posts.Select(p => StoredText.Clean(p.AuthorPlatformId)).Where(id => !fetched.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        var count = accounts.Count + authorsWithoutProfile.Count;
        var (ids, handles, names, bios, avatars) = (new string[count], new string?[count], new string?[count], new string?[count], new string?[count]);
        var (carries, created, raws) = (new int[count], new DateTime?[count], new string?[count]);
        for (var i = 0; i < accounts.Count; i++)
        {
            var account = accounts[i];
            var carried = account.Carries;
            ids[i] = StoredText.Clean(account.PlatformId);
            handles[i] = carried.HasFlag(ProfileFields.Handle) ? StoredText.Clean(account.Handle) : null;
            names[i] = carried.HasFlag(ProfileFields.DisplayName) ? StoredText.Clean(account.DisplayName) : null;
            bios[i] = carried.HasFlag(ProfileFields.Bio) ? StoredText.Clean(account.Bio) : null;
            avatars[i] = carried.HasFlag(ProfileFields.Avatar) ? StoredText.CleanOrNull(account.AvatarUrl) : null;
            carries[i] = (int)carried;
            created[i] = account.CreatedAt?.UtcDateTime;
            raws[i] = StoredText.CleanJson(account.RawJson);
        }
        for (var i = 0; i < authorsWithoutProfile.Count; i++)
        {
            ids[accounts.Count + i] = authorsWithoutProfile[i];
        }

        var command = new NpgsqlBatchCommand(UpsertAccountsSql);
        command.Parameters.Add(new NpgsqlParameter<string>("Platform", NpgsqlDbType.Text) { TypedValue = platform });
        command.Parameters.Add(TextArray("PlatformIds", ids));
        command.Parameters.Add(TextArray("Handles", handles));
        command.Parameters.Add(TextArray("Names", names));
        command.Parameters.Add(TextArray("Bios", bios));
        command.Parameters.Add(TextArray("AvatarUrls", avatars));
        command.Parameters.Add(new NpgsqlParameter<int[]>("Carries", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = carries });
        command.Parameters.Add(new NpgsqlParameter<DateTime?[]>("CreatedAts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = created });
        // As text: most authors on a page are known and unchanged, and their payload is never parsed.
        command.Parameters.Add(TextArray("Raws", raws));
        return command;
    }

    private static NpgsqlBatchCommand UpsertPosts(string platform, long sourceId, string? cursor, List<FetchedPost> posts, bool allThroughConflictCheck)
    {
        var count = posts.Count;
        var (ids, authors, texts, urls, replyTos) = (new string[count], new string[count], new string[count], new string?[count], new string?[count]);
        var (created, raws) = (new DateTime[count], new string[count]);
        for (var i = 0; i < count; i++)
        {
            var post = posts[i];
            ids[i] = StoredText.Clean(post.PlatformId);
            authors[i] = StoredText.Clean(post.AuthorPlatformId);
            texts[i] = StoredText.Clean(post.Text);
            urls[i] = StoredText.CleanOrNull(post.Url);
            replyTos[i] = StoredText.CleanOrNull(post.InReplyTo);
            created[i] = post.CreatedAt.UtcDateTime;
            raws[i] = StoredText.CleanJson(post.RawJson);
        }

        var command = new NpgsqlBatchCommand(UpsertPostsSql);
        command.Parameters.Add(new NpgsqlParameter<string>("Platform", NpgsqlDbType.Text) { TypedValue = platform });
        command.Parameters.Add(new NpgsqlParameter<long>("SourceId", NpgsqlDbType.Bigint) { TypedValue = sourceId });
        command.Parameters.Add(new NpgsqlParameter<bool>("AllThroughConflictCheck", NpgsqlDbType.Boolean) { TypedValue = allThroughConflictCheck });
        command.Parameters.Add(new NpgsqlParameter("Position", NpgsqlDbType.Text) { Value = (object?)StoredText.CleanOrNull(cursor) ?? DBNull.Value });
        command.Parameters.Add(TextArray("PlatformIds", ids));
        command.Parameters.Add(TextArray("AuthorIds", authors));
        command.Parameters.Add(TextArray("Texts", texts));
        command.Parameters.Add(TextArray("Urls", urls));
        command.Parameters.Add(TextArray("InReplyTos", replyTos));
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("CreatedAts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = created });
        command.Parameters.Add(new NpgsqlParameter<string[]>("Raws", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { TypedValue = raws });
        return command;
    }

    private static NpgsqlParameter<string?[]> TextArray(string name, string?[] values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = values };

    /// <summary>A page may carry the same item twice (an author of several posts); one upsert
    /// statement may not touch a row twice, so one copy is kept: a later one when
    /// <paramref name="replaces"/> says so.</summary>
    private static List<T> Dedupe<T>(IReadOnlyList<T> items, Func<T, string> key, Func<T, T, bool> replaces)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<T>(items.Count);
        foreach (var item in items)
        {
            var k = StoredText.Clean(key(item));
            if (seen.TryGetValue(k, out var index))
            {
                if (replaces(result[index], item))
                {
                    result[index] = item;
                }
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
