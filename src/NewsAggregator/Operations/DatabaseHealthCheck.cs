using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Telemetry;

namespace NewsAggregator.Operations;

/// <summary>Readiness and watchdog: the database answers a trivial read within <see cref="HealthOptions.CheckTimeoutSeconds"/>.</summary>
public sealed class DatabaseHealthCheck(ServiceStatusStore status, HealthOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // SQLite's "async" calls run synchronously (a busy wait included): on a thread of its own, so the
            // timeout holds even when the file is locked.
            await Task.Run(() => status.PingAsync(cancellationToken), cancellationToken).WaitAsync(TimeSpan.FromSeconds(options.CheckTimeoutSeconds), cancellationToken);
            return HealthCheckResult.Healthy($"answered in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.#} ms");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"no answer within {options.CheckTimeoutSeconds} s (Health:CheckTimeoutSeconds)");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{e.GetType().Name}: {e.Message}", e);
        }
    }
}
