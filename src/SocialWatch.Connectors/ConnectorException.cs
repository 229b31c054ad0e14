namespace SocialWatch.Connectors;

/// <summary>Why a platform call failed, in the terms an operator acts on.</summary>
public enum ConnectorFailure
{
    /// <summary>The platform said slow down; <see cref="ConnectorException.RetryAfter"/> says until when.</summary>
    RateLimited,
    /// <summary>The token is missing, wrong or expired: a person must fix the configuration.</summary>
    Unauthorized,
    /// <summary>The platform answered with something we cannot read (malformed, truncated, too large).</summary>
    BadResponse,
    /// <summary>The platform did not answer, or answered with a server error, after retries.</summary>
    Unavailable,
    /// <summary>The source is configured in a way the platform cannot serve.</summary>
    Misconfigured,
}

/// <summary>A platform call failed. The message names the platform and source and never holds a secret.</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(ConnectorFailure failure, string message, Exception? inner = null, DateTimeOffset? retryAfter = null)
        : base(message, inner)
    {
        Failure = failure;
        RetryAfter = retryAfter;
    }

    public ConnectorFailure Failure { get; }

    /// <summary>When the platform will accept calls again, where it said so.</summary>
    public DateTimeOffset? RetryAfter { get; }
}
