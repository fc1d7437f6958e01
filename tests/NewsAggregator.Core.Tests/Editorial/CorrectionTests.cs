using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using NewsAggregator.Core.Clustering;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Editorial;
using NewsAggregator.Core.Evaluation;
using NewsAggregator.Core.Outlets;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Tests.Editorial;

/// <summary>
/// Editors' corrections applied by the real clustering consumer on real SQLite files with the real migrations:
/// each one's effect, and that they hold when clustering goes on, after a restart, and after `recluster`.
/// </summary>
public sealed class CorrectionTests : IAsyncLifetime
{
    private static readonly OutletDirectory Outlets = OutletDirectory.Load(Path.Combine(SharedPaths.RepoRoot, "config", "outlets.json"));
    private static readonly ClusteringOptions Options = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("newsagg-corrections-").FullName;

    // BASIL's full articles then UCI headlines, in publication order: the first part is clustered before the
    // editor steps in, the second after.
    private static (List<EvalArticle> First, List<EvalArticle> Second) Corpus()
    {
        var all = EvalCorpus.Read(Path.Combine(SharedPaths.Shared, "eval", "basil-events.dev.jsonl")).Articles
            .Concat(EvalCorpus.Read(Path.Combine(SharedPaths.Shared, "eval", "uci-headlines.dev.jsonl")).Articles.Take(300))
            .OrderBy(a => a.Published).ToList();
        return (all[..(all.Count / 2)], all[(all.Count / 2)..]);
    }

    private sealed record Plan(long MergeA, long MergeB, long SplitStory, long SplitArticle, long ApartA, long ApartB, long OriginStory, string OriginOutlet);

    // Corrections chosen from the stories the first part formed (deterministic: the same corpus forms the same stories).
    private static async Task<Plan> PlanAsync(Database database)
    {
        await using var c = await database.OpenAsync();
        var big = (await c.QueryAsync<long>("SELECT id FROM stories WHERE merged_into IS NULL AND members >= 2 ORDER BY members DESC, id LIMIT 6")).AsList();
        Assert.True(big.Count == 6, "the first part forms at least six stories of two or more");
        var splitArticle = await c.ExecuteScalarAsync<long>("SELECT MAX(article_id) FROM story_members WHERE story_id = @s", new { s = big[2] });
        var apartB = await c.ExecuteScalarAsync<long>("SELECT MAX(article_id) FROM story_members WHERE story_id = @s", new { s = big[3] });
        var origin = await c.ExecuteScalarAsync<string>("""
            SELECT id FROM outlets WHERE id <> COALESCE((SELECT outlet_id FROM story_origins WHERE story_id = @s), '') ORDER BY id LIMIT 1
            """, new { s = big[4] });
        return new Plan(big[0], big[1], big[2], splitArticle, big[3], apartB, big[4], origin!);
    }

    private static async Task<long[]> RequestAsync(Database database, Plan p)
    {
        var store = new CorrectionStore(database);
        return
        [
            await store.RequestAsync(new CorrectionRequest { Kind = CorrectionKind.Merge, StoryId = p.MergeA, OtherStoryId = p.MergeB, Note = "same summit" }, "alice", 1),
            await store.RequestAsync(new CorrectionRequest { Kind = CorrectionKind.Split, StoryId = p.SplitStory, ArticleIds = [p.SplitArticle] }, "alice", 2),
            await store.RequestAsync(new CorrectionRequest { Kind = CorrectionKind.CannotLink, ArticleIds = [p.ApartA, p.ApartB] }, "bob", 3),
            await store.RequestAsync(new CorrectionRequest { Kind = CorrectionKind.SetOrigin, StoryId = p.OriginStory, OutletId = p.OriginOutlet }, "bob", 4),
        ];
    }

    private static Task<long?> StoryOfAsync(Database database, long article) =>
        Query(database, c => c.ExecuteScalarAsync<long?>("SELECT story_id FROM story_members WHERE article_id = @article", new { article }));

    private static async Task<T> Query<T>(Database database, Func<System.Data.Common.DbConnection, Task<T>> query)
    {
        await using var c = await database.OpenAsync();
        return await query(c);
    }

    private static Task<Dictionary<long, string>> OriginsAsync(Database database) =>
        Query(database, async c => (await c.QueryAsync<(long, string)>("SELECT story_id, outlet_id || ':' || basis FROM story_origins")).ToDictionary(r => r.Item1, r => r.Item2));

    [Fact]
    public async Task Corrections_AppliedByTheConsumer_DoWhatTheEditorAsked()
    {
        var (first, _) = Corpus();
        await using var run = await CorpusReplay.CreateAsync(Path.Combine(_folder, "a.db"), Outlets, Options);
        await run.RunAsync(first, normalize: true);
        var plan = await PlanAsync(run.Database);
        var splitMates = await Query(run.Database, async c => (await c.QueryAsync<long>(
            "SELECT article_id FROM story_members WHERE story_id = @s AND article_id <> @a", new { s = plan.SplitStory, a = plan.SplitArticle })).AsList());
        var ids = await RequestAsync(run.Database, plan);

        await run.Consumer.RunAsync();

        var store = new CorrectionStore(run.Database);
        foreach (var id in ids)
        {
            var row = await store.GetAsync(id);
            Assert.True(row!.Status == "applied", $"correction {id} ({row.Kind}) is {row.Status}: {row.Error}");
        }
        // Merge: one story under the older id; the other's row points at it.
        var survivor = Math.Min(plan.MergeA, plan.MergeB);
        Assert.Equal(survivor, await StoryOfAsync(run.Database, plan.MergeA));
        Assert.Equal(survivor, await StoryOfAsync(run.Database, plan.MergeB));
        Assert.Equal(survivor, await Query(run.Database, c => c.ExecuteScalarAsync<long?>("SELECT merged_into FROM stories WHERE id = @m", new { m = Math.Max(plan.MergeA, plan.MergeB) })));
        // Split: the article is a story of its own (its id), its old mates stay together under the old id.
        Assert.Equal(plan.SplitArticle, await StoryOfAsync(run.Database, plan.SplitArticle));
        foreach (var mate in splitMates)
            Assert.Equal(plan.SplitStory, await StoryOfAsync(run.Database, mate));
        // Cannot-link: the two are no longer in one story.
        Assert.NotEqual(await StoryOfAsync(run.Database, plan.ApartA), await StoryOfAsync(run.Database, plan.ApartB));
        // Origin: the editor's outlet, marked as the editor's.
        Assert.Equal($"{plan.OriginOutlet}:editor", (await OriginsAsync(run.Database))[plan.OriginStory]);
        // Every live story's size still matches its members.
        Assert.Equal(0, await Query(run.Database, c => c.ExecuteScalarAsync<long>("""
            SELECT COUNT(*) FROM stories s WHERE s.merged_into IS NULL AND s.members <> (SELECT COUNT(*) FROM story_members m WHERE m.story_id = s.id)
            """)));
        // Shown on the stories they touched.
        Assert.Contains(await store.ForStoryAsync(plan.SplitArticle), r => r.Id == ids[1]);

        // Exports: the stories as corrected, and the manifest names the corrections in force.
        var folder = Path.Combine(_folder, "export");
        var manifest = await new Core.Research.ExportWriter(run.Database, TimeProvider.System)
            .WriteAsync(new Core.Research.ExportRequest([Core.Research.ExportTable.Stories], Core.Research.ExportFormat.Jsonl, Core.Research.ExportRange.All, folder));
        Assert.Equal(ids, manifest.Corrections!.Select(c => c.Id));
        Assert.Equal(["merge", "split", "cannot-link", "set-origin"], manifest.Corrections!.Select(c => c.Kind));
        var stories = File.ReadLines(Path.Combine(folder, "stories.jsonl")).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.DoesNotContain(stories, s => s.GetProperty("id").GetInt64() == Math.Max(plan.MergeA, plan.MergeB));
        var origin = stories.Single(s => s.GetProperty("id").GetInt64() == plan.OriginStory);
        Assert.Equal(plan.OriginOutlet, origin.GetProperty("original_outlet_id").GetString());
        Assert.Equal("editor", origin.GetProperty("basis").GetString());
    }

    [Fact]
    public async Task Corrections_HoldAfterMoreClustering_ARestart_AndARecluster()
    {
        var (first, second) = Corpus();

        // a: one consumer throughout: the corrections between the two parts, then the second part.
        await using var a = await CorpusReplay.CreateAsync(Path.Combine(_folder, "a.db"), Outlets, Options);
        await a.RunAsync(first, normalize: true);
        var plan = await PlanAsync(a.Database);
        await RequestAsync(a.Database, plan);
        await a.Consumer.RunAsync();
        await a.RunAsync(second, normalize: true);
        var incremental = await a.Clusters.AssignmentsAsync();
        var origins = await OriginsAsync(a.Database);

        // The corrections still hold after the second part.
        Assert.Equal(await StoryOfAsync(a.Database, plan.MergeA), await StoryOfAsync(a.Database, plan.MergeB));
        Assert.NotEqual(await StoryOfAsync(a.Database, plan.SplitArticle), await StoryOfAsync(a.Database, plan.SplitStory));
        Assert.NotEqual(await StoryOfAsync(a.Database, plan.ApartA), await StoryOfAsync(a.Database, plan.ApartB));
        Assert.EndsWith(":editor", origins[plan.OriginStory]);

        // b: the same, but the service restarts after the corrections: a new consumer rebuilt from the database.
        await using (var b = await CorpusReplay.CreateAsync(Path.Combine(_folder, "b.db"), Outlets, Options))
        {
            await b.RunAsync(first, normalize: true);
            Assert.Equal(plan, await PlanAsync(b.Database));
            await RequestAsync(b.Database, plan);
            await b.Consumer.RunAsync();
            await b.RunAsync(second, normalize: true, cluster: false);
            await new ClusterConsumer(b.Clusters, Options, TimeProvider.System, NullLogger<ClusterConsumer>.Instance).RunAsync();
            Assert.Equal(incremental, await b.Clusters.AssignmentsAsync());
        }

        // recluster: from scratch, the corrections replayed where they were first applied.
        await a.Clusters.RequeueAllAsync(0);
        await new ClusterConsumer(a.Clusters, Options, TimeProvider.System, NullLogger<ClusterConsumer>.Instance).RunAsync();
        Assert.Equal(incremental, await a.Clusters.AssignmentsAsync());
        Assert.Equal(origins, await OriginsAsync(a.Database));
        Assert.Equal(0, await Query(a.Database, c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM corrections WHERE status <> 'applied'")));
    }

    [Fact]
    public async Task Undo_RevertsEachKind_AndAnUndoneCorrectionStaysUndoneAfterARecluster()
    {
        var (first, _) = Corpus();
        await using var run = await CorpusReplay.CreateAsync(Path.Combine(_folder, "a.db"), Outlets, Options);
        await run.RunAsync(first, normalize: true);
        var before = await run.Clusters.AssignmentsAsync();
        var originsBefore = await OriginsAsync(run.Database);
        var plan = await PlanAsync(run.Database);
        var ids = await RequestAsync(run.Database, plan);
        await run.Consumer.RunAsync();
        Assert.NotEqual(before, await run.Clusters.AssignmentsAsync());

        var store = new CorrectionStore(run.Database);
        foreach (var id in ids.Reverse())
            await store.RequestAsync(new CorrectionRequest { Kind = CorrectionKind.Undo, Undoes = id }, "carol", 10);
        await run.Consumer.RunAsync();

        foreach (var id in ids)
            Assert.NotNull((await store.GetAsync(id))!.UndoneBy);
        var undone = await run.Clusters.AssignmentsAsync();
        // Every article is back in the story it was in (relations aside: those are the clustering's, kept as decided).
        Assert.Equal(before.ToDictionary(kv => kv.Key, kv => kv.Value.StoryId), undone.ToDictionary(kv => kv.Key, kv => kv.Value.StoryId));
        Assert.Equal(originsBefore, await OriginsAsync(run.Database));
        Assert.Equal(0, await Query(run.Database, c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM story_apart")));

        // An undo of an undone correction is refused with a reason.
        var again = await store.RequestAsync(new CorrectionRequest { Kind = CorrectionKind.Undo, Undoes = ids[0] }, "carol", 11);
        await run.Consumer.RunAsync();
        var refused = await store.GetAsync(again);
        Assert.Equal("rejected", refused!.Status);
        Assert.Contains("already undone", refused.Error);

        await run.Clusters.RequeueAllAsync(0);
        await new ClusterConsumer(run.Clusters, Options, TimeProvider.System, NullLogger<ClusterConsumer>.Instance).RunAsync();
        Assert.Equal(undone, await run.Clusters.AssignmentsAsync());
    }

    [Fact]
    public async Task Merge_OfStoriesAnEditorKeptApart_IsRejectedWithTheReason()
    {
        var (first, _) = Corpus();
        await using var run = await CorpusReplay.CreateAsync(Path.Combine(_folder, "a.db"), Outlets, Options);
        await run.RunAsync(first, normalize: true);
        var plan = await PlanAsync(run.Database);
        var store = new CorrectionStore(run.Database);
        var split = await store.RequestAsync(new CorrectionRequest { Kind = CorrectionKind.Split, StoryId = plan.SplitStory, ArticleIds = [plan.SplitArticle] }, "alice", 1);
        var merge = await store.RequestAsync(new CorrectionRequest { Kind = CorrectionKind.Merge, StoryId = plan.SplitStory, OtherStoryId = plan.SplitArticle }, "bob", 2);
        await run.Consumer.RunAsync();

        var row = await store.GetAsync(merge);
        Assert.Equal("rejected", row!.Status);
        Assert.Contains($"correction {split}", row.Error);
        Assert.NotEqual(await StoryOfAsync(run.Database, plan.SplitArticle), await StoryOfAsync(run.Database, plan.SplitStory));
    }

    [Theory]
    [InlineData(CorrectionKind.Merge)]
    [InlineData(CorrectionKind.Split)]
    [InlineData(CorrectionKind.CannotLink)]
    [InlineData(CorrectionKind.SetOrigin)]
    [InlineData(CorrectionKind.Undo)]
    public async Task Request_MissingWhatItsKindNeeds_IsRefusedBeforeItIsStored(CorrectionKind kind)
    {
        await using var run = await CorpusReplay.CreateAsync(Path.Combine(_folder, "a.db"), Outlets, Options);
        var store = new CorrectionStore(run.Database);
        var e = await Assert.ThrowsAsync<ArgumentException>(() => store.RequestAsync(new CorrectionRequest { Kind = kind, ArticleIds = [1] }, "alice", 1));
        Assert.Contains(CorrectionStore.Name(kind), e.Message);
        Assert.Empty(await store.ListAsync(null, 10));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
