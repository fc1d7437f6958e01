using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Outlets;

namespace NewsAggregator.Core.Evaluation;

public sealed record ScoreTriple(
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("f1")] double F1)
{
    public static ScoreTriple From(PrecisionRecall pr) => new(Math.Round(pr.Precision, 4), Math.Round(pr.Recall, 4), Math.Round(pr.F1, 4));
}

public sealed record ProvenanceScores(
    [property: JsonPropertyName("labelled")] int Labelled,
    [property: JsonPropertyName("original_outlet_correct")] int OriginalOutletCorrect,
    [property: JsonPropertyName("original_outlet_accuracy")] double OriginalOutletAccuracy,
    [property: JsonPropertyName("derived_edges_claimed")] int DerivedEdgesClaimed,
    [property: JsonPropertyName("derived_edges_false")] int DerivedEdgesFalse);

/// <summary>The object ../shared/eval/README.md defines, field for field.</summary>
public sealed record EvalReport(
    [property: JsonPropertyName("corpus")] string Corpus,
    [property: JsonPropertyName("articles")] int Articles,
    [property: JsonPropertyName("gold_stories")] int GoldStories,
    [property: JsonPropertyName("predicted_stories")] int PredictedStories,
    [property: JsonPropertyName("bcubed")] ScoreTriple BCubed,
    [property: JsonPropertyName("pairwise")] ScoreTriple Pairwise,
    [property: JsonPropertyName("provenance")] ProvenanceScores Provenance,
    [property: JsonPropertyName("articles_per_second")] double ArticlesPerSecond,
    [property: JsonPropertyName("peak_working_set_mb")] double PeakWorkingSetMb);

/// <summary>Relation classification against gold (`relation` labels), shown in the table, not in the JSON object.</summary>
public sealed record RelationScores(int Labelled, int Correct, IReadOnlyDictionary<string, int> Confusion)
{
    public double Accuracy => Labelled == 0 ? 0 : Correct / (double)Labelled;
}

/// <summary>What provenance concluded, as eval reads it back.</summary>
public sealed record ProvenanceView(
    IReadOnlyDictionary<long, (long? SourceArticleId, string SourceOutletId, string Kind)> Chosen,
    IReadOnlyDictionary<long, string> Origins,
    IReadOnlyDictionary<string, List<string>> OutletNames)
{
    /// <summary>The outlet at the end of the article's chain; null when the article derives from nothing.</summary>
    public string? RootOutlet(long articleId)
    {
        if (!Chosen.TryGetValue(articleId, out var edge))
            return null;
        var seen = new HashSet<long> { articleId };
        while (edge.SourceArticleId is { } next && seen.Add(next) && Chosen.TryGetValue(next, out var further))
            edge = further;
        return edge.SourceOutletId;
    }
}

public sealed record EvalOutcome(EvalReport Report, RelationScores Relations, IReadOnlyList<string> Warnings);

/// <summary>
/// `newsagg eval`: replays a labelled corpus in publication order through normalize, store and cluster on a fresh
/// temporary database and scores the stories against the gold labels. The same settings as the service: there is
/// no per-corpus switch.
/// </summary>
public static class EvalRunner
{
    public static async Task<EvalOutcome> RunAsync(string corpusPath, OutletDirectory outlets, ClusteringOptions options, ILoggerFactory? logs = null, CancellationToken ct = default)
    {
        var file = EvalCorpus.Read(corpusPath);
        var warnings = new List<string>(file.Warnings);
        // Publication order, ties by line order: the order a poller would have met them in.
        var ordered = file.Articles.Select((a, i) => (a, i)).OrderBy(x => x.a.Published).ThenBy(x => x.i).Select(x => x.a).ToList();

        var directory = Path.Combine(Path.GetTempPath(), $"newsagg-eval-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            ReplayResult replay;
            Dictionary<long, (long StoryId, string Relation, long? Nearest)> assignments;
            ProvenanceView provenance;
            await using (var run = await CorpusReplay.CreateAsync(Path.Combine(directory, "eval.db"), outlets, options, logs, ct))
            {
                replay = await run.RunAsync(ordered, normalize: true, ct: ct);
                assignments = await run.Clusters.AssignmentsAsync(ct);
                var store = new Provenance.ProvenanceStore(run.Database);
                provenance = new ProvenanceView(await store.ChosenAsync(ct), await store.OriginsAsync(ct), await store.OutletNamesAsync(ct));
            }
            warnings.AddRange(replay.Rejected.Select(id => $"{id}: rejected by the normalizer (no usable URL); scored as a story of its own"));
            return Score(Path.GetFileName(corpusPath), ordered, replay, assignments, provenance, warnings);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A scratch folder left in the temp directory is not worth failing the evaluation for.
            }
        }
    }

    private static EvalOutcome Score(string name, List<EvalArticle> articles, ReplayResult replay,
        Dictionary<long, (long StoryId, string Relation, long? Nearest)> assignments, ProvenanceView provenance, List<string> warnings)
    {
        // An article the pipeline did not keep is its own story: missing output is scored, not skipped.
        string Predicted(EvalArticle a) =>
            replay.ArticleIds.TryGetValue(a.Id, out var id) && assignments.TryGetValue(id, out var m) ? $"s{m.StoryId}" : $"missing:{a.Id}";

        var (bcubed, pairwise) = ClusterScores.Score(articles.Select(a => (a.Story ?? $"gold-single:{a.Id}", Predicted(a))));
        var idsByArticle = replay.ArticleIds.GroupBy(kv => kv.Value).ToDictionary(g => g.Key, g => g.Select(kv => kv.Key).ToList());

        // Provenance: an article's original outlet is the root of its own chain when it derives from something (a
        // copy of a wire story belongs to the wire), otherwise its story's original outlet (an independent report of a
        // story another outlet broke). Claimed derived edges are the chosen article-to-article edges between corpus
        // articles, of any kind (copy, rewrite, or a credit matched to the credited outlet's article).
        int labelled = 0, outletCorrect = 0, claimed = 0, falseEdges = 0;
        foreach (var a in articles)
        {
            if (a.OriginalOutlet is not { } gold)
                continue;
            labelled++;
            if (!replay.ArticleIds.TryGetValue(a.Id, out var id))
                continue;
            var root = provenance.RootOutlet(id) ?? (assignments.TryGetValue(id, out var m) ? provenance.Origins.GetValueOrDefault(m.StoryId) : null);
            if (root is not null && provenance.OutletNames.TryGetValue(root, out var names) && names.Any(n => string.Equals(n.Trim(), gold.Trim(), StringComparison.OrdinalIgnoreCase)))
                outletCorrect++;
        }
        foreach (var a in articles)
        {
            if (!replay.ArticleIds.TryGetValue(a.Id, out var id) || !provenance.Chosen.TryGetValue(id, out var edge) || edge.SourceArticleId is not { } source
                || !idsByArticle.TryGetValue(source, out var sources))
                continue;
            claimed++;
            // False when gold says independent (null) or names another source; unknown (absent) is not judged.
            if (a.DerivedFromKnown && (a.DerivedFrom is null || !sources.Contains(a.DerivedFrom)))
                falseEdges++;
        }
        int relLabelled = 0, relCorrect = 0;
        var confusion = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in articles)
        {
            if (!replay.ArticleIds.TryGetValue(a.Id, out var id) || !assignments.TryGetValue(id, out var m))
                continue;
            var predicted = m.Relation;
            if (a.Relation is { } goldRelation)
            {
                relLabelled++;
                // The first member of a predicted story has no neighbour; gold calls a report "related" only
                // relative to earlier ones, so "original" never counts as right.
                if (predicted == goldRelation)
                    relCorrect++;
                var key = $"{goldRelation}→{predicted}";
                confusion[key] = confusion.GetValueOrDefault(key) + 1;
            }
        }
        var report = new EvalReport(
            name, articles.Count, articles.Select(a => a.Story ?? $"gold-single:{a.Id}").Distinct().Count(),
            articles.Select(Predicted).Distinct().Count(), ScoreTriple.From(bcubed), ScoreTriple.From(pairwise),
            new ProvenanceScores(labelled, outletCorrect, labelled == 0 ? 0 : Math.Round(outletCorrect / (double)labelled, 4), claimed, falseEdges),
            Math.Round(articles.Count / replay.Elapsed.TotalSeconds, 1), Math.Round(replay.PeakWorkingSetMb, 1));
        return new EvalOutcome(report, new RelationScores(relLabelled, relCorrect, confusion), warnings);
    }
}
