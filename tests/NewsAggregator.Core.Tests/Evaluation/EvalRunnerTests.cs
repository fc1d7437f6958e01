using System.Text.Json;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Evaluation;
using NewsAggregator.Core.Outlets;

namespace NewsAggregator.Core.Tests.Evaluation;

/// <summary>The quality bar of issue 3 on the dev corpora, with the one shipped configuration (config/appsettings.json defaults).</summary>
public sealed class EvalRunnerTests
{
    private static readonly OutletDirectory Outlets = OutletDirectory.Load(Path.Combine(SharedPaths.RepoRoot, "config", "outlets.json"));

    private static Task<EvalOutcome> Run(string file) =>
        EvalRunner.RunAsync(Path.Combine(SharedPaths.Shared, "eval", file), Outlets, new ClusteringOptions());

    [Fact]
    public async Task Run_BasilEvents_BCubedF1AtLeast097()
    {
        var r = (await Run("basil-events.dev.jsonl")).Report;
        Assert.Equal(135, r.Articles);
        Assert.Equal(45, r.GoldStories);
        Assert.True(r.BCubed.F1 >= 0.97, $"B-cubed {r.BCubed}");
    }

    [Fact]
    public async Task Run_UciHeadlines_BCubedF1AtLeast075()
    {
        var r = (await Run("uci-headlines.dev.jsonl")).Report;
        Assert.Equal(2989, r.Articles);
        Assert.True(r.BCubed.F1 >= 0.75, $"B-cubed {r.BCubed}");
        Assert.InRange(r.BCubed.Precision, 0.0001, 1);
        Assert.InRange(r.BCubed.Recall, 0.0001, 1);
    }

    [Fact]
    public async Task Report_SerializesToExactlyTheDocumentedObject()
    {
        var r = (await Run("seed-provenance.jsonl")).Report;
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(r));
        Assert.Equal(
            ["corpus", "articles", "gold_stories", "predicted_stories", "bcubed", "pairwise", "provenance", "articles_per_second", "peak_working_set_mb"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["precision", "recall", "f1"], json.RootElement.GetProperty("bcubed").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["labelled", "original_outlet_correct", "original_outlet_accuracy", "derived_edges_claimed", "derived_edges_false"],
            json.RootElement.GetProperty("provenance").EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, json.RootElement.GetProperty("articles").GetInt32());
    }
}
