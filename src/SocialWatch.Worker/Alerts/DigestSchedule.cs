using Quartz;

namespace SocialWatch.Worker.Alerts;

/// <summary>
/// The digest's due times ("slots"), read from Alerts:DigestCron in Alerts:DigestTimeZone, so "08:00"
/// stays 08:00 in London across the clock changes. The alert job asks for the latest slot at or before
/// now on every run instead of relying on a trigger firing at that moment: a worker that was down at
/// 08:00 still sends that morning's digest when it comes back, and the slot's row in alert_digests
/// makes it happen once.
/// </summary>
internal static class DigestSchedule
{
    // Slots further back than this are not looked for: a digest cron should fire at least weekly.
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(8);

    public static DateTimeOffset? LatestSlot(string cron, TimeZoneInfo zone, DateTimeOffset now)
    {
        var expression = new CronExpression(cron, zone);
        DateTimeOffset? latest = null;
        var next = expression.GetNextValidTimeAfter(now - Lookback);
        for (var i = 0; next is { } slot && slot <= now && i < 100_000; i++)
        {
            latest = slot;
            next = expression.GetNextValidTimeAfter(slot);
        }
        return latest;
    }
}
