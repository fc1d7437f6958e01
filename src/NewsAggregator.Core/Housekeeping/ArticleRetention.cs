using System.Data.Common;
using System.Diagnostics;
using Dapper;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Housekeeping;

/// <summary>What a retention run removed (or, dry, would remove).</summary>
public sealed record RetentionReport
{
    public bool Enabled { get; init; }
    public bool DryRun { get; init; }
    /// <summary>Articles first seen before this are removed.</summary>
    public DateTimeOffset? Cutoff { get; init; }
    /// <summary>Why the cutoff is where it is: Retention:Days, or the clustering window when ingest stopped for longer.</summary>
    public string CutoffBasis { get; init; } = "";
    public long Articles { get; init; }
    public long Versions { get; init; }
    public long Sightings { get; init; }
    /// <summary>Stories all of whose members were removed: removed with them.</summary>
    public long StoriesRemoved { get; init; }
    /// <summary>Stories that lost some members: same id, member count and times recounted.</summary>
    public long StoriesUpdated { get; init; }
    /// <summary>Provenance edges of removed articles.</summary>
    public long EdgesRemoved { get; init; }
    /// <summary>Edges of surviving articles whose source article was removed: they now end at its outlet.</summary>
    public long EdgesRetargeted { get; init; }
    /// <summary>Surviving stories whose original article was removed: they keep its outlet.</summary>
    public long OriginsUnlinked { get; init; }
    public long TombstonesWritten { get; init; }
    public long TombstonesExpired { get; init; }
    public int Batches { get; init; }
    public TimeSpan Elapsed { get; init; }
}

/// <summary>
/// Retention (issue 6): removes articles first seen more than <see cref="RetentionOptions.Days"/> ago with every row
/// that refers to them, in batches of <see cref="RetentionOptions.BatchSize"/>, each its own short write transaction
/// through the process' write gate (ingest and clustering take their turns in between). Each removed article leaves a
/// tombstone that makes ingest drop the item when a feed still carries it.
/// <para>
/// Age is the first-seen time: the one clock we set ourselves. A feed's publication date can be missing, wrong or
/// re-dated on every edit, so an article published "in 2009" but first seen today would go at once, and one dated in
/// the future would never go.
/// </para>
/// <para>
/// What stays consistent, and how:
/// <list type="bullet">
/// <item>a story whose members are all removed is removed (its origin and the rows of stories merged into it too):
/// a story with no members has nothing to show, and marking it retired would make every reader filter it;</item>
/// <item>a story that loses some members keeps its id (links keep working) with its member count and first and last
/// publication times recounted from the members left;</item>
/// <item>a story whose original article is removed keeps its original outlet, without the article: the origin was
/// worked out with that article present, and working it out again without it would name a later outlet;</item>
/// <item>an edge of a surviving article whose source article is removed now points at the source's outlet node (as
/// for a source that was never ingested), keeping its kind, evidence, confidence and time gap: a trace still ends at
/// the outlet the text came from, where removing the edge would make the copy look like an original report;</item>
/// <item>a member whose nearest neighbour is removed keeps its relation without the neighbour; decisions of
/// surviving articles are kept as they were recorded (they may name candidates since removed);</item>
/// <item>a pair of stories kept apart by an editor is re-pointed at another member of the same story.</item>
/// </list>
/// </para>
/// <para>
/// Never removed: an article waiting in the clustering queue (an edit of an old article; it goes once clustered), the
/// article with the highest id (SQLite gives a new row the highest id plus one, and ids name stories and corrections,
/// so the highest must never be freed for reuse), and any article within the clustering window of the newest clustered
/// one (the consumer holds those in memory; the window, not the clock, decides when ingest stopped for days).
/// </para>
/// </summary>
public sealed class ArticleRetention(Database database, RetentionOptions options, ClusteringOptions clustering, TimeProvider time)
{
    private const long DayMs = 86_400_000;

    // The articles a run removes, as a SQL condition on an article aliased "a" (@cutoff, @maxId fixed per run).
    private const string Removable = """
        (a.first_seen_ms < @cutoff AND a.id < @maxId AND NOT EXISTS (SELECT 1 FROM cluster_queue q WHERE q.article_id = a.id))
        """;

    /// <summary>Removes what is due, batch by batch; with <paramref name="dryRun"/> only counts it, writing nothing.</summary>
    public async Task<RetentionReport> RunAsync(bool dryRun = false, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        if (!options.Enabled)
            return new RetentionReport { Enabled = false, DryRun = dryRun };
        var nowMs = Time.ToMs(time.GetUtcNow());
        await using var connection = await database.OpenAsync(ct);
        var (cutoff, basis, maxId) = await CutoffAsync(connection, nowMs, ct);
        var run = new Run(cutoff, maxId, nowMs);
        var tombstoneBefore = nowMs - options.TombstoneDays * DayMs;
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("CREATE TEMP TABLE IF NOT EXISTS retention_batch (id INTEGER PRIMARY KEY)", cancellationToken: ct));
            if (dryRun)
            {
                // The whole set at once, read only (the temporary table is the connection's own): what the batches would do.
                await FillAsync(connection, null, run, long.MaxValue, ct);
                await CountAsync(connection, null, run, ct);
                run.StoriesRemoved = run.Emptied.Count;
                run.TombstonesWritten = run.Articles;
                run.TombstonesExpired = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM article_tombstones WHERE last_seen_ms < @tombstoneBefore", new { tombstoneBefore }, cancellationToken: ct));
            }
            else
            {
                while (!ct.IsCancellationRequested && await RemoveBatchAsync(connection, run, ct))
                    run.Batches++;
                while (!ct.IsCancellationRequested && await ExpireTombstonesAsync(connection, tombstoneBefore, run, ct))
                {
                }
            }
        }
        finally
        {
            // Pooled connections live on: the temporary table must not.
            await connection.ExecuteAsync("DROP TABLE IF EXISTS temp.retention_batch");
        }
        return new RetentionReport
        {
            Enabled = true, DryRun = dryRun, Cutoff = Time.FromMs(cutoff), CutoffBasis = basis,
            Articles = run.Articles, Versions = run.Versions, Sightings = run.Sightings,
            StoriesRemoved = run.StoriesRemoved, StoriesUpdated = run.Updated.Except(run.Emptied).Count(),
            EdgesRemoved = run.EdgesRemoved, EdgesRetargeted = run.EdgesRetargeted, OriginsUnlinked = run.OriginsUnlinked,
            TombstonesWritten = run.TombstonesWritten, TombstonesExpired = run.TombstonesExpired, Batches = run.Batches, Elapsed = watch.Elapsed,
        };
    }

    /// <summary>
    /// Days ago, unless that reaches into the clustering window of the newest clustered article (ingest stopped for
    /// longer than Days minus the window): the window then decides.
    /// </summary>
    private async Task<(long Cutoff, string Basis, long MaxId)> CutoffAsync(DbConnection connection, long nowMs, CancellationToken ct)
    {
        var cutoff = nowMs - options.Days * DayMs;
        var basis = $"Retention:Days = {options.Days}";
        // Newest first along articles_first_seen, stepping over articles not clustered yet (the queue's backlog).
        var newestClustered = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            SELECT a.first_seen_ms FROM articles a WHERE EXISTS (SELECT 1 FROM article_features f WHERE f.article_id = a.id)
            ORDER BY a.first_seen_ms DESC LIMIT 1
            """, cancellationToken: ct));
        var windowStart = newestClustered - (long)(clustering.WindowHours * 3_600_000);
        if (windowStart < cutoff)
        {
            cutoff = windowStart.Value;
            basis = $"the clustering window (Clustering:WindowHours = {clustering.WindowHours}) of the newest clustered article";
        }
        var maxId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT MAX(id) FROM articles", cancellationToken: ct)) ?? 0;
        return (cutoff, basis, maxId);
    }

    private static Task FillAsync(DbConnection connection, DbTransaction? tx, Run run, long limit, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition($"""
            DELETE FROM retention_batch;
            INSERT INTO retention_batch (id)
            SELECT a.id FROM articles a WHERE {Removable} ORDER BY a.first_seen_ms, a.id LIMIT @limit;
            """, new { cutoff = run.Cutoff, maxId = run.MaxId, limit }, tx, cancellationToken: ct));

    /// <summary>
    /// Counts what removing the batch does, the same way for a dry run (the batch is everything) and a run: "survives"
    /// means not removable in this run, so that a story or edge spanning two batches is counted once.
    /// </summary>
    private static async Task CountAsync(DbConnection connection, DbTransaction? tx, Run run, CancellationToken ct)
    {
        var counts = await connection.QuerySingleAsync<(long Articles, long Versions, long Sightings, long EdgesRemoved, long EdgesRetargeted, long OriginsUnlinked)>(
            new CommandDefinition($"""
            SELECT
                (SELECT COUNT(*) FROM retention_batch),
                (SELECT COUNT(*) FROM article_versions WHERE article_id IN (SELECT id FROM retention_batch)),
                (SELECT COUNT(*) FROM sightings WHERE article_id IN (SELECT id FROM retention_batch)),
                (SELECT COUNT(*) FROM provenance_edges WHERE article_id IN (SELECT id FROM retention_batch)),
                (SELECT COUNT(*) FROM provenance_edges e JOIN articles a ON a.id = e.article_id
                 WHERE e.source_article_id IN (SELECT id FROM retention_batch) AND NOT {Removable}),
                (SELECT COUNT(*) FROM story_origins o
                 WHERE o.article_id IN (SELECT id FROM retention_batch)
                   AND EXISTS (SELECT 1 FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = o.story_id AND NOT {Removable}))
            """, new { cutoff = run.Cutoff, maxId = run.MaxId }, tx, cancellationToken: ct));
        run.Articles += counts.Articles;
        run.Versions += counts.Versions;
        run.Sightings += counts.Sightings;
        run.EdgesRemoved += counts.EdgesRemoved;
        run.EdgesRetargeted += counts.EdgesRetargeted;
        run.OriginsUnlinked += counts.OriginsUnlinked;
        var stories = await connection.QueryAsync<(long StoryId, long Survives)>(new CommandDefinition($"""
            SELECT t.story_id,
                   EXISTS (SELECT 1 FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = t.story_id AND NOT {Removable})
            FROM (SELECT DISTINCT m.story_id FROM retention_batch b JOIN story_members m ON m.article_id = b.id) t
            """, new { cutoff = run.Cutoff, maxId = run.MaxId }, tx, cancellationToken: ct));
        foreach (var (story, survives) in stories)
            (survives != 0 ? run.Updated : run.Emptied).Add(story);
    }

    /// <summary>One batch in one write transaction; false when nothing was left to remove.</summary>
    private async Task<bool> RemoveBatchAsync(DbConnection connection, Run run, CancellationToken ct)
    {
        await using var write = await database.BeginWriteAsync(connection, ct);
        var tx = write.Transaction;
        await FillAsync(connection, tx, run, options.BatchSize, ct);
        await CountAsync(connection, tx, run, ct);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM retention_batch", transaction: tx) == 0)
            return false;
        var touched = (await connection.QueryAsync<long>(
            "SELECT DISTINCT m.story_id FROM retention_batch b JOIN story_members m ON m.article_id = b.id", transaction: tx)).AsList();

        // Tombstones first, while the URLs are still there.
        var urls = (await connection.QueryAsync<string>("SELECT a.canonical_url FROM retention_batch b JOIN articles a ON a.id = b.id", transaction: tx)).AsList();
        foreach (var url in urls)
        {
            await connection.ExecuteAsync("""
                INSERT INTO article_tombstones (url_hash, removed_ms, last_seen_ms) VALUES (@key, @now, @now)
                ON CONFLICT (url_hash) DO UPDATE SET removed_ms = excluded.removed_ms, last_seen_ms = excluded.last_seen_ms
                """, new { key = Tombstones.Key(url), now = run.NowMs }, tx);
        }
        run.TombstonesWritten += urls.Count;

        // Provenance: the removed articles' evidence and edges go; edges and origins that named them as the source
        // keep their outlet (see the class comment).
        await connection.ExecuteAsync("""
            DELETE FROM provenance_evidence WHERE article_id IN (SELECT id FROM retention_batch);
            DELETE FROM provenance_edges WHERE article_id IN (SELECT id FROM retention_batch);
            UPDATE provenance_edges SET source_article_id = NULL WHERE source_article_id IN (SELECT id FROM retention_batch);
            UPDATE story_origins SET article_id = NULL WHERE article_id IN (SELECT id FROM retention_batch);
            UPDATE story_members SET nearest_article_id = NULL WHERE nearest_article_id IN (SELECT id FROM retention_batch);
            """, transaction: tx);
        await KeepApartAsync(connection, tx);

        // Clustering: the removed articles leave their stories, which are recounted; emptied ones go.
        await connection.ExecuteAsync("""
            DELETE FROM cluster_decisions WHERE article_id IN (SELECT id FROM retention_batch);
            DELETE FROM cluster_failures WHERE article_id IN (SELECT id FROM retention_batch);
            DELETE FROM article_features WHERE article_id IN (SELECT id FROM retention_batch);
            DELETE FROM story_members WHERE article_id IN (SELECT id FROM retention_batch);
            """, transaction: tx);
        if (touched.Count > 0)
        {
            var ids = Json.Serialize(touched);
            // updated_ms stays: it says when the story last changed as news, and losing old members is not news.
            await connection.ExecuteAsync("""
                UPDATE stories SET
                    members = (SELECT COUNT(*) FROM story_members m WHERE m.story_id = stories.id),
                    oldest_ms = COALESCE((SELECT MIN(a.published_ms) FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = stories.id), oldest_ms),
                    newest_ms = COALESCE((SELECT MAX(a.published_ms) FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = stories.id), newest_ms)
                WHERE id IN (SELECT value FROM json_each(@ids))
                """, new { ids }, tx);
            var emptied = (await connection.QueryAsync<long>(
                "SELECT id FROM stories WHERE id IN (SELECT value FROM json_each(@ids)) AND members = 0", new { ids }, tx)).AsList();
            if (emptied.Count > 0)
            {
                await connection.ExecuteAsync("""
                    DELETE FROM story_origins WHERE story_id IN (SELECT value FROM json_each(@emptied));
                    DELETE FROM stories WHERE merged_into IN (SELECT value FROM json_each(@emptied));
                    DELETE FROM stories WHERE id IN (SELECT value FROM json_each(@emptied));
                    """, new { emptied = Json.Serialize(emptied) }, tx);
            }
            run.StoriesRemoved += emptied.Count;
        }

        // The articles themselves; the trigger article_search_delete takes them out of the full-text index.
        await connection.ExecuteAsync("""
            DELETE FROM cluster_queue WHERE article_id IN (SELECT id FROM retention_batch);
            DELETE FROM sightings WHERE article_id IN (SELECT id FROM retention_batch);
            DELETE FROM article_versions WHERE article_id IN (SELECT id FROM retention_batch);
            DELETE FROM articles WHERE id IN (SELECT id FROM retention_batch);
            DELETE FROM retention_batch;
            """, transaction: tx);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// A pair kept apart names one article of each story; when that article goes, another member of its story stands
    /// in (the earliest left), so that the editor's decision still holds. A story with none left no longer needs it.
    /// </summary>
    private static async Task KeepApartAsync(DbConnection connection, DbTransaction tx)
    {
        var pairs = (await connection.QueryAsync<(long Correction, long A, long B)>("""
            SELECT correction_id, article_a, article_b FROM story_apart
            WHERE article_a IN (SELECT id FROM retention_batch) OR article_b IN (SELECT id FROM retention_batch)
            """, transaction: tx)).AsList();
        foreach (var (correction, a, b) in pairs)
        {
            var newA = await StandInAsync(connection, tx, a);
            var newB = await StandInAsync(connection, tx, b);
            await connection.ExecuteAsync("DELETE FROM story_apart WHERE correction_id = @correction AND article_a = @a AND article_b = @b",
                new { correction, a, b }, tx);
            if (newA is not null && newB is not null)
            {
                await connection.ExecuteAsync("""
                    INSERT INTO story_apart (correction_id, article_a, article_b) VALUES (@correction, @newA, @newB) ON CONFLICT DO NOTHING
                    """, new { correction, newA, newB }, tx);
            }
        }
    }

    // The article itself when it stays, else the earliest member of its story that stays; null when none does.
    private static Task<long?> StandInAsync(DbConnection connection, DbTransaction tx, long article) =>
        connection.ExecuteScalarAsync<long?>("""
            SELECT CASE WHEN @article NOT IN (SELECT id FROM retention_batch) THEN @article ELSE (
                SELECT MIN(m2.article_id) FROM story_members m1 JOIN story_members m2 ON m2.story_id = m1.story_id
                WHERE m1.article_id = @article AND m2.article_id NOT IN (SELECT id FROM retention_batch)) END
            """, new { article }, tx);

    private async Task<bool> ExpireTombstonesAsync(DbConnection connection, long before, Run run, CancellationToken ct)
    {
        await using var write = await database.BeginWriteAsync(connection, ct);
        var expired = await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM article_tombstones WHERE url_hash IN (
                SELECT url_hash FROM article_tombstones WHERE last_seen_ms < @before ORDER BY last_seen_ms LIMIT @limit)
            """, new { before, limit = options.BatchSize }, write.Transaction, cancellationToken: ct));
        await write.Transaction.CommitAsync(ct);
        run.TombstonesExpired += expired;
        return expired > 0;
    }

    /// <summary>A run's fixed bounds and its running counts.</summary>
    private sealed class Run(long cutoff, long maxId, long nowMs)
    {
        public long Cutoff { get; } = cutoff;
        public long MaxId { get; } = maxId;
        public long NowMs { get; } = nowMs;
        public long Articles, Versions, Sightings, EdgesRemoved, EdgesRetargeted, OriginsUnlinked, StoriesRemoved, TombstonesWritten, TombstonesExpired;
        public int Batches;
        public HashSet<long> Updated { get; } = [];
        public HashSet<long> Emptied { get; } = [];
    }
}
