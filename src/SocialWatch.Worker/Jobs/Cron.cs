using Quartz;

namespace SocialWatch.Worker.Jobs;

internal static class Cron
{
    /// <summary>True when Quartz accepts the expression (seconds first: "0 30 3 * * ?").</summary>
    public static bool IsValid(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return false;
        }
        try
        {
            _ = new CronExpression(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The gap after the expression's next fire (a day when it fires at most once more).</summary>
    public static TimeSpan Interval(string expression)
    {
        var cron = new CronExpression(expression);
        var first = cron.GetNextValidTimeAfter(DateTimeOffset.UtcNow);
        var second = first is null ? null : cron.GetNextValidTimeAfter(first.Value);
        return first is not null && second is not null ? second.Value - first.Value : TimeSpan.FromDays(1);
    }
}
