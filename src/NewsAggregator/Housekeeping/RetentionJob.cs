using NewsAggregator.Core.Clustering;
using NewsAggregator.Core.Housekeeping;
using Quartz;

namespace NewsAggregator.Housekeeping;

/// <summary>
/// Retention as a Quartz job (scheduled only when Retention:Days is set): removes what is due in batches that take
/// turns with ingest and clustering, then has the clustering index rebuilt from what is left.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(ArticleRetention retention, ClusterConsumer consumer, IHostApplicationLifetime lifetime, ILogger<RetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("retention", "housekeeping");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            var report = await retention.RunAsync(ct: stopping.Token);
            if (report.Articles > 0)
                consumer.RebuildBeforeNextRun();
            if (report.Articles > 0 || report.TombstonesExpired > 0)
            {
                logger.LogInformation("Retention removed {Articles} articles first seen before {Cutoff:u} ({CutoffBasis}): {StoriesRemoved} stories removed, " +
                    "{StoriesUpdated} updated, {EdgesRetargeted} edges now end at their source's outlet, {TombstonesWritten} tombstones written, {TombstonesExpired} expired; " +
                    "{Batches} batches in {ElapsedMs} ms",
                    report.Articles, report.Cutoff, report.CutoffBasis, report.StoriesRemoved, report.StoriesUpdated, report.EdgesRetargeted,
                    report.TombstonesWritten, report.TombstonesExpired, report.Batches, (long)report.Elapsed.TotalMilliseconds);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The batch in hand rolled back; the next run takes it again.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Retention run failed; the batches committed stay removed, the rest is removed by the next run");
        }
    }

    public static async Task ScheduleAsync(IScheduler scheduler, TimeSpan interval, TimeProvider time, CancellationToken ct)
    {
        var job = JobBuilder.Create<RetentionJob>().WithIdentity(Key).StoreDurably(true).Build();
        // A minute after start: the clustering index is rebuilt first, and a restart loop does not remove in a loop.
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity("retention-every", Key.Group)
            .ForJob(Key)
            .StartAt(time.GetUtcNow().AddMinutes(1))
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever())
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, ct);
    }
}
