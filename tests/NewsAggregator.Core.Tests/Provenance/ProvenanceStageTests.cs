using Dapper;
using NewsAggregator.Core.Clustering;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Evaluation;
using NewsAggregator.Core.Outlets;
using NewsAggregator.Core.Provenance;

namespace NewsAggregator.Core.Tests.Provenance;

/// <summary>The provenance stage through the real pipeline (normalize, store, cluster) on real SQLite files.</summary>
public sealed class ProvenanceStageTests : IAsyncLifetime
{
    private static readonly OutletDirectory Outlets = OutletDirectory.Load(Path.Combine(SharedPaths.RepoRoot, "config", "outlets.json"));
    private readonly string _folder = Directory.CreateTempSubdirectory("newsagg-provenance-").FullName;

    private static EvalArticle Memo() => EvalCorpus.Read(Path.Combine(SharedPaths.Shared, "eval", "seed-provenance.jsonl")).Articles.Single();

    // A Guardian report of the same story, written for this test: it arrives after the rewrite that credits it.
    private static EvalArticle Guardian(DateTimeOffset published) => new()
    {
        Id = "guardian-1", Outlet = "The Guardian", Url = "https://www.theguardian.com/world/example/iraq-weapons-russia-iran",
        Title = "Iraqi militias smuggle heavy weapons to Russia via Iran, sources say",
        Body = "Iran-backed militias in Iraq have smuggled heavy weapons to Russia through Iran to help Moscow with its military offensive in Ukraine, according to intelligence sources and militia members in Iraq.\n\n"
               + "The weapons, including RPGs, anti-tank missiles, a Bavar 373 missile system and an S-300 air defence system, came from the Popular Mobilization Forces and first crossed the Iraqi border into Iran at the Salamja border post on 26 March.\n\n"
               + "They were received by the Iranian army and shipped across the Caspian Sea from Bandar Anzali to the Russian port of Astrakhan on three cargo ships, a militia commander who helped with the transport said.",
        Published = published,
    };

    [Fact]
    public async Task Seed_RewriteOfGuardianReport_ChainEndsAtTheGuardianOutlet_WithTheSpanAndNothingInvented()
    {
        await using var run = await CorpusReplay.CreateAsync(Path.Combine(_folder, "seed.db"), Outlets, new ClusteringOptions());
        var memo = Memo();
        var ids = (await run.RunAsync([memo], normalize: true)).ArticleIds;

        var chain = await new ProvenanceStore(run.Database).ChainAsync(ids[memo.Id]);
        Assert.NotNull(chain);
        Assert.Equal("guardian", chain.RootOutletId);
        var edge = Assert.Single(chain.Edges);
        Assert.Equal("attribution", edge.Kind);
        Assert.Null(edge.SourceArticleId);
        Assert.Contains("a report by The Guardian newspaper has revealed", edge.EvidenceJson, StringComparison.Ordinal);
        Assert.Equal("guardian", chain.StoryOriginOutletId);

        // Only The Guardian is named: no outlet from the related headline, the comments line, the think tank or the expert.
        await using var connection = await run.Database.OpenAsync();
        var named = (await connection.QueryAsync<string?>("SELECT DISTINCT outlet_id FROM provenance_evidence WHERE kind <> 'canonical'")).ToList();
        Assert.Equal(["guardian"], named);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outlets WHERE external = 1"));
    }

    // Every chosen edge, as "derived>source-article|source-outlet:kind", sorted.
    private static async Task<List<string>> ChosenEdgesAsync(CorpusReplay run)
    {
        await using var connection = await run.Database.OpenAsync();
        return (await connection.QueryAsync<string>("""
            SELECT article_id || '>' || COALESCE(source_article_id, '') || '|' || source_outlet_id || ':' || kind
            FROM provenance_edges WHERE chosen = 1 ORDER BY article_id
            """)).ToList();
    }

    [Fact]
    public async Task ChosenEdges_DoNotDependOnTheBatchBoundaries()
    {
        // A generated corpus with merges (articles bridging two stories): clustered one article per batch, then again
        // in batches of 1,000. Provenance runs after each batch is saved; an article must not see what later
        // articles of its batch did to its story (a merge moved its members away, and it lost its text edge).
        var corpus = NewsAggregator.Core.Evaluation.Synthetic.SyntheticCorpus.Generate(
            new() { Articles = 10000, Seed = 11, Outlets = Outlets.Outlets.ToList() }).ToList();
        await using var run = await CorpusReplay.CreateAsync(Path.Combine(_folder, "batches.db"), Outlets, new ClusteringOptions());
        await run.RunAsync(corpus, normalize: true, cluster: false);

        var single = new ClusterConsumer(run.Clusters, new ClusteringOptions(), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ClusterConsumer>.Instance) { BatchSize = 1 };
        await single.RunAsync();
        var oneByOne = await ChosenEdgesAsync(run);
        await using (var connection = await run.Database.OpenAsync())
            Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM cluster_decisions WHERE action = 'joined-and-merged'") > 0, "the corpus has merges");

        await run.Clusters.RequeueAllAsync(0);
        var batched = new ClusterConsumer(run.Clusters, new ClusteringOptions(), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ClusterConsumer>.Instance) { BatchSize = 1000 };
        await batched.RunAsync();
        Assert.True(oneByOne.Count > 1000);
        Assert.Equal(oneByOne, await ChosenEdgesAsync(run));
    }

    [Fact]
    public async Task LateArrivingOriginal_BecomesTheRootOfTheRewritesChain()
    {
        await using var run = await CorpusReplay.CreateAsync(Path.Combine(_folder, "late.db"), Outlets, new ClusteringOptions());
        var memo = Memo();
        var first = await run.RunAsync([memo], normalize: true);
        // The Guardian's report was published six hours before the rewrite but is ingested after it.
        var guardian = Guardian(memo.Published.AddHours(-6));
        var second = await run.RunAsync([guardian], normalize: true);
        var memoId = first.ArticleIds[memo.Id];
        var guardianId = second.ArticleIds[guardian.Id];

        var store = new ProvenanceStore(run.Database);
        var chain = await store.ChainAsync(memoId);
        Assert.NotNull(chain);
        Assert.Equal([memoId, guardianId], chain.Articles.Select(a => a.Id));
        Assert.Equal(guardianId, Assert.Single(chain.Edges).SourceArticleId);
        Assert.Equal("guardian", chain.RootOutletId);

        await using var connection = await run.Database.OpenAsync();
        var origin = await connection.QuerySingleAsync<(string OutletId, long? ArticleId)>(
            "SELECT o.outlet_id, o.article_id FROM story_origins o JOIN story_members m ON m.story_id = o.story_id WHERE m.article_id = @memoId", new { memoId });
        Assert.Equal(("guardian", (long?)guardianId), origin);
        // The Guardian's own report derives from nothing.
        Assert.Empty(await store.EdgesFromAsync(guardianId));
    }

    [Fact]
    public async Task IndependentReports_GetNoDerivedEdges()
    {
        // BASIL: each event reported independently by three outlets; no article-to-article edge may be chosen.
        await using var run = await CorpusReplay.CreateAsync(Path.Combine(_folder, "basil.db"), Outlets, new ClusteringOptions());
        var corpus = EvalCorpus.Read(Path.Combine(SharedPaths.Shared, "eval", "basil-events.dev.jsonl")).Articles.OrderBy(a => a.Published).ToList();
        await run.RunAsync(corpus, normalize: true);
        await using var connection = await run.Database.OpenAsync();
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM provenance_evidence WHERE kind = 'attribution'") > 0);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM provenance_edges WHERE chosen = 1 AND source_article_id IS NOT NULL"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
