using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SocialWatch.Fakes;

/// <summary>What a fake does to the next request instead of answering it properly.</summary>
public abstract record Fault
{
    /// <summary>HTTP 429 with the platform's reset headers.</summary>
    public sealed record RateLimited(TimeSpan ResetIn, string Body = """{"errors":[{"code":88,"message":"Rate limit exceeded"}]}""") : Fault;

    /// <summary>A server error status (500, 502, 503 …) with a small body.</summary>
    public sealed record Status(int Code, string Body = """{"title":"Service Unavailable"}""") : Fault;

    /// <summary>200 with a body that is not valid JSON (truncated or garbage).</summary>
    public sealed record Malformed(string Body = """{"data":[{"id":"1","text":"cut off""") : Fault;

    /// <summary>Wait this long before answering normally (to trip the client's timeout).</summary>
    public sealed record Stall(TimeSpan Delay) : Fault;

    /// <summary>Drop the connection without an answer.</summary>
    public sealed record ResetConnection : Fault;

    /// <summary>200 with a body of this many bytes (to check the client caps what it reads).</summary>
    public sealed record HugeBody(long Bytes) : Fault;
}

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, a free port) with a queue of faults to inject and a log
/// of every request it served. Platform fakes add their endpoints to it.
/// </summary>
public sealed class FakeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly ConcurrentQueue<string> _requests = new();

    private FakeServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Path and query of every request, in arrival order.</summary>
    public IReadOnlyList<string> Requests => _requests.ToArray();

    public void Inject(params Fault[] faults)
    {
        foreach (var fault in faults)
        {
            _faults.Enqueue(fault);
        }
    }

    public void ClearRequests() => _requests.Clear();

    public static async Task<FakeServer> StartAsync(Action<WebApplication> mapEndpoints, int port = 0, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.Limits.MinResponseDataRate = null;
        });
        var app = builder.Build();
        var server = new FakeServer(app);
        app.Use(server.ApplyFaultsAsync);
        mapEndpoints(app);
        await app.StartAsync(ct);
        var address = app.Urls.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    private int _inFlight;
    private int _maxInFlight;

    /// <summary>The most requests this server was ever answering at the same moment.</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref _maxInFlight);

    private async Task ApplyFaultsAsync(HttpContext context, RequestDelegate next)
    {
        _requests.Enqueue(context.Request.Path + context.Request.QueryString);
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }
        try
        {
            await AnswerAsync(context, next);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>A delay added to every answer (a slow platform).</summary>
    public TimeSpan ResponseDelay { get; set; }

    private async Task AnswerAsync(HttpContext context, RequestDelegate next)
    {
        if (ResponseDelay > TimeSpan.Zero)
        {
            await Task.Delay(ResponseDelay, context.RequestAborted);
        }
        if (!_faults.TryDequeue(out var fault))
        {
            await next(context);
            return;
        }
        var response = context.Response;
        switch (fault)
        {
            case Fault.RateLimited limited:
                var reset = DateTimeOffset.UtcNow.Add(limited.ResetIn);
                response.StatusCode = 429;
                response.Headers["x-rate-limit-limit"] = "450";
                response.Headers["x-rate-limit-remaining"] = "0";
                response.Headers["x-rate-limit-reset"] = reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.Headers["X-RateLimit-Reset"] = reset.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
                response.Headers.RetryAfter = Math.Max(0, (int)Math.Ceiling(limited.ResetIn.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                response.ContentType = "application/json";
                await response.WriteAsync(limited.Body);
                break;
            case Fault.Status status:
                response.StatusCode = status.Code;
                response.ContentType = "application/json";
                await response.WriteAsync(status.Body);
                break;
            case Fault.Malformed malformed:
                response.ContentType = "application/json";
                await response.WriteAsync(malformed.Body);
                break;
            case Fault.Stall stall:
                try
                {
                    await Task.Delay(stall.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                await next(context);
                break;
            case Fault.ResetConnection:
                context.Abort();
                break;
            case Fault.HugeBody huge:
                response.ContentType = "application/json";
                response.ContentLength = huge.Bytes;
                var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
                try
                {
                    for (long sent = 0; sent < huge.Bytes; sent += chunk.Length)
                    {
                        await response.Body.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, huge.Bytes - sent)), context.RequestAborted);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or IOException)
                {
                    // The client stopped reading, as it should.
                }
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
