using System.Diagnostics;
using System.Globalization;
using SocialWatch.Fakes.X;
using SocialWatch.Worker;

namespace SocialWatch.Demo.Bench;

/// <summary>
/// The worker as a separate process (`socialwatch run`), as it runs in production: its start-up time
/// (process start to schedule in place), resident memory idle and while 50 sources receive new posts,
/// and how long a SIGTERM takes to stop it cleanly.
/// </summary>
internal static class FootprintBench
{
    public sealed record Result(int Sources, TimeSpan StartUp, long IdleRssBytes, long LoadedRssMaxBytes, long LoadedRssEndBytes, int PostsDuringLoad, TimeSpan SigtermExit);

    public static async Task<Result> RunAsync(string connectionString, int sources, TimeSpan load, CancellationToken ct)
    {
        await using var x = await XFake.StartAsync();
        var ids = Enumerable.Range(1, sources).Select(i => (3_100_000_000L + i).ToString(CultureInfo.InvariantCulture)).ToList();
        foreach (var id in ids)
        {
            x.AddUser(new XFakeUser(id, "user" + id, "Resident " + id));
        }
        var settings = PipelineBench.Settings(connectionString, x, ids.Select(id => ("src-" + id, "StaffAccount", id)), TimeSpan.FromSeconds(10));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "socialwatch.dll"));
        start.ArgumentList.Add("run");
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        start.Environment["Health__InstanceFile"] = Path.Combine(Path.GetTempPath(), "socialwatch-bench-instance");

        var clock = Stopwatch.StartNew();
        using var worker = Process.Start(start) ?? throw new InvalidOperationException("could not start the worker");
        var ready = new TaskCompletionSource();
        _ = Task.Run(async () =>
        {
            while (await worker.StandardOutput.ReadLineAsync(ct) is { } line)
            {
                if (line.Contains("Schedule in place", StringComparison.Ordinal))
                {
                    ready.TrySetResult();
                }
            }
        }, ct);
        _ = worker.StandardError.ReadToEndAsync(ct);
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(120), ct);
        var startUp = clock.Elapsed;

        await Task.Delay(TimeSpan.FromSeconds(20), ct);
        var idle = Rss(worker.Id);

        var posts = 0;
        long max = 0;
        var loadEnd = DateTimeOffset.UtcNow + load;
        var nextSample = DateTimeOffset.UtcNow;
        while (DateTimeOffset.UtcNow < loadEnd)
        {
            foreach (var id in ids)
            {
                x.Post(id, $"New post {posts++} from {id} about the roadworks on Elm Road");
            }
            if (DateTimeOffset.UtcNow >= nextSample)
            {
                max = Math.Max(max, Rss(worker.Id));
                nextSample = DateTimeOffset.UtcNow.AddSeconds(5);
            }
            await Task.Delay(1000, ct);
        }
        var end = Rss(worker.Id);
        max = Math.Max(max, end);

        var stopping = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", worker.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(ct);
        }
        await worker.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(60), ct);
        return new Result(sources, startUp, idle, max, end, posts, stopping.Elapsed);
    }

    /// <summary>Resident set size from /proc (Linux), in bytes.</summary>
    private static long Rss(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kb * 1024;
    }
}
