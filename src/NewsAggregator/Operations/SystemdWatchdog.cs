using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting.Systemd;

namespace NewsAggregator.Operations;

/// <summary>
/// The systemd watchdog (WatchdogSec= in the unit): Microsoft.Extensions.Hosting.Systemd sends READY=1 and STOPPING=1
/// but never WATCHDOG=1. This sends it every half interval, and only while the checks tagged
/// <see cref="OperationsApi.WatchdogTag"/> pass (the scheduler runs and the database answers): a hung or wedged
/// process stops pinging and systemd restarts it. Silent unless systemd asked for it (NOTIFY_SOCKET and
/// WATCHDOG_USEC set, WATCHDOG_PID absent or ours).
/// </summary>
/// <param name="interval">WatchdogSec as systemd gave it (<see cref="Interval"/>); pings go every half of it.</param>
public sealed class SystemdWatchdog(TimeSpan interval, ISystemdNotifier notifier, HealthCheckService health, IHostApplicationLifetime lifetime,
    TimeProvider time, ILogger<SystemdWatchdog> logger) : BackgroundService
{
    private static readonly ServiceState Ping = new("WATCHDOG=1");

    /// <summary>The interval systemd expects pings within, from the environment it gave us; null when it expects none.</summary>
    public static TimeSpan? Interval()
    {
        if (!long.TryParse(Environment.GetEnvironmentVariable("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec <= 0)
            return null;
        // sd_watchdog_enabled(3): WATCHDOG_PID, when set, names the process the watchdog is meant for.
        var pid = Environment.GetEnvironmentVariable("WATCHDOG_PID");
        if (!string.IsNullOrEmpty(pid) && pid != Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
            return null;
        return TimeSpan.FromMicroseconds(usec);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!notifier.IsEnabled)
            return;
        // Pings start once the host is up: until READY=1 systemd applies TimeoutStartSec (migrations run before).
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        logger.LogInformation("systemd watchdog: pinging every {IntervalMs} ms while healthy (WatchdogSec {WatchdogMs} ms)",
            (long)(interval / 2).TotalMilliseconds, (long)interval.TotalMilliseconds);
        using var timer = new PeriodicTimer(interval / 2, time);
        var since = time.GetTimestamp();
        bool? healthy = null;
        do
        {
            var report = await health.CheckHealthAsync(c => c.Tags.Contains(OperationsApi.WatchdogTag), stoppingToken);
            if (lifetime.ApplicationStopping.IsCancellationRequested)
                break; // STOPPING=1 is sent; systemd's stop timeout applies from here
            if (report.Status == HealthStatus.Healthy)
            {
                notifier.Notify(Ping);
                if (healthy == false)
                    logger.LogInformation("systemd watchdog: healthy again, pings resumed");
                healthy = true;
            }
            else if (healthy == true || (healthy is null && time.GetElapsedTime(since) >= interval))
            {
                // Said once per spell (the scheduler may still be starting at the first check, which is no news):
                // systemd restarts the service when the spell outlasts WatchdogSec.
                logger.LogWarning("systemd watchdog: withholding pings while unhealthy: {Failing}",
                    string.Join("; ", report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description}")));
                healthy = false;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
