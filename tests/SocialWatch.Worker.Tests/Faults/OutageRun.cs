using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SocialWatch.Demo;
using SocialWatch.Fakes.X;
using SocialWatch.Worker.Storage;
using SocialWatch.Worker.Tests.Jobs;

namespace SocialWatch.Worker.Tests.Faults;

/// <summary>
/// One database outage seen from outside, shared by the tests that judge it: the real `socialwatch run`
/// as a process (JSON log lines on stdout, as Docker collects them) against a private PostgreSQL, polling
/// an X fake every <see cref="Interval"/>; once it has polled a few times the server is stopped for
/// <see cref="FaultScale.DatabaseOutage"/> and started again, and the run goes on until polling has
/// resumed. Keeps the worker's log lines and the times each poll reached the fake.
/// </summary>
public sealed class OutageRun : IAsyncLifetime
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan RemindEvery = TimeSpan.FromSeconds(3);
    public const string PollPath = "/2/users/" + TestHosts.OfficialXId + "/tweets";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "socialwatch-outage-log-" + Guid.NewGuid().ToString("N")[..8]);

    public int Port { get; private set; }
    public DateTime StoppedAt { get; private set; }
    public DateTime BackAt { get; private set; }
    /// <summary>Poll times on the clock's scale, and the outage on the same scale.</summary>
    public IReadOnlyList<TimeSpan> Polls { get; private set; } = [];
    public TimeSpan StoppedOnClock { get; private set; }
    public TimeSpan BackOnClock { get; private set; }
    public TimeSpan EndedOnClock { get; private set; }
    public IReadOnlyList<string> LogLines { get; private set; } = [];
    public string Timeline { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await using var pg = await PrivatePostgres.StartAsync(_root);
        Port = pg.Port;
        await pg.CreateDatabaseAsync("socialwatch");
        await using var x = await XFake.StartAsync();
        x.AddUser(new XFakeUser(TestHosts.OfficialXId, "LeighTownCouncil", "Leigh Town Council"));
        x.Post(TestHosts.OfficialXId, "Council notice");

        var settings = TestHosts.Settings(pg.ConnectionString("socialwatch")).WithXSource(x, every: "00:00:03");
        settings["Health:InstanceFile"] = Path.Combine(_root, "instance");
        settings["DatabaseWatch:CheckEvery"] = "00:00:01";
        settings["DatabaseWatch:RemindEvery"] = RemindEvery.ToString("c", CultureInfo.InvariantCulture);
        var timeline = new List<string>();
        var lines = new List<string>();
        await using var polls = new PollClock(x.Server);
        using var worker = WorkerProcess.Start(["run"], WorkerProcess.AsEnvironment(settings));
        var reading = Task.Run(async () =>
        {
            while (await worker.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }
            }
        });
        var errors = worker.StandardError.ReadToEndAsync();
        try
        {
            if (!await PollClock.WaitUntilAsync(() => polls.Polls(PollPath).Count >= 3, TimeSpan.FromSeconds(60)))
            {
                string seen;
                lock (lines)
                {
                    seen = string.Join('\n', lines.TakeLast(20));
                }
                throw new TimeoutException($"the worker did not poll three times before the outage ({polls.Polls(PollPath).Count} polls, exited: {worker.HasExited}):\n{seen}");
            }
            StoppedOnClock = polls.Now;
            StoppedAt = DateTime.UtcNow;
            await pg.StopAsync();
            timeline.Add($"{polls.Now.TotalSeconds:0.0}s PostgreSQL stopped");
            // The length of the fault itself, not a wait for something to happen.
            await Task.Delay(FaultScale.DatabaseOutage);
            await pg.StartServerAsync();
            BackOnClock = polls.Now;
            BackAt = DateTime.UtcNow;
            timeline.Add($"{polls.Now.TotalSeconds:0.0}s PostgreSQL started again");

            // Run on until three polls after the return and the "back" line, or a deadline.
            await PollClock.WaitUntilAsync(() =>
            {
                lock (lines)
                {
                    return polls.Polls(PollPath).Count(t => t > BackOnClock) >= 3 && lines.Any(l => l.Contains("\"EventId\":702", StringComparison.Ordinal));
                }
            }, TimeSpan.FromSeconds(40));
            EndedOnClock = polls.Now;
        }
        finally
        {
            using (var term = Process.Start("kill", ["-TERM", worker.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await worker.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                worker.Kill(entireProcessTree: true);
            }
            await reading;
            _ = await errors;
        }
        Polls = polls.Polls(PollPath);
        timeline.AddRange(Polls.Select(p => $"{p.TotalSeconds:0.0}s poll"));
        Timeline = string.Join('\n', timeline.OrderBy(l => double.Parse(l[..l.IndexOf('s', StringComparison.Ordinal)], CultureInfo.InvariantCulture)));
        LogLines = lines;
    }

    /// <summary>The worker's log entries (JSON lines) between two moments.</summary>
    public IReadOnlyList<JsonElement> Entries(DateTime from, DateTime to) =>
        LogLines.Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("Timestamp", out var t) && t.GetDateTime() is var at && at >= from && at <= to)
            .ToList();

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Under the temp folder; the OS cleans it.
        }
        return Task.CompletedTask;
    }
}
