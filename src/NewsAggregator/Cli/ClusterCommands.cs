using System.Globalization;
using System.Text.Json;
using NewsAggregator.Core.Clustering;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Evaluation;
using NewsAggregator.Core.Normalizing;
using NewsAggregator.Core.Outlets;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Cli;

/// <summary>The clustering verbs: eval, recluster, why.</summary>
public static class ClusterCommands
{
    private static readonly JsonSerializerOptions EvalJson = new() { WriteIndented = true };

    public static Task<int> EvalAsync(string[] args, string corpus, bool json, string? mistakes, CancellationToken ct) => Commands.WithServicesAsync(args, async services =>
    {
        if (!File.Exists(corpus))
        {
            await Console.Error.WriteLineAsync($"{corpus}: no such file");
            return 2;
        }
        var outcome = await EvalRunner.RunAsync(corpus, services.GetRequiredService<OutletDirectory>(), services.GetRequiredService<ClusteringOptions>(),
            services.GetRequiredService<ProvenanceOptions>(), null, ct);
        if (mistakes is not null)
        {
            await using var writer = new StreamWriter(mistakes);
            foreach (var mistake in outcome.Mistakes)
                await writer.WriteLineAsync(JsonSerializer.Serialize(mistake));
            await Console.Error.WriteLineAsync($"{outcome.Mistakes.Count} provenance mistakes written to {mistakes}");
        }
        foreach (var warning in outcome.Warnings)
            await Console.Error.WriteLineAsync($"warning: {warning}");
        var r = outcome.Report;
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(r, EvalJson));
            return 0;
        }
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"corpus               {r.Corpus}");
        Console.WriteLine($"articles             {r.Articles}");
        Console.WriteLine($"stories              gold {r.GoldStories}, predicted {r.PredictedStories}");
        Console.WriteLine("                     precision  recall  F1");
        Console.WriteLine(string.Create(inv, $"B-cubed              {r.BCubed.Precision,9:F4}  {r.BCubed.Recall,6:F4}  {r.BCubed.F1:F4}"));
        Console.WriteLine(string.Create(inv, $"pairwise             {r.Pairwise.Precision,9:F4}  {r.Pairwise.Recall,6:F4}  {r.Pairwise.F1:F4}"));
        var p = r.Provenance;
        Console.WriteLine(string.Create(inv, $"original outlet      {p.OriginalOutletCorrect}/{p.Labelled} = {p.OriginalOutletAccuracy:F4} (root of the chain, else the story's original outlet)"));
        Console.WriteLine($"derived edges        {p.DerivedEdgesClaimed} claimed (chosen article-to-article edges), {p.DerivedEdgesFalse} false");
        var rel = outcome.Relations;
        if (rel.Labelled > 0)
        {
            Console.WriteLine(string.Create(inv, $"relations            {rel.Correct}/{rel.Labelled} = {rel.Accuracy:F4} (duplicate/rewrite/related against gold)"));
            Console.WriteLine($"                     {string.Join("  ", rel.Confusion.Select(kv => $"{kv.Key} {kv.Value}"))}");
        }
        Console.WriteLine(string.Create(inv, $"throughput           {r.ArticlesPerSecond:F1} articles/s (normalize, store, cluster)"));
        Console.WriteLine(string.Create(inv, $"peak working set     {r.PeakWorkingSetMb:F1} MB"));
        return 0;
    });

    public static Task<int> BenchAsync(string[] args, string corpus, int? limit, int baselinePrefix, int baselineSamples, string? db, CancellationToken ct) => Commands.WithServicesAsync(args, async services =>
    {
        if (!File.Exists(corpus))
        {
            await Console.Error.WriteLineAsync($"{corpus}: no such file");
            return 2;
        }
        // A corpus in publication order (as `generate` writes it) is streamed; another is sorted in memory first.
        var sorted = InOrder(corpus);
        IReadOnlyList<EvalArticle>? held = sorted ? null : EvalCorpus.Read(corpus).Articles.OrderBy(a => a.Published).ToList();
        IEnumerable<EvalArticle> Open()
        {
            var all = held ?? EvalCorpus.Stream(corpus, []);
            return limit is { } n ? all.Take(n) : all;
        }
        var path = db ?? Path.Combine(Path.GetTempPath(), $"newsagg-bench-{Guid.NewGuid():N}.db");
        try
        {
            var r = await PipelineBenchmark.RunAsync(Open, path, services.GetRequiredService<OutletDirectory>(), services.GetRequiredService<ClusteringOptions>(), baselinePrefix, baselineSamples,
                services.GetRequiredService<ProvenanceOptions>(), ct);
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"articles             {r.Articles:N0} ({Path.GetFileName(corpus)})"));
            Console.WriteLine(string.Create(inv, $"store + cluster      {r.Seconds:F1} s = {r.ArticlesPerSecond:N0} articles/s"));
            Console.WriteLine(string.Create(inv, $"clustering latency   p50 {r.P50Microseconds:F0} µs, p99 {r.P99Microseconds:F0} µs, mean {r.MeanMicroseconds:F0} µs per article"));
            Console.WriteLine(string.Create(inv, $"peak working set     {r.PeakWorkingSetMb:F0} MB"));
            Console.WriteLine(string.Create(inv, $"index rebuild        {r.RestoreSeconds:F1} s from {r.Articles:N0} stored articles ({r.RestoredWindow:N0} in the window)"));
            if (r.Baseline is { } b)
            {
                Console.WriteLine(string.Create(inv, $"naive baseline       {b.MeanMicroseconds / 1000:F1} ms per article ({b.MeanComparisons:N0} SimMetrics comparisons each, {b.Sampled} articles sampled at the end of the first {b.Prefix:N0})"));
                Console.WriteLine(string.Create(inv, $"indexed, same span   {b.IndexedMeanMicroseconds:F0} µs per article → {b.Ratio:N0}× faster than the baseline"));
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (db is null)
            {
                foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                    File.Delete(file);
            }
        }
    });

    private static bool InOrder(string corpus)
    {
        var last = DateTimeOffset.MinValue;
        foreach (var a in EvalCorpus.Stream(corpus, []))
        {
            if (a.Published < last)
                return false;
            last = a.Published;
        }
        return true;
    }

    public static Task<int> ReclusterAsync(string[] args, CancellationToken ct) => Commands.WithSchemaAsync(args, async services =>
    {
        var store = services.GetRequiredService<ClusterStore>();
        var requeued = await store.RequeueAllAsync(Time.ToMs(DateTimeOffset.UtcNow), ct);
        var report = await services.GetRequiredService<ClusterConsumer>().RunAsync(ct: ct);
        Console.WriteLine($"Re-clustered {report.Clustered} of {requeued} article versions from scratch in {report.Elapsed.TotalSeconds:F1} s: " +
                          $"{report.NewStories} stories started, {report.Merges} merges, {report.Updated} updates");
        return 0;
    });

    public static Task<int> WhyAsync(string[] args, string article, bool json, CancellationToken ct) => Commands.WithSchemaAsync(args, async services =>
    {
        var articles = services.GetRequiredService<ArticleStore>();
        long? id = long.TryParse(article, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : UrlCanonicalizer.Canonicalize(article) is { } url ? (await articles.FindByUrlAsync(url, ct))?.Id : null;
        var explanation = id is { } found ? await ClusterExplanation.LoadAsync(services.GetRequiredService<ClusterStore>(), found, ct) : null;
        if (explanation is null)
        {
            await Console.Error.WriteLineAsync($"{article}: no clustered article with this id or URL (it may still be queued)");
            return 1;
        }
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(explanation, Commands.JsonOut));
            return 0;
        }
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"article {explanation.ArticleId}: story {explanation.StoryId}, {explanation.Relation}" +
                          (explanation.NearestArticleId is { } near ? $" of article {near}" : ""));
        foreach (var d in explanation.Decisions)
        {
            var merged = d.MergedStories.Count > 0 ? $", merged {string.Join(", ", d.MergedStories)}" : "";
            Console.WriteLine(string.Create(inv, $"version {d.Version} ({d.AlgorithmVersion}, {d.Decided:u}): {d.Action} → story {d.StoryId}, score {d.Score:F3}{merged}"));
            Console.WriteLine(string.Create(inv, $"  thresholds: join {d.Settings.GetProperty("JoinThreshold").GetDouble()}, merge {d.Settings.GetProperty("MergeThreshold").GetDouble()}"));
            if (d.Candidates.Count == 0)
                Console.WriteLine("  no candidates: nothing similar within the window");
            else
                Console.WriteLine("  candidate  story      channel          cosine  dice   overlap  jaro-w  minhash  shared  pair   gap h");
            foreach (var c in d.Candidates)
            {
                var s = c.Scores;
                Console.WriteLine(string.Create(inv, $"  {c.ArticleId,-10} {c.StoryId,-10} {c.Channel,-16} {s.Cosine,6:F3}  {s.Dice,5:F3}  {s.Overlap,7:F3}  {s.JaroWinkler,6:F3}  {s.Resemblance,7:F3}  {s.SharedSentences,6:F3}  {s.Combined,5:F3}  {c.GapHours,5:F1}"));
            }
            foreach (var s in d.Stories)
                Console.WriteLine(string.Create(inv, $"  story {s.StoryId} ({s.Members} members): centroid {s.Centroid:F3}, best pair {s.BestPair:F3} (article {s.BestArticleId}), gap {s.GapHours:F1} h → score {s.Score:F3}"));
        }
        return 0;
    });
}
