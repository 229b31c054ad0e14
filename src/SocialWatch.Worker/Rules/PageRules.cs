using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialWatch.Rules;
using SocialWatch.Worker.Alerts;
using SocialWatch.Worker.Ingestion;

namespace SocialWatch.Worker.Rules;

/// <summary>
/// The rules stage of ingestion: runs the classifier over the accounts and posts a page stored (new,
/// or changed since last seen) and writes each finding as a flag with its pending alert, inside the
/// page's transaction. A re-poll re-checks nothing unchanged, and the flags' unique indexes keep one
/// flag per (post or account, rule) even when an edit is checked again.
/// </summary>
internal sealed partial class PageRules(Classifier classifier, OfficialStatementsCache statements, IOptions<AlertsOptions> alerts, ILogger<PageRules> logger)
{
    private const string AuthorsSql = """
        SELECT id, platform, platform_id, handle, display_name, bio, avatar_hash
        FROM accounts WHERE id = ANY(@Ids)
        """;

    private sealed record AuthorRow(long Id, string Platform, string PlatformId, string Handle, string DisplayName, string Bio, long? AvatarHash)
    {
        public AccountInput ToInput() => new(Platform, PlatformId, Handle, DisplayName, Bio, AvatarHash is { } h ? unchecked((ulong)h) : null);
    }

    public async Task<int> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction tx, SourceOptions source, PostStore.StoredPage page, CancellationToken ct)
    {
        if (page.Accounts.Count == 0 && page.Posts.Count == 0)
        {
            return 0;
        }
        var ids = page.Accounts.Select(a => a.Id).Concat(page.Posts.Select(p => p.AccountId)).Distinct().ToArray();
        var authors = (await connection.QueryAsync<AuthorRow>(new CommandDefinition(AuthorsSql, new { Ids = ids }, tx, cancellationToken: ct)))
            .ToDictionary(a => a.Id);

        var written = 0;
        foreach (var account in page.Accounts)
        {
            if (authors.TryGetValue(account.Id, out var row))
            {
                written += await WriteAsync(connection, tx, classifier.CheckAccount(row.ToInput()), account.Id, null, ct);
            }
        }

        if (page.Posts.Count > 0)
        {
            // Top up first: an official post in this very page is a statement for the posts after it.
            var official = await statements.CurrentAsync(connection, tx, ct);
            foreach (var post in page.Posts.OrderBy(p => p.Post.CreatedAt))
            {
                var author = authors[post.AccountId].ToInput();
                var input = new PostInput(post.Post.Platform, post.Post.PlatformId, post.Post.Url, post.Post.CreatedAt, post.Post.Text, author, post.Post.InReplyTo);
                written += await WriteAsync(connection, tx, classifier.CheckPost(input, official), post.AccountId, post.Id, ct);
            }
        }
        if (written > 0)
        {
            LogFlagged(logger, written, source.Name);
        }
        return written;
    }

    private async Task<int> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<RuleFlag> flags, long accountId, long? postId, CancellationToken ct)
    {
        var written = 0;
        foreach (var flag in flags)
        {
            var id = await FlagStore.AddAsync(connection, tx,
                new NewFlag(flag.Rule, flag.Severity, flag.Score, flag.Evidence.ToJsonString(), flag.PolicyClause, accountId, postId), alerts.Value.DismissedSuppressionDays, ct);
            if (id is not null)
            {
                written++;
            }
        }
        return written;
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "{Count} new flag(s) from source {Source}")]
    private static partial void LogFlagged(ILogger logger, int count, string source);
}
