using NewsAggregator.Core.Storage;
using Quartz;

namespace NewsAggregator.Housekeeping;

/// <summary>
/// At start and every Scheduling:ProblemReportHours: a warning listing the feeds that are dead or have failed for that
/// long, each with since when and why. Feeds are never removed automatically; this is how an operator hears of them.
/// </summary>
[DisallowConcurrentExecution]
public sealed class FeedHealthJob(FeedStore feeds, Core.Configuration.SchedulingOptions options, TimeProvider time, ILogger<FeedHealthJob> logger) : IJob
{
    public static readonly JobKey Key = new("feed-health", "housekeeping");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var problems = await feeds.ProblemsAsync(time.GetUtcNow(), TimeSpan.FromHours(options.ProblemReportHours), cancellationToken);
            if (problems.Count == 0)
            {
                logger.LogInformation("Feed health: no feed is dead or has failed for {Hours} h or more", options.ProblemReportHours);
                return;
            }
            logger.LogWarning("Feed health: {Dead} dead, {Failing} failing for {Hours} h or more; feeds are never removed automatically (`newsagg feeds list --problems`)",
                problems.Count(p => p.Status == "dead"), problems.Count(p => p.Status != "dead"), options.ProblemReportHours);
            foreach (var feed in problems)
            {
                logger.LogWarning("Feed {FeedKey} {Status} since {Since:u} ({Failures} failed polls in a row): {Error}",
                    feed.Key, feed.Status, Time.FromMs(feed.ProblemSinceMs), feed.ConsecutiveFailures, feed.LastError);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Feed health report failed; it runs again in {Hours} h", options.ProblemReportHours);
        }
    }

    public static async Task ScheduleAsync(IScheduler scheduler, TimeSpan interval, TimeProvider time, CancellationToken ct)
    {
        var job = JobBuilder.Create<FeedHealthJob>().WithIdentity(Key).StoreDurably(true).Build();
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity("feed-health-every", Key.Group)
            .ForJob(Key)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever())
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, ct);
    }
}
