using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace SocialWatch.Worker.Tests.Faults;

/// <summary>
/// What an operator and the platforms see of a database outage (<see cref="OutageRun"/>): in the log, one
/// clear line when the database goes away, a few reminders, one line when it is back and no stack traces
/// from the scheduler's retries; on the platform, no burst of the polls missed meanwhile, and polling
/// again within one interval of the database's return.
/// </summary>
[Collection(HeavyProcesses.Name)]
public sealed class OutageAftermathTests(OutageRun run, ITestOutputHelper output) : IClassFixture<OutageRun>
{
    [Fact]
    public void An_outage_gives_one_clear_line_a_few_reminders_one_line_when_it_is_back_and_no_stack_traces()
    {
        var back = run.Entries(run.StoppedAt, DateTime.MaxValue).Where(e => EventId(e) == 702).ToList();
        var end = back.Count > 0 ? back[0].GetProperty("Timestamp").GetDateTime() : run.BackAt.AddSeconds(10);
        var during = run.Entries(run.StoppedAt, end);
        Report(during);

        var unreachable = during.Where(e => EventId(e) == 700).ToList();
        var reminders = during.Where(e => EventId(e) == 701).ToList();
        var single = Assert.Single(unreachable);
        Assert.Equal("Error", single.GetProperty("LogLevel").GetString());
        // The cause, with the address an operator would check.
        Assert.Contains($"127.0.0.1:{run.Port}", Message(single), StringComparison.Ordinal);
        var down = run.BackAt - run.StoppedAt;
        Assert.InRange(reminders.Count, down >= 3 * OutageRun.RemindEvery ? 1 : 0, (int)(down / OutageRun.RemindEvery) + 1);
        Assert.Single(back);
        Assert.Single(run.Entries(run.StoppedAt, DateTime.MaxValue), e => EventId(e) == 700);

        // Nothing at Information or above carries a stack trace from the scheduler's retries.
        var withStacks = during.Where(e => e.TryGetProperty("Exception", out _)).ToList();
        Assert.True(withStacks.Count == 0, "entries with a stack trace during the outage:\n" + string.Join('\n', withStacks.Select(e => e.GetRawText()[..Math.Min(400, e.GetRawText().Length)])));
    }

    [Fact]
    public void After_an_outage_polling_resumes_within_one_interval_and_the_missed_polls_do_not_fire_back_to_back()
    {
        output.WriteLine(run.Timeline);
        var after = run.Polls.Where(p => p > run.BackOnClock).ToList();
        Assert.True(after.Count >= 2, $"polling did not resume: {after.Count} poll(s) after the return");
        // Within one interval of the return, give or take the scheduler's one-second database retry
        // (Scheduler:DatabaseRetryInterval) and the watcher's 20 ms.
        Assert.InRange(after[0] - run.BackOnClock, TimeSpan.Zero, OutageRun.Interval + TimeSpan.FromSeconds(1.5));

        // At most once per interval from the last poll before the outage on: no burst of missed polls
        // (before the fix, 21 polls within 3 s after a 60 s outage) ...
        var fromLastBefore = run.Polls.Where(p => p < run.StoppedOnClock).TakeLast(1).Concat(after).ToList();
        var gaps = fromLastBefore.Zip(fromLastBefore.Skip(1), (a, b) => b - a).ToList();
        // (a request reaches the fake up to a second after its poll started on a busy machine, so a single
        // gap is judged loosely: no back-to-back polls).
        Assert.All(gaps, g => Assert.True(g >= OutageRun.Interval / 4, $"two polls {g.TotalSeconds:0.00}s apart"));
        // ... and no more polls after the return than intervals passed.
        var span = run.EndedOnClock - run.BackOnClock;
        Assert.True(after.Count <= span / OutageRun.Interval + 1, $"{after.Count} polls in {span.TotalSeconds:0.0}s");
    }

    private void Report(IReadOnlyList<JsonElement> entries)
    {
        var bytes = entries.Sum(e => Encoding.UTF8.GetByteCount(e.GetRawText()) + 1);
        var stacks = entries.Count(e => e.TryGetProperty("Exception", out _));
        var frames = entries.Where(e => e.TryGetProperty("Exception", out _))
            .Sum(e => e.GetProperty("Exception").GetString()!.Split('\n').Count(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal)));
        output.WriteLine($"outage of {(run.BackAt - run.StoppedAt).TotalSeconds:0.0}s: {entries.Count} log entries, {bytes} bytes, {stacks} with a stack trace ({frames} frames)");
        foreach (var e in entries)
        {
            output.WriteLine($"  {e.GetProperty("LogLevel").GetString()} {e.GetProperty("Category").GetString()} {EventId(e)}: {Message(e)}");
        }
    }

    private static int EventId(JsonElement entry) => entry.TryGetProperty("EventId", out var id) ? id.GetInt32() : 0;

    private static string Message(JsonElement entry) => entry.GetProperty("Message").GetString() ?? "";
}
