using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Abstractions;
using NewsAggregator.Operations;

namespace NewsAggregator.Tests.Operations;

/// <summary>
/// The watchdog pings only a healthy process. The process test (<see cref="ServiceManagerTests"/>) shows the pings on
/// a real socket; here the checks are made to fail on cue, which a real database cannot be made to do from a test run
/// as root (file modes do not stop root, and SQLite's WAL lets readers through any lock another process can take).
/// </summary>
public sealed class SystemdWatchdogTests
{
    [Fact]
    public async Task Watchdog_CheckFails_WithholdsPingsUntilItPassesAgain()
    {
        var healthy = true;
        await using var services = new ServiceCollection().AddLogging()
            .AddHealthChecks()
            .AddCheck("database", () => Volatile.Read(ref healthy) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("no answer"), tags: [OperationsApi.WatchdogTag])
            .AddCheck("ignored", () => HealthCheckResult.Unhealthy("not a watchdog check"), tags: [OperationsApi.ReadyTag])
            .Services.BuildServiceProvider();
        var notifier = new RecordingNotifier();
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        using var watchdog = new SystemdWatchdog(TimeSpan.FromMilliseconds(400), notifier, services.GetRequiredService<HealthCheckService>(), lifetime,
            TimeProvider.System, NullLogger<SystemdWatchdog>.Instance);

        await watchdog.StartAsync(default);
        await Task.Delay(500);
        Assert.Empty(notifier.Sent); // nothing before the host has started (READY=1)

        lifetime.NotifyStarted();
        await Task.Delay(1000);
        var whileHealthy = notifier.Sent.Count;

        Volatile.Write(ref healthy, false);
        await Task.Delay(300); // a check already running may still pass
        var atFailure = notifier.Sent.Count;
        await Task.Delay(1200);
        var afterFailure = notifier.Sent.Count;

        Volatile.Write(ref healthy, true);
        await Task.Delay(1000);
        var afterRecovery = notifier.Sent.Count;
        await watchdog.StopAsync(default);

        Assert.InRange(whileHealthy, 3, 7); // every 200 ms for a second
        Assert.Equal(atFailure, afterFailure); // 1.2 s, three times WatchdogSec, without a ping: systemd restarts it
        Assert.True(afterRecovery >= afterFailure + 3, $"{afterFailure} → {afterRecovery}");
        Assert.All(notifier.Sent, s => Assert.Equal("WATCHDOG=1", s));
    }

    private sealed class RecordingNotifier : ISystemdNotifier
    {
        private readonly List<string> _sent = [];

        public bool IsEnabled => true;

        public IReadOnlyList<string> Sent
        {
            get
            {
                lock (_sent)
                    return [.. _sent];
            }
        }

        public void Notify(ServiceState state)
        {
            lock (_sent)
                _sent.Add(state.ToString());
        }
    }
}
