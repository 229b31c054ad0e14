using Microsoft.Extensions.Logging;

namespace SocialWatch.Worker.Logging;

/// <summary>
/// The logger factory of the process, passing everything through except one thing: an entry from
/// Quartz whose exception is a lost or refused database connection goes out at Debug. While PostgreSQL
/// was down for a minute, Quartz's retries and cluster manager wrote 20 errors with 1,082 stack frames
/// between them (171 KiB) and said nothing an operator could act on; <see cref="DatabaseWatch"/> says
/// that in one line instead. Entries from Quartz with any other exception keep their level and stack.
/// </summary>
internal sealed class QuietDatabaseNoise(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName.StartsWith("Quartz", StringComparison.Ordinal) ? new Demoting(logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class Demoting(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null && logLevel > LogLevel.Debug && DatabaseTrouble.IsConnectionFailure(exception))
            {
                // Through the real logger again, so its Debug filter decides whether this is written.
                if (inner.IsEnabled(LogLevel.Debug))
                {
                    inner.Log(LogLevel.Debug, eventId, state, exception, formatter);
                }
                return;
            }
            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
