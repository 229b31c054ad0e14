using Microsoft.Extensions.Logging;
using Quartz;
using SocialWatch.Worker.Ingestion;

namespace SocialWatch.Worker.Jobs;

/// <summary>Polls one source. Quartz's clustered job store honours [DisallowConcurrentExecution]
/// across every worker on the database, so a source is never polled twice at once; the poll slot keeps
/// it to one poll per interval whatever the scheduler did before (a missed check-in, an outage).</summary>
[DisallowConcurrentExecution]
internal sealed partial class PollSourceJob(PollSlot slot, SourcePoller poller, ILogger<PollSourceJob> logger) : IJob
{
    public const string Group = "poll";
    public const string SourceKey = "source";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var source = context.MergedJobDataMap.GetString(SourceKey) ?? context.JobDetail.Key.Name;
        if (!await slot.TryClaimAsync(source, ct))
        {
            LogTooSoon(logger, source);
            return;
        }
        await poller.PollAsync(source, ct);
    }

    [LoggerMessage(EventId = 302, Level = LogLevel.Debug, Message = "Skipping {Source}: it was polled less than an interval ago")]
    private static partial void LogTooSoon(ILogger logger, string source);
}
