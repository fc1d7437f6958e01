using NewsAggregator.Core.Clustering;
using Quartz;

namespace NewsAggregator.Clustering;

/// <summary>
/// The clustering consumer as a Quartz job: fires every few seconds, never overlaps itself, and clusters what the
/// writer queued since the last run (ARCHITECTURE step 6: one sequential consumer in ingest order).
/// </summary>
[DisallowConcurrentExecution]
public sealed class ClusterJob(ClusterConsumer consumer, Core.Storage.Database database, IHostApplicationLifetime lifetime, ILogger<ClusterJob> logger) : IJob
{
    public static readonly JobKey Key = new("cluster", "clustering");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            var report = await consumer.RunAsync(ct: stopping.Token);
            if (report.Clustered > 0)
            {
                logger.LogInformation("Clustered {Articles} article versions: {NewStories} new stories, {Merges} merges, {Updated} updated, in {ElapsedMs} ms",
                    report.Clustered, report.NewStories, report.Merges, report.Updated, (long)report.Elapsed.TotalMilliseconds);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The batch in hand did not commit; it stays queued for the next start.
        }
        catch (Exception e) when (database.Dialect.Explain(e) is { } reason)
        {
            // Disk full, read-only: the batch did not commit and stays queued; said in one line, no stack trace.
            logger.LogError("Clustering run not stored: {Reason}; the queued articles stay queued", reason);
        }
        catch (Exception e)
        {
            // The queue keeps the batch; the next run starts again from what committed.
            logger.LogError(e, "Clustering run failed; the queued articles stay queued");
        }
    }

    public static async Task ScheduleAsync(IScheduler scheduler, TimeSpan interval, TimeProvider time, CancellationToken ct)
    {
        var job = JobBuilder.Create<ClusterJob>().WithIdentity(Key).StoreDurably(true).Build();
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity("cluster-every", Key.Group)
            .ForJob(Key)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever())
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, ct);
    }
}
