using System.Net.Sockets;
using Npgsql;

namespace SocialWatch.Worker.Logging;

/// <summary>Tells a lost or refused database connection from other failures, and says in a few words
/// what went wrong.</summary>
internal static class DatabaseTrouble
{
    /// <summary>True when the exception, or one inside it, says the database could not be reached or the
    /// connection to it broke: what an outage looks like, as opposed to a bug or a bad statement.</summary>
    public static bool IsConnectionFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException p:
                    // 08: connection exceptions; 57P01-57P05: the server is shutting down, starting up
                    // or cannot take connections now. Any other server error is not an outage.
                    return p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal);
                case SocketException or EndOfStreamException or TimeoutException:
                    return true;
                case NpgsqlException n when n.IsTransient:
                    return true;
                case IOException when e.InnerException is null:
                    return true;
            }
        }
        return false;
    }

    /// <summary>The cause in a few words with the server's address, e.g. "connection refused
    /// (127.0.0.1:5432)".</summary>
    public static string Describe(Exception exception, string endpoint)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException s:
                    return s.SocketErrorCode switch
                    {
                        SocketError.ConnectionRefused => $"connection refused ({endpoint})",
                        SocketError.TimedOut => $"no answer ({endpoint})",
                        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"host not found ({endpoint})",
                        SocketError.NetworkUnreachable or SocketError.HostUnreachable => $"no route to the server ({endpoint})",
                        _ => $"{s.Message} ({endpoint})",
                    };
                case PostgresException p:
                    return $"{p.MessageText} ({p.SqlState}, {endpoint})";
                case TimeoutException:
                    return $"no answer within the connection timeout ({endpoint})";
                case EndOfStreamException:
                    return $"the server closed the connection ({endpoint})";
            }
        }
        return $"{exception.GetBaseException().Message} ({endpoint})";
    }
}
