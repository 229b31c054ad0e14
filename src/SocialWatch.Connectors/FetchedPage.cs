namespace SocialWatch.Connectors;

/// <summary>An account as a platform describes it, normalised across platforms.</summary>
public sealed record FetchedAccount(
    string Platform,
    string PlatformId,
    string Handle,
    string DisplayName,
    string Bio,
    string? AvatarUrl,
    DateTimeOffset? CreatedAt,
    string RawJson);

/// <summary>A post as a platform describes it, normalised across platforms.</summary>
public sealed record FetchedPost(
    string Platform,
    string PlatformId,
    string AuthorPlatformId,
    string Text,
    string? Url,
    DateTimeOffset CreatedAt,
    string? InReplyTo,
    string RawJson);

/// <summary>
/// One page of what is new for a source, and the cursor to store once the page is stored.
/// Ingestion stores the page and the cursor in one transaction, so a crash between pages
/// resumes after the last stored page: nothing lost, nothing read twice.
/// </summary>
public sealed record FetchedPage(
    IReadOnlyList<FetchedPost> Posts,
    IReadOnlyList<FetchedAccount> Accounts,
    string? Cursor,
    IReadOnlyList<string>? DeletedPostIds = null);

/// <summary>A platform connector: reads what is new for one source since its cursor.</summary>
public interface ISourceConnector
{
    /// <summary>The platform name this connector serves (x, facebook, bluesky, mastodon, rss).</summary>
    string Platform { get; }

    /// <summary>Pages of new posts and accounts since <paramref name="cursor"/>, oldest page last.
    /// Throws <see cref="ConnectorException"/> with a clear message when the platform fails.</summary>
    IAsyncEnumerable<FetchedPage> FetchAsync(SourceSpec source, string? cursor, CancellationToken cancellationToken);
}
