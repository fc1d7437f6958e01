using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Telemetry;

namespace NewsAggregator.Operations;

/// <summary>Readiness: the oldest article waiting for clustering has waited at most <see cref="HealthOptions.MaxClusteringLagSeconds"/>.</summary>
public sealed class ClusteringLagHealthCheck(ServiceStatusStore status, HealthOptions options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var backlog = await Task.Run(() => status.BacklogAsync(cancellationToken), cancellationToken);
        var lag = backlog.Lag(time.GetUtcNow());
        var detail = $"{backlog.Depth} queued, oldest waiting {lag.TotalSeconds:0.#} s (limit {options.MaxClusteringLagSeconds} s, Health:MaxClusteringLagSeconds)";
        return lag.TotalSeconds > options.MaxClusteringLagSeconds ? HealthCheckResult.Unhealthy(detail) : HealthCheckResult.Healthy(detail);
    }
}
