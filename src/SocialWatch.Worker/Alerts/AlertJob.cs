using Quartz;

namespace SocialWatch.Worker.Alerts;

/// <summary>Every Alerts:SendEvery: queue, prepare the digest when due, send. Never two at once in the
/// cluster; the row locks in <see cref="AlertDispatcher"/> would keep two apart anyway.</summary>
[DisallowConcurrentExecution]
internal sealed class AlertJob(AlertDispatcher dispatcher) : IJob
{
    public const string Name = "send-alerts";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct) => await dispatcher.RunOnceAsync(ct);
}
