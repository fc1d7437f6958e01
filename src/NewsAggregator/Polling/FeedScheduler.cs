using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Outlets;
using NewsAggregator.Core.Storage;
using Quartz;

namespace NewsAggregator.Polling;

/// <summary>The feeds this process polls: feeds.json in production, the bundled samples in the demo.</summary>
public sealed record ConfiguredFeeds(IReadOnlyList<FeedDefinition> Feeds, string Source);

/// <summary>
/// At start: writes the outlet directory and the feed list into the database, then gives every enabled feed its
/// Quartz job, first firing at the feed's stored next-poll time (or soon, spread out, for feeds never polled), and
/// schedules the clustering and housekeeping jobs.
/// </summary>
public sealed class FeedScheduler(
    ISchedulerFactory schedulers,
    FeedStore feeds,
    OutletDirectory outlets,
    ConfiguredFeeds configured,
    Core.Configuration.SchedulingOptions options,
    Core.Configuration.ClusteringOptions clustering,
    Core.Configuration.RetentionOptions retention,
    TimeProvider time,
    ILogger<FeedScheduler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await feeds.SyncOutletsAsync(outlets, cancellationToken);
        var sync = await feeds.SyncAsync(configured.Feeds, now, cancellationToken);
        logger.LogInformation("Feeds from {Source}: {Added} added, {Changed} changed, {Disabled} disabled, {Unchanged} unchanged",
            configured.Source, sync.Added, sync.Changed, sync.Disabled, sync.Unchanged);

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var enabled = await feeds.ListAsync(ct: cancellationToken);
        // Feeds due now start over a short spread instead of all in the same second.
        var spread = TimeSpan.FromSeconds(Math.Min(30, options.DefaultIntervalSeconds));
        foreach (var feed in enabled)
        {
            var job = JobBuilder.Create<PollFeedJob>()
                .WithIdentity(PollFeedJob.KeyFor(feed.Id))
                .UsingJobData(PollFeedJob.FeedIdKey, feed.Id)
                .StoreDurably(true)
                .Build();
            var due = Time.FromMs(feed.NextPollMs) is { } next && next > now ? next : now + spread * Random.Shared.NextDouble();
            await scheduler.ScheduleJob(job, [PollFeedJob.NextTrigger(job.Key, due, time)], ScheduleJobOptions.Replacing, cancellationToken);
        }
        logger.LogInformation("Scheduled {Feeds} feeds", enabled.Count);
        await Clustering.ClusterJob.ScheduleAsync(scheduler, TimeSpan.FromSeconds(clustering.IntervalSeconds), time, cancellationToken);
        // Housekeeping: dead and long-failing feeds reported now and periodically; retention only when switched on.
        await Housekeeping.FeedHealthJob.ScheduleAsync(scheduler, TimeSpan.FromHours(options.ProblemReportHours), time, cancellationToken);
        if (retention.Enabled)
            await Housekeeping.RetentionJob.ScheduleAsync(scheduler, TimeSpan.FromMinutes(retention.IntervalMinutes), time, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
