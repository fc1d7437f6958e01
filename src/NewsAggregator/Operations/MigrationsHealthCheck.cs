using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Operations;

/// <summary>Readiness: the database's schema is exactly the one this build ships (nothing pending, unknown or edited).</summary>
public sealed class MigrationsHealthCheck(Migrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = await Task.Run(() => migrator.StatusAsync(cancellationToken), cancellationToken);
        if (status.UpToDate)
        {
            var latest = status.Applied.Count > 0 ? $", latest {status.Applied[^1].Version:D4}_{status.Applied[^1].Name}" : "";
            return HealthCheckResult.Healthy($"{status.Applied.Count} applied{latest}");
        }
        var reason = status.Incompatibility
            ?? $"{status.Pending.Count} pending: {string.Join(", ", status.Pending.Select(m => $"{m.Version:D4}_{m.Name}"))} (run `newsagg migrate`)";
        return HealthCheckResult.Unhealthy(reason);
    }
}
