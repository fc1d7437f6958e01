using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace NewsAggregator.Operations;

/// <summary>Readiness and watchdog: Quartz is running (started, not in standby, not shut down), so polls and clustering fire.</summary>
public sealed class SchedulerHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // `bench-pages` hosts the pages alone, without Quartz: such a process polls nothing and is not ready.
        if (services.GetService<ISchedulerFactory>() is not { } factory)
            return HealthCheckResult.Unhealthy("no scheduler in this process (web pages only)");
        var scheduler = await factory.GetScheduler(cancellationToken);
        var meta = await scheduler.GetMetadata(cancellationToken);
        return meta.Status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy($"running since {meta.RunningSince:u}, {meta.JobsExecuted} jobs run")
            : HealthCheckResult.Unhealthy($"{meta.Status}: no job fires");
    }
}
