namespace SocialWatch.Worker.Tests.Faults;

/// <summary>
/// How long and how often the fault suite hurts the system. CI runs the short versions so the whole
/// Worker.Tests project stays within a few minutes on two cores; SOCIALWATCH_LONG_FAULTS=1 runs the
/// issue's full versions (a 60 s database outage, 20 kills). The behaviour under test does not depend
/// on the length: an outage of 8 s already outlasts every connection attempt and open transaction.
/// </summary>
internal static class FaultScale
{
    public const string LongVariable = "SOCIALWATCH_LONG_FAULTS";

    public static bool Long => Environment.GetEnvironmentVariable(LongVariable) == "1";

    /// <summary>How long PostgreSQL stays down in the outage test.</summary>
    public static TimeSpan DatabaseOutage => TimeSpan.FromSeconds(Long ? 60 : 8);

    /// <summary>How many times the worker process is killed with SIGKILL mid-poll.</summary>
    public static int Kills => Long ? 20 : 4;

    /// <summary>Polls the condition every 200 ms until it holds or the time is up; returns whether it held.</summary>
    public static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(200);
        }
        return await condition();
    }
}
