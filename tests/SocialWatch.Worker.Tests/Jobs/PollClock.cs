using System.Diagnostics;
using SocialWatch.Fakes;

namespace SocialWatch.Worker.Tests.Jobs;

/// <summary>
/// When each poll of a source reached the platform fake: watches the fake's request log (every 20 ms,
/// so each time is known to within that) and keeps the arrival time of every request whose path starts
/// with one of the watched prefixes. The fake itself keeps no times.
/// </summary>
internal sealed class PollClock : IAsyncDisposable
{
    private readonly FakeServer _server;
    private readonly List<(string Path, TimeSpan At)> _seen = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;
    private int _count;

    public PollClock(FakeServer server)
    {
        _server = server;
        _count = server.Requests.Count;
        _watching = Task.Run(WatchAsync);
    }

    /// <summary>Time since the clock started, on the same scale as the poll times.</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Arrival times of the requests whose path starts with <paramref name="prefix"/>.</summary>
    public IReadOnlyList<TimeSpan> Polls(string prefix)
    {
        lock (_seen)
        {
            return _seen.Where(s => s.Path.StartsWith(prefix, StringComparison.Ordinal)).Select(s => s.At).ToList();
        }
    }

    /// <summary>Waits until the condition holds, checking every 50 ms; false if it did not hold in time.</summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > timeout)
            {
                return false;
            }
            await Task.Delay(50);
        }
        return true;
    }

    private async Task WatchAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var requests = _server.Requests;
            var at = _clock.Elapsed;
            lock (_seen)
            {
                for (; _count < requests.Count; _count++)
                {
                    _seen.Add((requests[_count], at));
                }
            }
            try
            {
                await Task.Delay(20, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        _stop.Dispose();
    }
}
