using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Editorial;
using NewsAggregator.Core.Evaluation;
using NewsAggregator.Core.Evaluation.Synthetic;
using NewsAggregator.Core.Housekeeping;
using NewsAggregator.Core.Normalizing;
using NewsAggregator.Core.Outlets;
using NewsAggregator.Core.Polling;
using NewsAggregator.Core.Provenance;
using NewsAggregator.Core.Storage;
using Xunit.Abstractions;

namespace NewsAggregator.Core.Tests.Housekeeping;

/// <summary>
/// Retention on a real SQLite file with the real migrations: a generated corpus of two weeks is ingested, clustered
/// and traced by the real pipeline (first seen = published, as a replay stores it), an editor keeps two stories
/// apart, then retention removes what is older than its cutoff. Expectations are read from the database before the
/// run, never from the code's report.
/// </summary>
public sealed class ArticleRetentionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const long Day = 86_400_000;
    private static readonly OutletDirectory Outlets = OutletDirectory.Load(Path.Combine(SharedPaths.RepoRoot, "config", "outlets.json"));
    private static readonly ClusteringOptions Clustering = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("newsagg-retention-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    // About 200 articles a day over 15 days: stories, copies, rewrites and updates that straddle any cutoff.
    private static List<EvalArticle> Corpus(int articles = 3000) =>
        SyntheticCorpus.Generate(new SyntheticOptions { Articles = articles, Seed = 23, PerDay = 200, Outlets = Outlets.Outlets.ToList() })
            .OrderBy(a => a.Published).ToList();

    private static async Task<T> Query<T>(Database db, Func<DbConnection, Task<T>> query)
    {
        await using var c = await db.OpenAsync();
        return await query(c);
    }

    private static Task<long> Scalar(Database db, string sql, object? args = null) => Query(db, c => c.ExecuteScalarAsync<long>(sql, args));

    [Fact]
    public async Task RunAsync_OldArticles_RemovedWithEverythingReferringToThem_StoriesAndProvenanceStayConsistent()
    {
        await using var run = await CorpusReplay.CreateAsync(Path.Combine(_folder, "retention.db"), Outlets, Clustering);
        var corpus = Corpus();
        await run.RunAsync(corpus, normalize: true);
        var db = run.Database;
        var newest = await Scalar(db, "SELECT MAX(first_seen_ms) FROM articles");
        var oldest = await Scalar(db, "SELECT MIN(first_seen_ms) FROM articles");
        Assert.True(newest - oldest > 12 * Day, "the corpus spans more than twelve days");
        var options = new RetentionOptions { Days = 7, BatchSize = 97 };
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(newest + Day));
        var cutoff = newest + Day - 7 * Day;

        // An editor keeps two stories apart whose first articles will go while the stories live on.
        var straddling = (await Query(db, c => c.QueryAsync<long>("""
            SELECT s.id FROM stories s WHERE s.merged_into IS NULL
              AND EXISTS (SELECT 1 FROM articles a WHERE a.id = s.id AND a.first_seen_ms < @cutoff)
              AND EXISTS (SELECT 1 FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = s.id AND a.first_seen_ms >= @cutoff)
            ORDER BY s.id
            """, new { cutoff }))).AsList();
        Assert.True(straddling.Count >= 2, $"stories straddling the cutoff: {straddling.Count}");
        await new CorrectionStore(db).RequestAsync(new CorrectionRequest { Kind = CorrectionKind.CannotLink, ArticleIds = [straddling[0], straddling[1]] }, "alice", 1);
        await run.Consumer.RunAsync();
        Assert.Equal(1, await Scalar(db, "SELECT COUNT(*) FROM story_apart"));

        // What must happen, read from the database (the newest article and the queue hold nothing back here).
        Assert.Equal(0, await Scalar(db, "SELECT COUNT(*) FROM cluster_queue"));
        var doomed = (await Query(db, c => c.QueryAsync<long>("SELECT id FROM articles WHERE first_seen_ms < @cutoff", new { cutoff }))).ToHashSet();
        var survivors = (await Query(db, c => c.QueryAsync<long>("SELECT id FROM articles WHERE first_seen_ms >= @cutoff", new { cutoff }))).ToHashSet();
        var removedUrls = (await Query(db, c => c.QueryAsync<string>("SELECT canonical_url FROM articles WHERE first_seen_ms < @cutoff", new { cutoff }))).AsList();
        var expectVersions = await Scalar(db, "SELECT COUNT(*) FROM article_versions v JOIN articles a ON a.id = v.article_id WHERE a.first_seen_ms < @cutoff", new { cutoff });
        var expectSightings = await Scalar(db, "SELECT COUNT(*) FROM sightings s JOIN articles a ON a.id = s.article_id WHERE a.first_seen_ms < @cutoff", new { cutoff });
        var memberSplit = (await Query(db, c => c.QueryAsync<(long Story, long Old, long New)>("""
            SELECT m.story_id, SUM(a.first_seen_ms < @cutoff), SUM(a.first_seen_ms >= @cutoff)
            FROM story_members m JOIN articles a ON a.id = m.article_id GROUP BY m.story_id
            """, new { cutoff }))).AsList();
        var storiesGone = memberSplit.Where(s => s.New == 0).Select(s => s.Story).ToHashSet();
        var storiesShrunk = memberSplit.Where(s => s.Old > 0 && s.New > 0).Select(s => s.Story).ToHashSet();
        // Edges of surviving articles whose source goes: they must end at the same outlet, same kind and evidence.
        var crossing = (await Query(db, c => c.QueryAsync<(long Id, long ArticleId, string Outlet, string Kind, string Evidence, long? Gap, long Chosen)>("""
            SELECT e.id, e.article_id, e.source_outlet_id, e.kind, e.evidence_json, e.gap_ms, e.chosen FROM provenance_edges e
            JOIN articles d ON d.id = e.article_id JOIN articles s ON s.id = e.source_article_id
            WHERE d.first_seen_ms >= @cutoff AND s.first_seen_ms < @cutoff
            """, new { cutoff }))).AsList();
        var expectEdgesRemoved = await Scalar(db, "SELECT COUNT(*) FROM provenance_edges e JOIN articles a ON a.id = e.article_id WHERE a.first_seen_ms < @cutoff", new { cutoff });
        var originsLosingArticle = (await Query(db, c => c.QueryAsync<(long Story, string Outlet)>("""
            SELECT o.story_id, o.outlet_id FROM story_origins o JOIN articles a ON a.id = o.article_id
            WHERE a.first_seen_ms < @cutoff AND EXISTS (SELECT 1 FROM story_members m JOIN articles s ON s.id = m.article_id WHERE m.story_id = o.story_id AND s.first_seen_ms >= @cutoff)
            """, new { cutoff }))).AsList();
        output.WriteLine($"{doomed.Count} of {doomed.Count + survivors.Count} articles to remove; stories: {storiesGone.Count} to remove, {storiesShrunk.Count} to shrink; " +
            $"{crossing.Count} edges to retarget; {originsLosingArticle.Count} origins to unlink");
        Assert.True(doomed.Count > 500 && survivors.Count > 500);
        Assert.NotEmpty(storiesShrunk);
        Assert.NotEmpty(crossing);
        var countsBefore = await CountsAsync(db);

        var retention = new ArticleRetention(db, options, Clustering, clock);
        var dry = await retention.RunAsync(dryRun: true);

        Assert.Equal(countsBefore, await CountsAsync(db));
        Assert.Equal(Expected(), Figures(dry));

        var report = await retention.RunAsync();
        output.WriteLine($"Removed {report.Articles} articles in {report.Batches} batches, {report.Elapsed.TotalMilliseconds:F0} ms: {report}");

        // The report says what was done and what the dry run foresaw.
        Assert.Equal(Expected(), Figures(report));
        Assert.Equal(Figures(dry), Figures(report));
        Assert.True(report.Batches >= doomed.Count / options.BatchSize);
        Assert.StartsWith("Retention:Days", report.CutoffBasis);

        // Articles: exactly the old ones are gone.
        Assert.Equal(survivors.Order(), await Query(db, async c => (await c.QueryAsync<long>("SELECT id FROM articles ORDER BY id")).AsList()));
        await AssertNoOrphansAsync(db);

        // Stories: emptied ones gone with their origins, shrunk ones keep their id with counts and times recounted.
        var liveStories = (await Query(db, c => c.QueryAsync<long>("SELECT id FROM stories WHERE merged_into IS NULL"))).ToHashSet();
        Assert.Empty(liveStories.Intersect(storiesGone));
        Assert.Superset(storiesShrunk, liveStories);
        Assert.Equal(0, await Scalar(db, """
            SELECT COUNT(*) FROM stories s WHERE s.merged_into IS NULL AND (
                s.members <> (SELECT COUNT(*) FROM story_members m WHERE m.story_id = s.id)
                OR s.oldest_ms <> (SELECT MIN(a.published_ms) FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = s.id)
                OR s.newest_ms <> (SELECT MAX(a.published_ms) FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = s.id))
            """));
        Assert.Equal(0, await Scalar(db, "SELECT COUNT(*) FROM stories s WHERE s.merged_into IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stories t WHERE t.id = s.merged_into)"));
        Assert.Equal(0, await Scalar(db, "SELECT COUNT(*) FROM story_members m WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = m.story_id AND s.merged_into IS NULL)"));
        Assert.Equal(0, await Scalar(db, "SELECT COUNT(*) FROM story_origins o WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = o.story_id)"));
        // A story that lost its first article still has a headline on the stories page.
        var headless = straddling[0];
        var header = await new EditorQueries(db).StoryAsync(headless);
        Assert.False(string.IsNullOrEmpty(header!.Headline));

        // Origins that named a removed article keep their outlet.
        var origins = await Query(db, async c => (await c.QueryAsync<(long Story, string Outlet, long? Article)>("SELECT story_id, outlet_id, article_id FROM story_origins"))
            .ToDictionary(o => o.Story));
        foreach (var (story, outlet) in originsLosingArticle)
            Assert.Equal((story, outlet, (long?)null), origins[story]);

        // Provenance: edges into removed articles now end at the source's outlet, with kind and evidence kept.
        var edges = await Query(db, async c => (await c.QueryAsync<(long Id, long? Source, string Outlet, string Kind, string Evidence, long? Gap, long Chosen)>(
            "SELECT id, source_article_id, source_outlet_id, kind, evidence_json, gap_ms, chosen FROM provenance_edges")).ToDictionary(e => e.Id));
        foreach (var e in crossing)
            Assert.Equal(((long?)null, e.Outlet, e.Kind, e.Evidence, e.Gap, e.Chosen), (edges[e.Id].Source, edges[e.Id].Outlet, edges[e.Id].Kind, edges[e.Id].Evidence, edges[e.Id].Gap, edges[e.Id].Chosen));
        // A trace that went through a removed article still ends at that article's outlet.
        var traced = crossing.FirstOrDefault(e => e.Chosen == 1);
        Assert.True(traced.Id != 0, "a chosen edge crossed the cutoff");
        var chain = await new ProvenanceStore(db).ChainAsync(traced.ArticleId);
        Assert.NotNull(chain);
        Assert.Equal(traced.Outlet, chain.RootOutletId);
        Assert.Null(chain.Edges[^1].SourceArticleId);
        Assert.All(chain.Articles, a => Assert.Contains(a.Id, survivors));

        // The editor's "keep apart" still holds between the two stories, through members that stayed.
        await using (var c = await db.OpenAsync())
            Assert.Contains((straddling[0], straddling[1]), await CorrectionApplier.ApartStoriesAsync(c, null));

        // Tombstones: a feed carrying a removed item again does not bring it back; a new item is stored.
        Assert.Equal(doomed.Count, await Scalar(db, "SELECT COUNT(*) FROM article_tombstones"));
        var feed = await Query(db, c => c.QuerySingleAsync<(long Id, string OutletId, string Url)>("SELECT id, outlet_id, url FROM feeds ORDER BY id LIMIT 1"));
        var again = await run.Writer.WriteAsync(Poll(feed, clock.GetUtcNow(), Item(removedUrls[0], "Back again"), Item("https://example.test/new-after-retention", "Fresh news")));
        Assert.Equal((1, 1), (again.Tombstoned, again.New));
        Assert.Null(await new ArticleStore(db).FindByUrlAsync(removedUrls[0]));
        Assert.NotNull(await new ArticleStore(db).FindByUrlAsync("https://example.test/new-after-retention"));

        // The clustering consumer rebuilt from what is left clusters on.
        run.Consumer.RebuildBeforeNextRun();
        var after = await run.Consumer.RunAsync();
        Assert.Equal(1, after.Clustered);
        Assert.Equal(await Scalar(db, "SELECT COUNT(*) FROM article_features"), run.Consumer.Engine!.Documents);

        await AssertSqliteChecksAsync(db);

        // A second run finds nothing more to remove.
        var second = await retention.RunAsync();
        Assert.Equal(0, second.Articles);

        long[] Expected() =>
        [
            doomed.Count, expectVersions, expectSightings, storiesGone.Count, storiesShrunk.Count, expectEdgesRemoved, crossing.Count,
            originsLosingArticle.Count, doomed.Count,
        ];
    }

    [Fact]
    public async Task RunAsync_IngestStoppedLongerThanDays_ClusteringWindowOfNewestArticleIsKept()
    {
        await using var run = await CorpusReplay.CreateAsync(Path.Combine(_folder, "stopped.db"), Outlets, Clustering);
        await run.RunAsync(Corpus(1200), normalize: true);
        var db = run.Database;
        var newest = await Scalar(db, "SELECT MAX(first_seen_ms) FROM articles");
        var windowStart = newest - (long)(Clustering.WindowHours * 3_600_000);
        var inWindow = await Scalar(db, "SELECT COUNT(*) FROM articles WHERE first_seen_ms >= @windowStart", new { windowStart });
        // The service was down for a month: every article is older than Days, yet the clustering window stays.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(newest + 30 * Day));

        var report = await new ArticleRetention(db, new RetentionOptions { Days = 5 }, Clustering, clock).RunAsync();

        Assert.Contains("clustering window", report.CutoffBasis);
        Assert.Equal(windowStart, Time.ToMs(report.Cutoff!.Value));
        Assert.Equal(inWindow, await Scalar(db, "SELECT COUNT(*) FROM articles"));
        Assert.Equal(0, await Scalar(db, "SELECT COUNT(*) FROM articles WHERE first_seen_ms < @windowStart", new { windowStart }));
        Assert.True(report.Articles > 0);
        await AssertNoOrphansAsync(db);
        await AssertSqliteChecksAsync(db);
    }

    [Fact]
    public async Task RunAsync_QueuedAndNewestArticles_AreNeverRemoved()
    {
        await using var run = await CorpusReplay.CreateAsync(Path.Combine(_folder, "queued.db"), Outlets, Clustering);
        // Stored but not clustered: all of it waits in the queue, and nothing has a clustering window yet.
        await run.RunAsync(Corpus(300), normalize: true, cluster: false);
        var db = run.Database;
        var articles = await Scalar(db, "SELECT COUNT(*) FROM articles");
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(await Scalar(db, "SELECT MAX(first_seen_ms) FROM articles") + 60 * Day));
        var retention = new ArticleRetention(db, new RetentionOptions { Days = 5 }, Clustering, clock);

        Assert.Equal(0, (await retention.RunAsync()).Articles);
        Assert.Equal(articles, await Scalar(db, "SELECT COUNT(*) FROM articles"));

        // Out of the queue and never clustered (as if clustering had failed on each), no window holds them back: they
        // go, except the one with the highest id (SQLite would hand its id out again, and ids name stories).
        var maxId = await Scalar(db, "SELECT MAX(id) FROM articles");
        await using (var c = await db.OpenAsync())
            await c.ExecuteAsync("DELETE FROM cluster_queue");
        var report = await retention.RunAsync();
        Assert.Equal(articles - 1, report.Articles);
        Assert.Equal(maxId, await Scalar(db, "SELECT id FROM articles"));
        await AssertNoOrphansAsync(db);
    }

    [Fact]
    public async Task RunAsync_RetentionOffByDefault_RemovesNothing()
    {
        await using var run = await CorpusReplay.CreateAsync(Path.Combine(_folder, "off.db"), Outlets, Clustering);
        await run.RunAsync(Corpus(300), normalize: true);
        var before = await CountsAsync(run.Database);
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(await Scalar(run.Database, "SELECT MAX(first_seen_ms) FROM articles") + 3650 * Day));

        var report = await new ArticleRetention(run.Database, new RetentionOptions(), Clustering, clock).RunAsync();

        Assert.False(report.Enabled);
        Assert.Equal(0, report.Articles);
        Assert.Equal(before, await CountsAsync(run.Database));
    }

    [Fact]
    public async Task Tombstones_ExpireTombstoneDaysAfterTheLastPollThatCarriedTheItem()
    {
        await using var db = await Storage.TempDatabase.CreateAsync();
        var t0 = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var feeds = new FeedStore(db.Database);
        await feeds.SyncOutletsAsync(new OutletDirectory([new Outlet { Id = "herald", Name = "The Herald", Kind = "newspaper" }]));
        await feeds.SyncAsync([new FeedDefinition("herald", "herald", new Uri("https://herald.example/feed.xml"))], t0);
        var feed = (Id: (await feeds.ListAsync())[0].Id, OutletId: "herald", Url: "https://herald.example/feed.xml");
        await using var writer = db.NewWriter();
        var (kept, gone, other) = (Item("https://herald.example/kept", "Kept on the feed"), Item("https://herald.example/gone", "Dropped by the feed"), Item("https://herald.example/other", "Also dropped"));
        await writer.WriteAsync(Poll(feed, t0, kept, gone, other));
        await writer.WriteAsync(Poll(feed, t0.AddDays(20), Item("https://herald.example/newest", "Newest")));
        // No clustering here: the queue is emptied as the consumer would (queued articles are never removed).
        await using (var c = await db.Database.OpenAsync())
            await c.ExecuteAsync("DELETE FROM cluster_queue");
        var clock = new FakeTimeProvider(t0.AddDays(30));
        var retention = new ArticleRetention(db.Database, new RetentionOptions { Days = 10, TombstoneDays = 90 }, Clustering, clock);

        Assert.Equal(3, (await retention.RunAsync()).TombstonesWritten);
        // The feed still carries one of them 60 days in: dropped, and its tombstone lives on from there.
        Assert.Equal(1, (await writer.WriteAsync(Poll(feed, t0.AddDays(60), kept))).Tombstoned);
        clock.SetUtcNow(t0.AddDays(30 + 91));
        var dry = await retention.RunAsync(dryRun: true);
        var report = await retention.RunAsync();

        Assert.Equal((2, 2), (dry.TombstonesExpired, report.TombstonesExpired));
        var back = await writer.WriteAsync(Poll(feed, clock.GetUtcNow(), kept, gone));
        Assert.Equal((1, 1), (back.Tombstoned, back.New));
        Assert.NotNull(await new ArticleStore(db.Database).FindByUrlAsync("https://herald.example/gone"));
    }

    private static long[] Figures(RetentionReport r) =>
        [r.Articles, r.Versions, r.Sightings, r.StoriesRemoved, r.StoriesUpdated, r.EdgesRemoved, r.EdgesRetargeted, r.OriginsUnlinked, r.TombstonesWritten];

    private static async Task<string> CountsAsync(Database db)
    {
        var tables = new[] { "articles", "article_versions", "sightings", "stories", "story_members", "story_origins", "provenance_edges", "provenance_evidence", "article_tombstones" };
        var counts = new List<string>();
        foreach (var t in tables)
            counts.Add($"{t}={await Scalar(db, $"SELECT COUNT(*) FROM {t}")}");
        return string.Join(", ", counts);
    }

    /// <summary>
    /// No row anywhere names a missing article: every foreign key to articles (found in the schema, so a table added
    /// later is checked too), the references that are not foreign keys, and the full-text index.
    /// </summary>
    private static async Task AssertNoOrphansAsync(Database db)
    {
        await using var c = await db.OpenAsync();
        var tables = (await c.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'article_search%'")).AsList();
        var checkedColumns = new List<string>();
        foreach (var table in tables)
        {
            var keys = await c.QueryAsync<(long Id, long Seq, string Table, string From)>($"SELECT id, seq, \"table\", \"from\" FROM pragma_foreign_key_list('{table}')");
            foreach (var key in keys.Where(k => k.Table == "articles"))
            {
                checkedColumns.Add($"{table}.{key.From}");
                Assert.Equal(0, await c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} t WHERE t.{key.From} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = t.{key.From})"));
            }
        }
        Assert.Superset(new HashSet<string> { "article_versions.article_id", "sightings.article_id", "cluster_queue.article_id", "article_features.article_id",
            "story_members.article_id", "cluster_decisions.article_id", "cluster_failures.article_id", "provenance_evidence.article_id", "provenance_edges.article_id" },
            checkedColumns.ToHashSet());
        foreach (var (table, column) in new[]
        {
            ("provenance_edges", "source_article_id"), ("story_members", "nearest_article_id"), ("story_origins", "article_id"),
            ("story_apart", "article_a"), ("story_apart", "article_b"),
        })
        {
            Assert.True(0 == await c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} t WHERE t.{column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = t.{column})"),
                $"{table}.{column} names a removed article");
        }
        // The full-text index holds exactly the articles: no removed one is still found.
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM article_search_docsize d WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.id)"));
        Assert.Equal(await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM articles"), await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM article_search_docsize"));
    }

    private static async Task AssertSqliteChecksAsync(Database db)
    {
        await using var c = await db.OpenAsync();
        Assert.Empty(await c.QueryAsync("PRAGMA foreign_key_check"));
        Assert.Equal(new[] { "ok" }, await c.QueryAsync<string>("PRAGMA integrity_check"));
        // FTS5's own check compares the index with the articles it is built from.
        await c.ExecuteAsync("INSERT INTO article_search (article_search) VALUES ('integrity-check')");
    }

    private static NormalizedArticle Item(string url, string title) => new()
    {
        CanonicalUrl = url, Title = title, Body = $"{title}: a body long enough to be an article of its own.", PublishedUtc = DateTimeOffset.UnixEpoch.AddYears(56),
        ContentHash = ArticleNormalizer.ContentHash(title, url),
    };

    private static PollWrite Poll((long Id, string OutletId, string Url) feed, DateTimeOffset at, params NormalizedArticle[] articles) => new()
    {
        FeedId = feed.Id, OutletId = feed.OutletId, PolledUtc = at, Articles = articles,
        State = new FeedPollState { Url = new Uri(feed.Url), NextPollUtc = at.AddMinutes(15) },
    };
}
