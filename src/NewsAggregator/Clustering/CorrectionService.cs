using NewsAggregator.Core.Editorial;
using NewsAggregator.Core.Storage;
using Quartz;

namespace NewsAggregator.Clustering;

/// <summary>
/// Submits an editor's correction: stores it as pending, wakes the clustering job (which alone changes stories) and
/// waits a little for it to be applied, so that the page the editor lands on already shows it.
/// </summary>
public sealed class CorrectionService(CorrectionStore corrections, ISchedulerFactory schedulers, TimeProvider time)
{
    /// <summary>How long a request waits for the consumer before answering with the correction still pending.</summary>
    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(15);

    /// <exception cref="ArgumentException">The request is incomplete for its kind.</exception>
    public async Task<CorrectionRow> SubmitAsync(CorrectionRequest request, string editor, CancellationToken ct = default)
    {
        var id = await corrections.RequestAsync(request, editor, Time.ToMs(time.GetUtcNow()), ct);
        var scheduler = await schedulers.GetScheduler(ct);
        // A job that is running now may have looked for corrections already; a second trigger runs right after it.
        await scheduler.TriggerJob(ClusterJob.Key, ct);
        var deadline = time.GetUtcNow() + Wait;
        while (true)
        {
            var row = await corrections.GetAsync(id, ct) ?? throw new InvalidOperationException($"correction {id} vanished");
            if (row.Status != "pending" || time.GetUtcNow() >= deadline)
                return row;
            await Task.Delay(TimeSpan.FromMilliseconds(50), time, ct);
        }
    }
}
