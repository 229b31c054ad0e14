using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace SocialWatch.Connectors.Resilience;

/// <summary>The one resilience pipeline each platform client gets: total timeout, retry with jittered
/// exponential back-off that honours the platform's rate-limit headers, circuit breaker, attempt timeout.</summary>
public static class PlatformResilience
{
    public static IHttpClientBuilder AddPlatformResilience(this IHttpClientBuilder builder)
    {
        builder.AddResilienceHandler(builder.Name, static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<ResilienceOptions>>().Value;
            var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;

            pipeline.AddTimeout(options.TotalTimeout);
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && ShouldRetry(args.Outcome, options, time)),
                DelayGenerator = args =>
                {
                    var wait = args.Outcome.Result is { } response ? RateLimitHeaders.RequestedWait(response, time.GetUtcNow()) : null;
                    // A little jitter on top of the platform's reset time, so that several workers do
                    // not all come back in the same millisecond.
                    return ValueTask.FromResult(wait is { } w ? w + TimeSpan.FromMilliseconds(Random.Shared.Next(50, 500)) : (TimeSpan?)null);
                },
            });
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.8,
                MinimumThroughput = 5,
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(0.5, options.AttemptTimeout.TotalSeconds * 3)),
                BreakDuration = options.BreakDuration,
                // 429s are the platform pacing us, not failing: the retry handles them.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException or TimeoutRejectedException } => true,
                    { Result.StatusCode: var s } => (int)s >= 500,
                    _ => false,
                }),
            });
            pipeline.AddTimeout(options.AttemptTimeout);
        });
        return builder;
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceOptions options, TimeProvider time)
    {
        if (outcome.Exception is HttpRequestException or TimeoutRejectedException)
        {
            return true;
        }
        if (outcome.Exception is not null || outcome.Result is not { } response)
        {
            return false;
        }
        if (!RateLimitHeaders.IsTransient(response.StatusCode))
        {
            return false;
        }
        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
        {
            // A wait longer than we are willing to hold a worker thread for fails the poll instead;
            // the caller records "rate limited until …" and the source is skipped until then.
            var wait = RateLimitHeaders.RequestedWait(response, time.GetUtcNow());
            return wait is null || wait <= options.MaxRateLimitWait;
        }
        return true;
    }

    /// <summary>Turns what the pipeline throws into the connector's own error, with a message an operator can act on.</summary>
    public static ConnectorException Describe(Exception exception, string platform, string source) => exception switch
    {
        ConnectorException known => known,
        BrokenCircuitException => new ConnectorException(ConnectorFailure.Unavailable,
            $"{platform} is failing repeatedly; calls are paused for a while (source '{source}')", exception),
        TimeoutRejectedException => new ConnectorException(ConnectorFailure.Unavailable,
            $"{platform} did not answer in time (source '{source}')", exception),
        HttpRequestException http when http.Message.Contains("buffer", StringComparison.OrdinalIgnoreCase) =>
            new ConnectorException(ConnectorFailure.BadResponse,
                $"{platform} sent a response larger than the configured limit (source '{source}')", exception),
        HttpRequestException http => new ConnectorException(ConnectorFailure.Unavailable,
            $"{platform} could not be reached: {http.Message} (source '{source}')", exception),
        _ => new ConnectorException(ConnectorFailure.Unavailable, $"{platform} call failed: {exception.Message} (source '{source}')", exception),
    };
}
