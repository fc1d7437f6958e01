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

/// <summary>
/// One article provenance got wrong, for whoever studies the errors: its gold original outlet and source against
/// what the pipeline concluded (the chosen edge's source article, as a corpus id, or outlet, and its kind).
/// </summary>
public sealed record ProvenanceMistake(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("outlet")] string Outlet,
    [property: JsonPropertyName("what")] string What,
    [property: JsonPropertyName("gold_original_outlet")] string? GoldOriginalOutlet,
    [property: JsonPropertyName("predicted_original_outlet")] string? PredictedOriginalOutlet,
    [property: JsonPropertyName("gold_derived_from")] string? GoldDerivedFrom,
    [property: JsonPropertyName("predicted_source")] string? PredictedSource,
    [property: JsonPropertyName("edge_kind")] string? EdgeKind,
    [property: JsonPropertyName("predicted_story")] long? PredictedStory);

public sealed record EvalOutcome(EvalReport Report, RelationScores Relations, IReadOnlyList<string> Warnings)
{
    public IReadOnlyList<ProvenanceMistake> Mistakes { get; init; } = [];
}

/// <summary>
/// `newsagg eval`: replays a labelled corpus in publication order through normalize, store and cluster on a fresh
/// temporary database and scores the stories against the gold labels. The same settings as the service: there is
/// no per-corpus switch.
/// </summary>
public static class EvalRunner
{
    public static async Task<EvalOutcome> RunAsync(string corpusPath, OutletDirectory outlets, ClusteringOptions options,
        ProvenanceOptions? provenanceOptions = null, ILoggerFactory? logs = null, CancellationToken ct = default)
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
            await using (var run = await CorpusReplay.CreateAsync(Path.Combine(directory, "eval.db"), outlets, options, provenanceOptions, logs, ct))
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
        var mistakes = new List<ProvenanceMistake>();
        foreach (var a in articles)
        {
            if (!replay.ArticleIds.TryGetValue(a.Id, out var id))
                continue;
            var chosen = provenance.Chosen.TryGetValue(id, out var edge) ? edge : default((long? SourceArticleId, string SourceOutletId, string Kind)?);
            var sourceId = chosen?.SourceArticleId is { } s && idsByArticle.TryGetValue(s, out var sources) ? sources : null;
            string? Name(string? outletId) => outletId is not null && provenance.OutletNames.TryGetValue(outletId, out var n) ? n[0] : outletId;
            string? predictedSource = sourceId?[0] ?? (chosen is { } c ? Name(c.SourceOutletId) : null);
            string? rootName = null;
            var outletWrong = false;
            if (a.OriginalOutlet is { } gold)
            {
                labelled++;
                var root = provenance.RootOutlet(id) ?? (assignments.TryGetValue(id, out var m) ? provenance.Origins.GetValueOrDefault(m.StoryId) : null);
                rootName = Name(root);
                if (root is not null && provenance.OutletNames.TryGetValue(root, out var names) && names.Any(n => string.Equals(n.Trim(), gold.Trim(), StringComparison.OrdinalIgnoreCase)))
                    outletCorrect++;
                else
                    outletWrong = true;
            }
            var edgeFalse = false;
            if (sourceId is not null)
            {
                claimed++;
                // False when gold says independent (null) or names another source; unknown (absent) is not judged.
                edgeFalse = a.DerivedFromKnown && (a.DerivedFrom is null || !sourceId.Contains(a.DerivedFrom));
                if (edgeFalse)
                    falseEdges++;
            }
            var missed = a.DerivedFromKnown && a.DerivedFrom is not null && sourceId is null;
            if (outletWrong || edgeFalse || missed)
            {
                var what = string.Join(",", new[] { outletWrong ? "original-outlet" : null, edgeFalse ? "false-edge" : null, missed ? "missed-edge" : null }.OfType<string>());
                mistakes.Add(new ProvenanceMistake(a.Id, a.Outlet, what, a.OriginalOutlet, rootName, a.DerivedFrom, predictedSource, chosen?.Kind,
                    assignments.TryGetValue(id, out var placed) ? placed.StoryId : null));
            }
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
        return new EvalOutcome(report, new RelationScores(relLabelled, relCorrect, confusion), warnings) { Mistakes = mistakes };
    }
}
