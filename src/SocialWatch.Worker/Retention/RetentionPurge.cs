using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialWatch.Rules;

namespace SocialWatch.Worker.Retention;

/// <summary>What one purge deleted.</summary>
internal sealed record PurgeCounts(int ResolvedFlags, int Posts, int Accounts);

/// <summary>
/// Deletes what SocialWatch no longer needs: closed flags after their retention period, then posts
/// never flagged (neither they nor their author) after theirs, then accounts that were never flagged and have no posts left. Posts of
/// the council's official accounts are kept: they are the council's own public statements, which the
/// misrepresentation rule compares claims against. Open or acknowledged flags, and the posts and
/// accounts they point at, are never deleted. Edits and profile history go with their post or account.
/// </summary>
internal sealed partial class RetentionPurge(NpgsqlDataSource db, IOptions<RetentionOptions> options, IOptions<WatchOptions> watch, ILogger<RetentionPurge> logger)
{
    private const string DeleteResolvedFlagsSql = """
        DELETE FROM flags
        WHERE status IN ('actioned', 'dismissed') AND reviewed_at < now() - make_interval(days => @ResolvedFlagDays)
        """;

    private const string DeleteUnflaggedPostsSql = """
        DELETE FROM posts p
        WHERE p.fetched_at < now() - make_interval(days => @UnflaggedDays)
          -- A flag on the post or on its author keeps it: an impersonator's posts are evidence too.
          AND NOT EXISTS (SELECT 1 FROM flags f WHERE f.account_id = p.account_id)
          AND NOT EXISTS (SELECT 1 FROM accounts a JOIN unnest(@KeptPlatforms::text[], @KeptIds::text[]) AS k(platform, platform_id)
                              ON a.platform = k.platform AND a.platform_id = k.platform_id
                          WHERE a.id = p.account_id)
        """;

    private const string DeleteUnflaggedAccountsSql = """
        DELETE FROM accounts a
        WHERE a.last_seen_at < now() - make_interval(days => @UnflaggedDays)
          AND NOT EXISTS (SELECT 1 FROM unnest(@KeptPlatforms::text[], @KeptIds::text[]) AS k(platform, platform_id)
                          WHERE a.platform = k.platform AND a.platform_id = k.platform_id)
          AND NOT EXISTS (SELECT 1 FROM flags f WHERE f.account_id = a.id)
          AND NOT EXISTS (SELECT 1 FROM posts p WHERE p.account_id = a.id)
        """;

    public async Task<PurgeCounts> PurgeAsync(CancellationToken ct)
    {
        var settings = options.Value;
        // Official and registered staff accounts are the watch list itself, not incidental personal data.
        var kept = watch.Value.OfficialAccounts.Select(a => (a.Platform, a.Id))
            .Concat(watch.Value.StaffAccounts.Select(a => (a.Platform, a.Id)))
            .ToArray();
        var officialOnly = watch.Value.OfficialAccounts.Select(a => (a.Platform, a.Id)).ToArray();
        var args = new { settings.UnflaggedDays, settings.ResolvedFlagDays };

        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var flags = await connection.ExecuteAsync(new CommandDefinition(DeleteResolvedFlagsSql, args, tx, cancellationToken: ct));
        var posts = await connection.ExecuteAsync(new CommandDefinition(DeleteUnflaggedPostsSql,
            new { settings.UnflaggedDays, KeptPlatforms = officialOnly.Select(k => k.Platform).ToArray(), KeptIds = officialOnly.Select(k => k.Id).ToArray() }, tx, cancellationToken: ct));
        var accounts = await connection.ExecuteAsync(new CommandDefinition(DeleteUnflaggedAccountsSql,
            new { settings.UnflaggedDays, KeptPlatforms = kept.Select(k => k.Platform).ToArray(), KeptIds = kept.Select(k => k.Id).ToArray() }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);

        LogPurged(logger, flags, posts, accounts, settings.UnflaggedDays, settings.ResolvedFlagDays);
        return new PurgeCounts(flags, posts, accounts);
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Information,
        Message = "Retention purge: deleted {Flags} closed flag(s) older than {ResolvedFlagDays} days, {Posts} unflagged post(s) and {Accounts} unflagged account(s) older than {UnflaggedDays} days")]
    private static partial void LogPurged(ILogger logger, int flags, int posts, int accounts, int unflaggedDays, int resolvedFlagDays);
}
