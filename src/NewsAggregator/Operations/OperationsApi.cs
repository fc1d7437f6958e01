using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Console;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Telemetry;

namespace NewsAggregator.Operations;

/// <summary>
/// What an operator's tools read: <c>/healthz</c> (the process answers), <c>/readyz</c> (database, schema, scheduler
/// and clustering lag, as JSON; 503 naming what fails), <c>/metrics</c> (Prometheus text), the systemd notify
/// protocol and watchdog, and the console log format.
/// </summary>
public static class OperationsApi
{
    /// <summary>Checks /readyz runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Checks the systemd watchdog requires: those whose failure a restart can cure.</summary>
    public const string WatchdogTag = "watchdog";

    public static IServiceCollection AddOperations(this IServiceCollection services, HealthOptions options, bool runsJobs)
    {
        services.AddSingleton(options);
        services.AddSingleton<NewsAggregatorMetrics>();
        services.AddSingleton<MeterExporter>();
        services.AddSingleton<ServiceStatusStore>();
        var timeout = TimeSpan.FromSeconds(options.CheckTimeoutSeconds);
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag, WatchdogTag], timeout: timeout)
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [ReadyTag], timeout: timeout)
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [ReadyTag, WatchdogTag], timeout: timeout)
            .AddCheck<ClusteringLagHealthCheck>("clustering", tags: [ReadyTag], timeout: timeout);
        if (runsJobs && OperatingSystem.IsLinux() && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NOTIFY_SOCKET")))
        {
            // Microsoft.Extensions.Hosting.Systemd 10 takes the process for a systemd service only when its parent
            // process is named "systemd" (or it is PID 1); otherwise READY=1 is never sent and a Type=notify unit
            // times out, e.g. when ExecStart= runs a wrapper script that does not exec. sd_notify(3) itself needs only
            // NOTIFY_SOCKET, as does the library's next major version: do what it does when it did not.
            if (!SystemdHelpers.IsSystemdService())
            {
                services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
                services.AddSingleton<IHostLifetime, SystemdLifetime>();
            }
            if (SystemdWatchdog.Interval() is { } interval)
                services.AddHostedService(sp => ActivatorUtilities.CreateInstance<SystemdWatchdog>(sp, interval));
        }
        return services;
    }

    /// <summary>
    /// AddSystemd switches the console to the journal's plain format; a formatter the operator named
    /// (Logging:Console:FormatterName=json) wins, so JSON logs also reach the journal as JSON.
    /// </summary>
    public static IServiceCollection KeepConfiguredConsoleFormatter(this IServiceCollection services, IConfiguration configuration)
    {
        if (ConfiguredFormatter(configuration) is { } formatter)
            services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = formatter);
        return services;
    }

    public static string? ConfiguredFormatter(IConfiguration configuration) =>
        configuration["Logging:Console:FormatterName"] is { Length: > 0 } name ? name : null;

    /// <summary>True when the console carries JSON lines: standard output is then for machines only.</summary>
    public static bool JsonConsole(IConfiguration configuration) =>
        string.Equals(ConfiguredFormatter(configuration), ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        // Liveness: the process answers HTTP. No database work, so a slow query never gets a live process killed.
        app.MapGet("/healthz", () => TypedResults.Text("ok"));
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        });
        app.MapGet("/metrics", WriteMetricsAsync);
        return app;
    }

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status == HealthStatus.Healthy ? "ready" : "not ready",
            failing = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Key).ToList(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status == HealthStatus.Healthy ? "pass" : "fail",
                detail = e.Value.Description ?? e.Value.Exception?.Message,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }).ToList(),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }

    private static async Task<IResult> WriteMetricsAsync(MeterExporter meters, ServiceStatusStore store, TimeProvider time, ILogger<MeterExporter> logger, CancellationToken ct)
    {
        var output = new StringBuilder(16 * 1024);
        var text = new PrometheusText(output);
        meters.Write(text);

        // Gauges read from the database at each scrape: what the counters cannot know after a restart.
        var started = Stopwatch.GetTimestamp();
        ServiceStatus? status = null;
        try
        {
            status = await Task.Run(() => store.ReadAsync(ct), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Metrics scrape could not read the database");
        }
        var readSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        text.Family("newsagg_database_up", "gauge", "1 when this scrape read the database gauges below, 0 when the database did not answer");
        text.Sample("newsagg_database_up", status is null ? 0 : 1);
        text.Family("newsagg_database_scrape_seconds", "gauge", "Time this scrape spent reading the database");
        text.Sample("newsagg_database_scrape_seconds", readSeconds);
        if (status is not null)
            WriteStatus(text, status, time.GetUtcNow());
        return TypedResults.Text(output.ToString(), PrometheusText.ContentType);
    }

    private static void WriteStatus(PrometheusText text, ServiceStatus status, DateTimeOffset now)
    {
        text.Family("newsagg_clustering_queue_depth", "gauge", "Article versions stored and waiting for the clustering job");
        text.Sample("newsagg_clustering_queue_depth", status.Backlog.Depth);
        text.Family("newsagg_clustering_lag_seconds", "gauge", "How long the oldest queued article version has waited for clustering; 0 when the queue is empty");
        text.Sample("newsagg_clustering_lag_seconds", status.Backlog.Lag(now).TotalSeconds);

        text.Family("newsagg_feeds", "gauge", "Feeds by status: ok (polling fine), failing (backing off), dead (404/410 for long), disabled");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal) { ["ok"] = 0, ["failing"] = 0, ["dead"] = 0, ["disabled"] = 0 };
        foreach (var feed in status.Feeds)
        {
            var key = !feed.Enabled ? "disabled" : feed.Status == "active" ? "ok" : feed.Status;
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        foreach (var (key, count) in counts)
            text.Sample("newsagg_feeds", [new("status", key)], count);

        text.Family("newsagg_feed_staleness_seconds", "gauge", "Per enabled feed: seconds since its last successful poll, or since it was added when it never had one");
        foreach (var feed in status.Feeds.Where(f => f.Enabled))
            text.Sample("newsagg_feed_staleness_seconds", [new("feed", feed.Key)], Math.Round(feed.Staleness(now).TotalSeconds, 3));

        text.Family("newsagg_database_articles", "gauge", "Articles in the database");
        text.Sample("newsagg_database_articles", status.Articles);
        text.Family("newsagg_database_stories", "gauge", "Live stories in the database (merged ones not counted)");
        text.Sample("newsagg_database_stories", status.LiveStories);
    }
}
