using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace SocialWatch.Worker.Health;

/// <summary>Writes this worker's scheduler instance id where `health` looks for it, once Quartz has
/// started, and removes it on a clean stop.</summary>
internal sealed class InstanceFileWriter(ISchedulerFactory schedulers, IOptions<HealthOptions> options, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        lifetime.ApplicationStarted.Register(() => _ = WriteAsync());
        return Task.CompletedTask;
    }

    private async Task WriteAsync()
    {
        var scheduler = await schedulers.GetScheduler();
        var id = await scheduler.GetSchedulerInstanceId();
        var path = options.Value.InstanceFile;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, id);
    }

    public Task StopAsync(CancellationToken ct)
    {
        File.Delete(options.Value.InstanceFile);
        return Task.CompletedTask;
    }
}
