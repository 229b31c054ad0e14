namespace SocialWatch.Connectors;

/// <summary>An account as a platform describes it, normalised across platforms. <paramref name="Carries"/>
/// says which profile fields the platform actually sent: the author embedded in a post is often a few
/// fields of the profile (a Facebook comment's author has an id and a name), and a field it did not
/// carry is unknown, not empty, so storage keeps what a fuller look-up stored.</summary>
public sealed record FetchedAccount(
    string Platform,
    string PlatformId,
    string Handle,
    string DisplayName,
    string Bio,
    string? AvatarUrl,
    DateTimeOffset? CreatedAt,
    string RawJson,
    ProfileFields Carries = ProfileFields.All);

/// <summary>The parts of a profile a fetched account carries (stored as a bit mask, so the values are fixed).</summary>
[Flags]
public enum ProfileFields
{
    None = 0,
    Handle = 1,
    DisplayName = 2,
    Bio = 4,
    Avatar = 8,
    All = Handle | DisplayName | Bio | Avatar,
}

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
