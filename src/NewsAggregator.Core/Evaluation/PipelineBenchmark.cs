using System.Diagnostics;
using NewsAggregator.Core.Clustering;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Outlets;

namespace NewsAggregator.Core.Evaluation;

public sealed record BenchmarkReport(
    int Articles, double Seconds, double ArticlesPerSecond, double P50Microseconds, double P99Microseconds, double MeanMicroseconds,
    double PeakWorkingSetMb, double RestoreSeconds, int RestoredWindow, BaselineReport? Baseline);

/// <summary>
/// The naive baseline: each sampled article compared by SimMetrics with every earlier article in the window, as a
/// product without an index would. Measured on sampled articles at the end of the first <see cref="Prefix"/>.
/// </summary>
public sealed record BaselineReport(int Prefix, int Sampled, double MeanComparisons, double MeanMicroseconds, double IndexedMeanMicroseconds)
{
    public double Ratio => IndexedMeanMicroseconds == 0 ? 0 : MeanMicroseconds / IndexedMeanMicroseconds;
}

/// <summary>
/// `newsagg bench`: replays a corpus through store plus clustering (the writer and the consumer running side by
/// side, as in the service) on a fresh database, measures throughput, per-article clustering latency, peak working
/// set and the index rebuild a restart would do, then runs the naive baseline in the same process.
/// </summary>
public static class PipelineBenchmark
{
    /// <param name="articles">Opens the corpus in publication order (read twice: the replay, then the baseline's prefix).</param>
    public static async Task<BenchmarkReport> RunAsync(Func<IEnumerable<EvalArticle>> articles, string databasePath, OutletDirectory outlets,
        ClusteringOptions options, int baselinePrefix, int baselineSamples, ProvenanceOptions? provenance = null, CancellationToken ct = default)
    {
        ReplayResult replay;
        List<long> latencies;
        TimeSpan restore;
        int window;
        await using (var run = await CorpusReplay.CreateAsync(databasePath, outlets, options, provenance, ct: ct))
        {
            latencies = new List<long>();
            run.Consumer.Latencies = latencies;
            replay = await run.RunAsync(articles(), normalize: false, trackIds: false, ct: ct);
            // What a restart costs: a new consumer rebuilding the index from the stored features.
            var fresh = new ClusterConsumer(run.Clusters, options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<ClusterConsumer>.Instance);
            restore = await fresh.RestoreAsync(ct);
            window = fresh.Engine!.WindowCount;
        }
        // The indexed side of the ratio: mean latency over the same first articles the baseline runs on.
        var prefixCount = Math.Min(baselinePrefix, latencies.Count);
        var prefixMean = prefixCount == 0 ? 0 : latencies.Take(prefixCount).Average(t => t * 1_000_000.0 / Stopwatch.Frequency);
        latencies.Sort();
        double Us(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
        var p50 = latencies.Count == 0 ? 0 : Us(latencies[(int)(latencies.Count * 0.50)]);
        var p99 = latencies.Count == 0 ? 0 : Us(latencies[Math.Min(latencies.Count - 1, (int)(latencies.Count * 0.99))]);
        var mean = latencies.Count == 0 ? 0 : latencies.Average(t => Us(t));

        BaselineReport? baseline = null;
        if (baselinePrefix > 0 && baselineSamples > 0)
            baseline = Baseline(articles().Take(Math.Min(baselinePrefix, replay.Stored)), options, baselineSamples, prefixMean);

        return new BenchmarkReport(replay.Stored, replay.Elapsed.TotalSeconds, replay.Stored / replay.Elapsed.TotalSeconds, p50, p99, mean,
            replay.PeakWorkingSetMb, restore.TotalSeconds, window, baseline);
    }

    /// <summary>
    /// Compares each of the last <paramref name="samples"/> articles of the prefix with every earlier article of
    /// the prefix within the window, with the same verifier the index path uses. The indexed figure beside it is
    /// the mean clustering latency over the same articles (features, index lookups, verification and decision).
    /// </summary>
    private static BaselineReport Baseline(IEnumerable<EvalArticle> prefixArticles, ClusteringOptions options, int samples, double indexedMean)
    {
        // Features only: the articles' text is not kept.
        var features = prefixArticles.Select((a, i) => FeatureExtractor.Extract(i + 1, 1, a.Outlet, a.Published.ToUnixTimeMilliseconds(), a.Title, a.Body)).ToArray();
        var prefix = features;
        var verifier = new PairVerifier(options);
        var windowMs = (long)(options.WindowHours * 3_600_000);
        var first = Math.Max(1, prefix.Length - samples);
        long comparisons = 0;
        double sink = 0;
        var watch = Stopwatch.StartNew();
        for (var i = first; i < prefix.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (Math.Abs(features[i].PublishedMs - features[j].PublishedMs) > windowMs)
                    continue;
                sink += verifier.Score(features[i], features[j]).Combined;
                comparisons++;
            }
        }
        var elapsed = watch.Elapsed;
        GC.KeepAlive(sink);
        var sampled = prefix.Length - first;
        return new BaselineReport(prefix.Length, sampled, comparisons / (double)sampled, elapsed.TotalMilliseconds * 1000 / sampled, indexedMean);
    }
}
