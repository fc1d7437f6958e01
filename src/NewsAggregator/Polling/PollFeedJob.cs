using Microsoft.Extensions.Options;
using NewsAggregator.Core.Polling;
using Quartz;

namespace NewsAggregator.Polling;

/// <summary>
/// One Quartz job per feed (job key = feed id). Never runs twice at once for one feed; after each poll it schedules
/// its own next run at the time the poll policy chose (adaptive interval, jitter, backoff, Retry-After).
/// </summary>
[DisallowConcurrentExecution]
public sealed class PollFeedJob(FeedPoller poller, Core.Configuration.SchedulingOptions scheduling, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<PollFeedJob> logger) : IJob
{
    public const string Group = "feeds";
    public const string FeedIdKey = "feedId";

    public static JobKey KeyFor(long feedId) => new($"feed-{feedId}", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var feedId = context.MergedJobDataMap.GetLong(FeedIdKey);
        // Shutdown cancels fetches in flight; a poll already handed to the writer still commits whole.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        DateTimeOffset next;
        try
        {
            var report = await poller.PollAsync(feedId, stopping.Token);
            if (report is null)
            {
                logger.LogInformation("Feed {FeedId} is gone or disabled; its job is removed", feedId);
                await context.Scheduler.DeleteJob(context.JobDetail.Key, CancellationToken.None);
                return;
            }
            next = report.State.NextPollUtc ?? time.GetUtcNow().AddSeconds(scheduling.DefaultIntervalSeconds);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Nothing was written for this poll; the feed is polled again after the next start.
            return;
        }
        catch (PollNotStoredException e)
        {
            // Disk full, read-only, locked: an operator's problem, said in one line; the feed is polled again later.
            logger.LogError("Poll of {FeedKey} not stored: {Reason}; its {Articles} articles (first {Url}) and its new state were not committed; retrying in {Seconds} s",
                e.FeedKey, e.Reason, e.Articles, e.FirstUrl, scheduling.DefaultIntervalSeconds);
            next = time.GetUtcNow().AddSeconds(scheduling.DefaultIntervalSeconds);
        }
        catch (Exception e)
        {
            // Anything else is a bug, logged with its stack trace; the feed keeps its place in the schedule.
            logger.LogError(e, "Poll of feed {FeedId} could not complete; retrying in {Seconds} s", feedId, scheduling.DefaultIntervalSeconds);
            next = time.GetUtcNow().AddSeconds(scheduling.DefaultIntervalSeconds);
        }
        if (!lifetime.ApplicationStopping.IsCancellationRequested)
            await context.Scheduler.ScheduleTrigger(NextTrigger(context.JobDetail.Key, next, time), TriggerConflict.Replace, CancellationToken.None);
    }

    /// <summary>A fresh one-shot trigger: the one that fired is finished and Quartz removes it after this run.</summary>
    public static ITrigger NextTrigger(JobKey job, DateTimeOffset at, TimeProvider time) =>
        TriggerBuilder.Create(time)
            .WithIdentity($"{job.Name}-{Guid.NewGuid():N}", Group)
            .ForJob(job)
            .StartAt(at)
            .Build();
}
