using Microsoft.Extensions.Logging;

namespace SocialWatch.Connectors;

/// <summary>The connectors' log events (source-generated; ids 3100-3199 are the connectors').
/// Failures are not logged here: they are thrown as ConnectorException and the worker records them.</summary>
internal static partial class ConnectorLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Bluesky: signed in as {Handle} for post search")]
    public static partial void BlueskySignedIn(ILogger logger, string handle);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Debug, Message = "Bluesky: session refreshed")]
    public static partial void BlueskyRefreshed(ILogger logger);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Warning, Message = "Facebook: usage at {Percent:0}% of the limit on source {Source}; polling paused until {RetryAfter:u}")]
    public static partial void FacebookUsageHigh(ILogger logger, double percent, string source, DateTimeOffset retryAfter);

    [LoggerMessage(EventId = 3121, Level = LogLevel.Information, Message = "Mastodon: {Edited} edited and {Deleted} deleted statuses found on source {Source}")]
    public static partial void MastodonChanges(ILogger logger, int edited, int deleted, string source);

    [LoggerMessage(EventId = 3122, Level = LogLevel.Warning, Message = "Mastodon: {Remaining} calls left in the rate-limit window on source {Source}; paging paused until {RetryAfter:u}")]
    public static partial void MastodonNearLimit(ILogger logger, int remaining, string source, DateTimeOffset retryAfter);

    [LoggerMessage(EventId = 3131, Level = LogLevel.Debug, Message = "RSS: feed {Feed} unchanged (304) on source {Source}")]
    public static partial void RssNotModified(ILogger logger, string feed, string source);
}
