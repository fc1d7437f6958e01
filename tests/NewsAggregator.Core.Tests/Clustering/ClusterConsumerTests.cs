using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using NewsAggregator.Core.Clustering;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Evaluation;
using NewsAggregator.Core.Outlets;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Tests.Clustering;

/// <summary>The consumer on real SQLite files with the real migrations, fed by the real writer with real articles.</summary>
public sealed class ClusterConsumerTests : IAsyncLifetime
{
    private static readonly OutletDirectory Outlets = OutletDirectory.Load(Path.Combine(SharedPaths.RepoRoot, "config", "outlets.json"));
    private static readonly ClusteringOptions Options = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("newsagg-cluster-").FullName;

    // BASIL's full articles then the first UCI headlines: both kinds of text, 435 articles in publication order.
    private static List<EvalArticle> Corpus() =>
        EvalCorpus.Read(Path.Combine(SharedPaths.Shared, "eval", "basil-events.dev.jsonl")).Articles
            .Concat(EvalCorpus.Read(Path.Combine(SharedPaths.Shared, "eval", "uci-headlines.dev.jsonl")).Articles.Take(300))
            .OrderBy(a => a.Published).ToList();

    [Fact]
    public async Task RunAsync_EveryQueuedVersion_IsClusteredOnceAndLeavesTheQueue()
    {
        await using var run = await CorpusReplay.CreateAsync(Path.Combine(_folder, "a.db"), Outlets, Options);
        var corpus = Corpus();
        var result = await run.RunAsync(corpus, normalize: true);

        await using var connection = await run.Database.OpenAsync();
        var articles = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM articles");
        Assert.Equal(articles, result.Clustered);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM cluster_queue"));
        Assert.Equal(articles, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM story_members"));
        Assert.Equal(articles, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM article_features"));
        Assert.Equal(articles, await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT seq) FROM cluster_decisions"));
        // Every live story's member count matches its members; merged stories point at a live one.
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM stories s WHERE s.merged_into IS NULL AND s.members <> (SELECT COUNT(*) FROM story_members m WHERE m.story_id = s.id)
            """));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM story_members m LEFT JOIN stories s ON s.id = m.story_id WHERE s.id IS NULL OR s.merged_into IS NOT NULL"));
    }

    [Fact]
    public async Task RunAsync_StoppedAndRestartedInSmallBatches_GivesTheStoriesOfOneUninterruptedRun()
    {
        var corpus = Corpus();
        Dictionary<long, (long, string, long?)> uninterrupted;
        await using (var a = await CorpusReplay.CreateAsync(Path.Combine(_folder, "a.db"), Outlets, Options))
        {
            await a.RunAsync(corpus, normalize: true);
            uninterrupted = await a.Clusters.AssignmentsAsync();
        }

        await using var b = await CorpusReplay.CreateAsync(Path.Combine(_folder, "b.db"), Outlets, Options);
        await b.RunAsync(corpus, normalize: true, cluster: false);
        var restarts = 0;
        while (await b.Clusters.QueueDepthAsync() > 0)
        {
            // A new consumer each time: its index is rebuilt from what the last one committed.
            var consumer = new ClusterConsumer(b.Clusters, Options, TimeProvider.System, NullLogger<ClusterConsumer>.Instance) { BatchSize = 37 };
            await consumer.RunAsync(maxBatches: 2);
            restarts++;
        }
        Assert.True(restarts > 5);
        Assert.Equal(uninterrupted, await b.Clusters.AssignmentsAsync());
    }

    [Fact]
    public async Task RequeueAll_ThenRun_GivesTheSameStoriesAsTheIncrementalRun()
    {
        await using var run = await CorpusReplay.CreateAsync(Path.Combine(_folder, "a.db"), Outlets, Options);
        await run.RunAsync(Corpus(), normalize: true);
        var incremental = await run.Clusters.AssignmentsAsync();

        var requeued = await run.Clusters.RequeueAllAsync(0);
        var consumer = new ClusterConsumer(run.Clusters, Options, TimeProvider.System, NullLogger<ClusterConsumer>.Instance);
        var report = await consumer.RunAsync();

        Assert.Equal(incremental.Count, requeued);
        Assert.Equal(requeued, report.Clustered);
        Assert.Equal(incremental, await run.Clusters.AssignmentsAsync());
    }

    [Fact]
    public async Task RunAsync_EditedArticle_StaysInItsStoryWithNewFeatures()
    {
        await using var run = await CorpusReplay.CreateAsync(Path.Combine(_folder, "a.db"), Outlets, Options);
        var t = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        EvalArticle Line(string id, string outlet, string title, string body, int minutes) => new()
        {
            Id = id, Outlet = outlet, Url = $"https://{outlet.ToLowerInvariant().Replace(' ', '-')}.example/{id}", Title = title, Body = body, Published = t.AddMinutes(minutes),
        };
        await run.RunAsync([
            Line("wire", "Reuters", Articles.DamTitle, Articles.DamBody, 0),
            Line("copy", "The Guardian", Articles.DamTitle, Articles.DamCopyBody, 20),
        ], normalize: true);
        // The copy's outlet edits its page: same URL, a new body (a new version queued for clustering).
        await run.RunAsync([Line("copy", "The Guardian", Articles.DamTitle + " (updated)", Articles.DamCopyBody + "\n\nThe dam was inspected by drone on Tuesday.", 20)], normalize: true);

        var assignments = await run.Clusters.AssignmentsAsync();
        Assert.Equal(2, assignments.Count);
        Assert.Single(assignments.Values.Select(a => a.StoryId).Distinct());
        var copyId = assignments.Keys.Max();
        var decisions = await run.Clusters.DecisionsAsync(copyId);
        Assert.Equal(["joined", "updated"], decisions.Select(d => d.Action));
        Assert.Equal("duplicate", assignments[copyId].Relation);
    }

    [Fact]
    public async Task RunAsync_EngineFailsOnOneArticle_ItIsSetAsideAndTheQueueMovesOn()
    {
        await using var run = await CorpusReplay.CreateAsync(Path.Combine(_folder, "a.db"), Outlets, Options);
        var corpus = Corpus().Take(60).ToList();
        await run.RunAsync(corpus, normalize: true, cluster: false);
        var consumer = new ClusterConsumer(run.Clusters, Options, TimeProvider.System, NullLogger<ClusterConsumer>.Instance)
        {
            BatchSize = 25, FailFor = q => q.ArticleId == 30,
        };

        // The failing run stops after setting the article aside; the next runs rebuild the engine and go on.
        for (var i = 0; i < 10 && await run.Clusters.QueueDepthAsync() > 0; i++)
            await consumer.RunAsync();

        Assert.Equal(0, await run.Clusters.QueueDepthAsync());
        var assignments = await run.Clusters.AssignmentsAsync();
        Assert.Equal(59, assignments.Count);
        Assert.DoesNotContain(30L, assignments.Keys);
        await using var connection = await run.Database.OpenAsync();
        var error = await connection.ExecuteScalarAsync<string>("SELECT error FROM cluster_failures WHERE article_id = 30");
        Assert.Contains("injected failure for article 30", error);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
