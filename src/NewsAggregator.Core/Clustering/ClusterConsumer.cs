using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Clustering;

/// <summary>What one run of the consumer did.</summary>
public sealed record ClusterRunReport(int Clustered, int NewStories, int Merges, int Updated, TimeSpan Elapsed);

/// <summary>
/// The clustering consumer: takes queued article versions in ingest order, computes their features, asks the
/// engine where each belongs and stores the outcome, a batch per transaction that also removes the batch from the
/// queue. The engine is rebuilt from stored features on first use, so a restart continues exactly where the last
/// commit left off. Not thread-safe: one caller at a time (a Quartz job that never overlaps itself).
/// </summary>
public sealed class ClusterConsumer(ClusterStore store, ClusteringOptions options, TimeProvider time, ILogger<ClusterConsumer> logger,
    ProvenanceOptions? provenance = null)
{
    /// <summary>Queued versions clustered and committed together.</summary>
    public int BatchSize { get; init; } = 500;

    private StoryClusterer? _engine;
    private readonly Provenance.ProvenanceStage _provenance = new(provenance ?? new ProvenanceOptions());
    private long _settingsId;
    private long _order;
    private Dictionary<string, string> _outletIds = new();

    /// <summary>Time spent in features and the engine per clustered version (ticks), when a benchmark asks for it.</summary>
    public List<long>? Latencies { get; set; }

    public StoryClusterer? Engine => _engine;

    /// <summary>Fault injection for tests: the engine "fails" on the versions this selects.</summary>
    internal Func<QueuedVersion, bool>? FailFor { get; init; }

    /// <summary>Rebuilds the in-memory index from the stored features (done by the first run anyway).</summary>
    public async Task<TimeSpan> RestoreAsync(CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var engine = new StoryClusterer(options);
        await store.RestoreAsync((long)(options.WindowHours * 3_600_000), engine.Restore, ct);
        _order = await store.LastOrderAsync(ct);
        _settingsId = await store.SettingsIdAsync(ClusteringOptions.AlgorithmVersion, JsonSerializer.Serialize(options), Time.ToMs(time.GetUtcNow()), ct);
        _engine = engine;
        logger.LogInformation("Clustering index rebuilt from {Articles} stored articles ({InWindow} in the window) in {ElapsedMs} ms",
            engine.Documents, engine.WindowCount, watch.ElapsedMilliseconds);
        return watch.Elapsed;
    }

    /// <summary>Clusters queued versions until the queue is empty or <paramref name="maxBatches"/> batches are done.</summary>
    public async Task<ClusterRunReport> RunAsync(int maxBatches = int.MaxValue, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        if (_engine is null)
            await RestoreAsync(ct);
        var engine = _engine!;
        int clustered = 0, created = 0, merges = 0, updated = 0;
        for (var batch = 0; batch < maxBatches && !ct.IsCancellationRequested; batch++)
        {
            var queued = await store.ReadQueueAsync(BatchSize, ct);
            if (queued.Count == 0)
                break;
            if (batch == 0)
                _outletIds = await store.OutletIdsByNameAsync(ct); // outlets found since the last run count too
            var previous = await store.ClusteredAsync(queued.Select(q => q.ArticleId), ct);
            var writes = new List<ClusterWrite>(queued.Count);
            QueuedVersion? failed = null;
            Exception? failure = null;
            try
            {
                // Features depend on the article alone: computed for the whole batch at once, on every core the
                // machine lends; the engine then takes the articles one by one, in queue order.
                var prepared = Prepare(queued);
                for (var i = 0; i < queued.Count; i++)
                {
                    var q = queued[i];
                    var start = Stopwatch.GetTimestamp();
                    try
                    {
                        if (FailFor?.Invoke(q) == true)
                            throw new InvalidOperationException($"injected failure for article {q.ArticleId}");
                        var features = prepared[i].Features ?? throw prepared[i].Error!;
                        (ArticleFeatures, long)? before = previous.TryGetValue(q.ArticleId, out var p) ? p : null;
                        var (decision, stored) = engine.Add(features, before);
                        Latencies?.Add(prepared[i].Ticks + Stopwatch.GetTimestamp() - start);
                        // A later version in the same batch must see this one as its previous version.
                        previous[q.ArticleId] = (stored, decision.StoryId);
                        writes.Add(new ClusterWrite(q.Seq, _order + writes.Count + 1, stored, decision, q.HintsJson, q.Body));
                        created += decision.Action == ClusterAction.NewStory ? 1 : 0;
                        merges += decision.MergedStories.Count;
                        updated += decision.Action == ClusterAction.Updated ? 1 : 0;
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // The engine failed on this article and may be half-way through it: what came before is
                        // saved, this one leaves the queue with its error, and the engine is rebuilt next run.
                        failed = q;
                        failure = e;
                        break;
                    }
                }
                var nowMs = Time.ToMs(time.GetUtcNow());
                await store.SaveAsync(writes, _settingsId, nowMs, (connection, tx) =>
                    _provenance.ApplyAsync(connection, tx, writes.Select(w => new Provenance.ProvenanceInput(w.Features, w.Decision, w.HintsJson, w.Body)).ToList(), nowMs, ct), ct);
                _order += writes.Count;
                if (failed is not null)
                {
                    logger.LogError(failure, "Article {ArticleId} version {Version} could not be clustered; it is listed in cluster_failures and the queue moves on",
                        failed.ArticleId, failed.Version);
                    await store.FailAsync(failed, failure!.ToString(), Time.ToMs(time.GetUtcNow()), ct);
                    _engine = null;
                    clustered += writes.Count;
                    break;
                }
            }
            catch
            {
                // The engine moved ahead of the database: drop it, the next run rebuilds it from what committed.
                _engine = null;
                throw;
            }
            clustered += writes.Count;
        }
        return new ClusterRunReport(clustered, created, merges, updated, watch.Elapsed);
    }

    private (ArticleFeatures? Features, Exception? Error, long Ticks)[] Prepare(IReadOnlyList<QueuedVersion> queued)
    {
        var outletIds = _outletIds;
        var prepared = new (ArticleFeatures?, Exception?, long)[queued.Count];
        Parallel.For(0, queued.Count, i =>
        {
            var q = queued[i];
            var start = Stopwatch.GetTimestamp();
            try
            {
                var features = FeatureExtractor.Extract(q.ArticleId, q.Version, q.OutletId, q.PublishedMs, q.Title, q.Body, q.FirstSeenMs)
                    with { CitedOutlets = ClusterStore.CitedOutlets(q.HintsJson, q.Body, outletIds) };
                prepared[i] = (features, null, Stopwatch.GetTimestamp() - start);
            }
            catch (Exception e)
            {
                // Raised in order by the caller, so that the articles before it are still clustered.
                prepared[i] = (null, e, 0);
            }
        });
        return prepared;
    }
}
