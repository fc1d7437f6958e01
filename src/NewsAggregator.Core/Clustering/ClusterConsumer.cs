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
    ProvenanceOptions? provenance = null, Telemetry.NewsAggregatorMetrics? metrics = null)
{
    /// <summary>Queued versions clustered and committed together.</summary>
    public int BatchSize { get; init; } = 500;

    private StoryClusterer? _engine;
    private readonly Editorial.CorrectionApplier _corrections = new();
    private readonly Provenance.ProvenanceStage _provenance = new(provenance ?? new ProvenanceOptions());
    private long _settingsId;
    private long _order;
    private Dictionary<string, string> _outletIds = new();

    /// <summary>Time spent in features and the engine per clustered version (ticks), when a benchmark asks for it.</summary>
    public List<long>? Latencies { get; set; }

    public StoryClusterer? Engine => _engine;

    /// <summary>Fault injection for tests: the engine "fails" on the versions this selects.</summary>
    internal Func<QueuedVersion, bool>? FailFor { get; init; }

    private volatile bool _rebuild;

    /// <summary>
    /// Makes the next run rebuild the index from the database first. Retention calls it after removing articles: they
    /// lie outside the window, but their words still count towards rarity and their stories' sizes and times changed,
    /// and a restart must find the same index as the one running.
    /// </summary>
    public void RebuildBeforeNextRun() => _rebuild = true;

    /// <summary>Rebuilds the in-memory index from the stored features (done by the first run anyway).</summary>
    public async Task<TimeSpan> RestoreAsync(CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var engine = new StoryClusterer(options);
        await store.RestoreAsync((long)(options.WindowHours * 3_600_000), engine.Restore, ct);
        _order = await store.LastOrderAsync(ct);
        _settingsId = await store.SettingsIdAsync(ClusteringOptions.AlgorithmVersion, JsonSerializer.Serialize(options), Time.ToMs(time.GetUtcNow()), ct);
        await using (var connection = await store.Database.OpenAsync(ct))
            engine.SetApart(await Editorial.CorrectionApplier.ApartStoriesAsync(connection, null));
        _engine = engine;
        logger.LogInformation("Clustering index rebuilt from {Articles} stored articles ({InWindow} in the window) in {ElapsedMs} ms",
            engine.Documents, engine.WindowCount, watch.ElapsedMilliseconds);
        return watch.Elapsed;
    }

    /// <summary>
    /// Queued versions read at once, in chunks of <see cref="BatchSize"/>: while one chunk is saved the engine decides
    /// the next, so that database work and engine work overlap (each chunk is still its own transaction, saved in
    /// order, and the next read starts after the last save).
    /// </summary>
    public int ChunksPerRead { get; init; } = 4;

    /// <summary>Clusters queued versions until the queue is empty or <paramref name="maxBatches"/> batches are done.</summary>
    public async Task<ClusterRunReport> RunAsync(int maxBatches = int.MaxValue, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        if (_rebuild)
        {
            _rebuild = false;
            _engine = null;
        }
        if (_engine is null)
            await RestoreAsync(ct);
        int clustered = 0, created = 0, merges = 0, updated = 0;
        var first = true;
        for (var batch = 0; batch < maxBatches && !ct.IsCancellationRequested;)
        {
            // Editors' corrections come between batches: asked for since the last run, or replayed by `recluster`
            // where they were first applied (the read below then stops there).
            var replayAt = await ApplyCorrectionsAsync(ct);
            var engine = _engine!;
            var limit = BatchSize * Math.Max(1, Math.Min(ChunksPerRead, maxBatches - batch));
            if (replayAt is { } at)
                limit = (int)Math.Min(limit, Math.Max(1, at - _order));
            var read = await store.ReadQueueAsync(limit, ct);
            if (read.Count == 0)
                break;
            if (first)
                _outletIds = await store.OutletIdsByNameAsync(ct); // outlets found since the last run count too
            first = false;
            var previous = await store.ClusteredAsync(read.Select(q => q.ArticleId), ct);
            Task? saving = null;
            var stop = false;
            try
            {
                foreach (var queued in read.Chunk(BatchSize))
                {
                    var (writes, failed, failure) = Decide(engine, queued, previous, ref created, ref merges, ref updated);
                    // The chunk before must be committed first: provenance reads what it saved, and chunks commit in order.
                    if (saving is not null)
                        await saving;
                    _order += writes.Count;
                    var nowMs = Time.ToMs(time.GetUtcNow());
                    // On a thread of its own: SQLite's "async" calls run synchronously, and the engine goes on meanwhile.
                    var settingsId = _settingsId;
                    if (writes.Count > 0)
                        logger.LogDebug("Saving {Count} clustered article versions up to queue position {Seq}", writes.Count, writes[^1].QueueSeq);
                    saving = Task.Run(async () =>
                    {
                        await store.SaveAsync(writes, settingsId, nowMs, (connection, tx) =>
                            _provenance.ApplyAsync(connection, tx, writes.Select(w => new Provenance.ProvenanceInput(w.Features, w.Decision, w.HintsJson, w.Body)).ToList(), nowMs, ct), ct);
                        // Counted once committed: a batch that fails is decided again by the rebuilt engine.
                        if (metrics is not null)
                            RecordCommitted(metrics, writes);
                    }, ct);
                    clustered += writes.Count;
                    batch++;
                    if (failed is not null)
                    {
                        await saving;
                        saving = null;
                        logger.LogError(failure, "Article {ArticleId} version {Version} could not be clustered; it is listed in cluster_failures and the queue moves on",
                            failed.ArticleId, failed.Version);
                        await store.FailAsync(failed, failure!.ToString(), Time.ToMs(time.GetUtcNow()), ct);
                        metrics?.ClusteringFailed();
                        // The engine may be half-way through the failed article: rebuilt from what committed.
                        _engine = null;
                        stop = true;
                        break;
                    }
                    if (batch >= maxBatches || ct.IsCancellationRequested)
                        break;
                }
                if (saving is not null)
                    await saving;
            }
            catch
            {
                // The engine moved ahead of the database: drop it, the next run rebuilds it from what committed.
                _engine = null;
                if (saving is not null)
                    await saving.ContinueWith(static _ => { }, TaskScheduler.Default); // never leave a save running unobserved
                throw;
            }
            if (stop)
                break;
        }
        return new ClusterRunReport(clustered, created, merges, updated, watch.Elapsed);
    }

    /// <summary>Applies the corrections due now, each in its own transaction; returns where the next replay lies, if ahead.</summary>
    private async Task<long?> ApplyCorrectionsAsync(CancellationToken ct)
    {
        while (true)
        {
            await using var connection = await store.Database.OpenAsync(ct);
            var (due, replayAt) = await Editorial.CorrectionApplier.NextAsync(connection, _order, ct);
            if (due is null)
                return replayAt;
            var engine = _engine!;
            try
            {
                await using var write = await store.Database.BeginWriteAsync(connection, ct);
                var nowMs = Time.ToMs(time.GetUtcNow());
                var outcome = await _corrections.ApplyAsync(connection, write.Transaction, due, _order, nowMs, ct);
                if (outcome.Touched.Count > 0)
                    await _provenance.RecomputeOriginsAsync(connection, write.Transaction, outcome.Touched, nowMs, ct);
                var apart = await Editorial.CorrectionApplier.ApartStoriesAsync(connection, write.Transaction);
                await write.Transaction.CommitAsync(ct);
                foreach (var (articles, to) in outcome.Moves)
                    engine.Move(articles, to, outcome.States);
                engine.SetApart(apart);
                if (outcome.Applied)
                    logger.LogInformation("Correction {Id} ({Kind}) by {Editor} applied", due.Id, due.Kind, due.Editor);
                else
                    logger.LogWarning("Correction {Id} ({Kind}) by {Editor} rejected: {Error}", due.Id, due.Kind, due.Editor, outcome.Error);
            }
            catch
            {
                _engine = null; // rebuilt from what committed
                throw;
            }
        }
    }

    /// <summary>
    /// The engine's decisions for one chunk, in queue order. Stops at the first article the engine fails on: the
    /// decisions before it are returned with it.
    /// </summary>
    private (List<ClusterWrite> Writes, QueuedVersion? Failed, Exception? Failure) Decide(StoryClusterer engine, QueuedVersion[] queued,
        Dictionary<long, (ArticleFeatures Features, long StoryId)> previous, ref int created, ref int merges, ref int updated)
    {
        var writes = new List<ClusterWrite>(queued.Length);
        // Features depend on the article alone: computed for the whole chunk at once, on every core the machine
        // lends; the engine then takes the articles one by one, in queue order.
        var prepared = Prepare(queued);
        for (var i = 0; i < queued.Length; i++)
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
                // A later version in the same read must see this one as its previous version.
                previous[q.ArticleId] = (stored, decision.StoryId);
                writes.Add(new ClusterWrite(q.Seq, _order + writes.Count + 1, stored, decision, q.HintsJson, q.Body));
                created += decision.Action == ClusterAction.NewStory ? 1 : 0;
                merges += decision.MergedStories.Count;
                updated += decision.Action == ClusterAction.Updated ? 1 : 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // What came before is saved; this one leaves the queue with its error.
                return (writes, q, e);
            }
        }
        return (writes, null, null);
    }

    private static void RecordCommitted(Telemetry.NewsAggregatorMetrics metrics, List<ClusterWrite> writes)
    {
        int created = 0, merged = 0;
        foreach (var write in writes)
        {
            created += write.Decision.Action == ClusterAction.NewStory ? 1 : 0;
            merged += write.Decision.MergedStories.Count;
        }
        metrics.Clustered(writes.Count, created, merged);
    }

    private (ArticleFeatures? Features, Exception? Error, long Ticks)[] Prepare(QueuedVersion[] queued)
    {
        var outletIds = _outletIds;
        var prepared = new (ArticleFeatures?, Exception?, long)[queued.Length];
        Parallel.For(0, queued.Length, i =>
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
