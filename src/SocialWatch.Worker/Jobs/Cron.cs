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
}
