using Quartz;
using SocialWatch.Worker.Ingestion;

namespace SocialWatch.Worker.Jobs;

/// <summary>Polls one source. Quartz's clustered job store honours [DisallowConcurrentExecution]
/// across every worker on the database, so a source is never polled twice at once.</summary>
[DisallowConcurrentExecution]
internal sealed class PollSourceJob(SourcePoller poller) : IJob
{
    public const string Group = "poll";
    public const string SourceKey = "source";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var source = context.MergedJobDataMap.GetString(SourceKey) ?? context.JobDetail.Key.Name;
        await poller.PollAsync(source, ct);
    }
}
