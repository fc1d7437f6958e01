using System.Data.Common;
using System.Runtime.InteropServices;
using Dapper;
using NewsAggregator.Core.Clustering;

namespace NewsAggregator.Core.Storage;

/// <summary>An article version waiting in the clustering queue, with the text of that version.</summary>
public sealed record QueuedVersion(long Seq, long ArticleId, long Version, string OutletId, long PublishedMs, long FirstSeenMs, string Title, string Body, string HintsJson);

/// <summary>
/// What one clustered version changes in the database. <paramref name="QueueSeq"/> is its queue row (SQLite reuses
/// those numbers once the queue is empty); <paramref name="Order"/> is its place in the clustering order, which
/// never repeats and is what a rebuild and `recluster` replay.
/// </summary>
public sealed record ClusterWrite(long QueueSeq, long Order, ArticleFeatures Features, ClusterDecision Decision, string HintsJson = "[]", string Body = "");

public sealed record StoryMemberRow(long ArticleId, long StoryId, string Relation, long? NearestArticleId, double Score, string Title, string OutletId, long PublishedMs, string CanonicalUrl);

public sealed record DecisionRow(long ArticleId, long Version, long Seq, long StoryId, string Action, string Relation, long? NearestArticleId,
    double Score, string CandidatesJson, string StoriesJson, string MergedJson, string AlgorithmVersion, string SettingsJson, long DecidedMs);

/// <summary>The clustering tables (migration 0002): features, stories, members and decisions.</summary>
public sealed class ClusterStore(Database database)
{
    // Fault injection for the kill -9 test's broken variant: takes a batch off the queue in a transaction of its own
    // before saving what was decided, so a crash between the two loses those articles' clustering. Never set in production.
    private static readonly bool DequeueBeforeSave = Environment.GetEnvironmentVariable("NEWSAGG_FAULT_DEQUEUE_BEFORE_SAVE") == "1";

    public Database Database => database;

    /// <summary>The row of these settings in cluster_settings, created on first use.</summary>
    public async Task<long> SettingsIdAsync(string algorithmVersion, string settingsJson, long nowMs, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO cluster_settings (algorithm_version, settings_json, first_used_ms) VALUES (@algorithmVersion, @settingsJson, @nowMs)
            ON CONFLICT (algorithm_version, settings_json) DO UPDATE SET first_used_ms = first_used_ms
            RETURNING id
            """, new { algorithmVersion, settingsJson, nowMs }, cancellationToken: ct));
    }

    /// <summary>The oldest queued versions with their text, in ingest order.</summary>
    public async Task<IReadOnlyList<QueuedVersion>> ReadQueueAsync(int limit, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<QueuedVersion>(new CommandDefinition("""
            SELECT q.seq, q.article_id, q.version, a.outlet_id, a.published_ms, a.first_seen_ms, v.title, v.body, a.hints_json
            FROM cluster_queue q
            JOIN articles a ON a.id = q.article_id
            JOIN article_versions v ON v.article_id = q.article_id AND v.version = q.version
            ORDER BY q.seq
            LIMIT @limit
            """, new { limit }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Every outlet's id by each of its names and aliases (lower case): how a credited name becomes an outlet.</summary>
    public async Task<Dictionary<string, string>> OutletIdsByNameAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Id, string Name, string AliasesJson)>(new CommandDefinition(
            "SELECT id, name, aliases_json FROM outlets ORDER BY external, id", cancellationToken: ct));
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, name, aliases) in rows)
        {
            foreach (var n in (Json.Deserialize<List<string>>(aliases) ?? []).Prepend(name))
                byName.TryAdd(n.Trim(), id);
        }
        return byName;
    }

    /// <summary>Outlets an article credits, from its text and its stored provenance hints, as outlet ids.</summary>
    public static IReadOnlyList<string> CitedOutlets(string hintsJson, string body, IReadOnlyDictionary<string, string> outletIdsByName)
    {
        var cited = new List<string>();
        foreach (var id in OutletCredits.Find(body, outletIdsByName))
            cited.Add(id);
        foreach (var hint in Json.Deserialize<List<Normalizing.ProvenanceHint>>(hintsJson) ?? [])
        {
            if (hint.Kind is Normalizing.HintKind.Attribution or Normalizing.HintKind.WireCredit or Normalizing.HintKind.Declared
                && outletIdsByName.TryGetValue(hint.Value.Trim(), out var id) && !cited.Contains(id))
                cited.Add(id);
        }
        return cited;
    }

    /// <summary>The last place in the clustering order taken so far (0 before the first decision).</summary>
    public async Task<long> LastOrderAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT MAX(seq) FROM cluster_decisions", cancellationToken: ct)) ?? 0;
    }

    public async Task<long> QueueDepthAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM cluster_queue", cancellationToken: ct));
    }

    /// <summary>Stored features and current story of articles already clustered (for new versions of them).</summary>
    public async Task<Dictionary<long, (ArticleFeatures Features, long StoryId)>> ClusteredAsync(IEnumerable<long> articleIds, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var result = new Dictionary<long, (ArticleFeatures, long)>();
        foreach (var chunk in articleIds.Distinct().Chunk(500))
        {
            var rows = await connection.QueryAsync<FeatureRow>(new CommandDefinition($"""
                {FeatureSelect} WHERE f.article_id IN @chunk
                """, new { chunk }, cancellationToken: ct));
            foreach (var row in rows)
                result[row.ArticleId] = (row.ToFeatures(), row.StoryId);
        }
        return result;
    }

    /// <summary>
    /// Every clustered article in clustering order, for rebuilding the index. Articles first seen more than
    /// <paramref name="windowMs"/> before the newest come with their terms only (they count towards rarity but
    /// are not indexed), which keeps a restart on a large database light.
    /// </summary>
    public async Task RestoreAsync(long windowMs, Action<ArticleFeatures, StoryState> restore, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var newest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT MAX(seen_ms) FROM article_features", cancellationToken: ct));
        if (newest is null)
            return;
        var reader = await connection.ExecuteReaderAsync(new CommandDefinition("""
            SELECT f.article_id, f.version, f.outlet_id, f.published_ms, f.terms, f.body_tokens,
                   CASE WHEN f.seen_ms >= @cutoff THEN f.title_text END, CASE WHEN f.seen_ms >= @cutoff THEN f.lead_text END,
                   CASE WHEN f.seen_ms >= @cutoff THEN f.index_terms END, CASE WHEN f.seen_ms >= @cutoff THEN f.minhash END,
                   CASE WHEN f.seen_ms >= @cutoff THEN f.sentences END,
                   s.id, s.members, s.oldest_ms, s.newest_ms, f.seen_ms
            FROM article_features f
            JOIN story_members m ON m.article_id = f.article_id
            JOIN stories s ON s.id = m.story_id
            ORDER BY f.cluster_seq
            """, new { cutoff = newest.Value - windowMs }, cancellationToken: ct));
        await using (reader)
        {
            while (await reader.ReadAsync(ct))
            {
                var inWindow = !reader.IsDBNull(6);
                var features = new ArticleFeatures
                {
                    ArticleId = reader.GetInt64(0), Version = reader.GetInt64(1), OutletId = reader.GetString(2), PublishedMs = reader.GetInt64(3),
                    Terms = Terms((byte[])reader[4]), BodyTokens = reader.GetInt32(5),
                    TitleText = inWindow ? reader.GetString(6) : "", LeadText = inWindow ? reader.GetString(7) : "",
                    IndexTerms = inWindow ? Hashes((byte[])reader[8]) : [], MinHash = inWindow ? Hashes((byte[])reader[9]) : Empty,
                    Sentences = inWindow ? Hashes((byte[])reader[10]) : [], SeenMs = reader.GetInt64(15),
                };
                restore(features, new StoryState(reader.GetInt64(11), reader.GetInt32(12), reader.GetInt64(13), reader.GetInt64(14)));
            }
        }
    }

    private static readonly uint[] Empty = Enumerable.Repeat(uint.MaxValue, MinHasher.Length).ToArray();

    /// <summary>Writes the outcome of a batch and removes it from the queue, in one transaction: a version is clustered exactly once.</summary>
    /// <param name="alsoInTransaction">What else the batch commits with it (the provenance stage).</param>
    public async Task SaveAsync(IReadOnlyList<ClusterWrite> writes, long settingsId, long nowMs,
        Func<DbConnection, DbTransaction, Task>? alsoInTransaction = null, CancellationToken ct = default)
    {
        if (writes.Count == 0)
            return;
        await using var connection = await database.OpenAsync(ct);
        if (DequeueBeforeSave)
        {
            await using var early = await database.BeginWriteAsync(connection, ct);
            await connection.ExecuteAsync("DELETE FROM cluster_queue WHERE seq <= @last", new { last = writes[^1].QueueSeq }, early.Transaction);
            await early.Transaction.CommitAsync(ct);
        }
        await using var write = await database.BeginWriteAsync(connection, ct);
        var tx = write.Transaction;
        // The per-article statements are prepared once per batch and re-bound per row: the hot path of clustering
        // would otherwise spend more time compiling SQL than deciding.
        using var statements = new Statements(connection, tx);
        foreach (var w in writes)
            await SaveOneAsync(connection, tx, statements, w, settingsId, nowMs, ct);
        if (alsoInTransaction is not null)
            await alsoInTransaction(connection, tx);
        await connection.ExecuteAsync("DELETE FROM cluster_queue WHERE seq <= @last", new { last = writes[^1].QueueSeq }, tx);
        await tx.CommitAsync(ct);
    }

    private static async Task SaveOneAsync(DbConnection connection, DbTransaction tx, Statements sql, ClusterWrite w, long settingsId, long nowMs, CancellationToken ct)
    {
        var f = w.Features;
        var d = w.Decision;
        await sql.Features.RunAsync(ct, f.ArticleId, f.Version, w.Order, f.OutletId, f.PublishedMs, f.SeenMs, f.TitleText, f.LeadText,
            Blob(f.Terms), Blob(f.IndexTerms), Blob(f.MinHash), Blob(f.Sentences), f.BodyTokens);

        foreach (var merged in d.MergedStories)
        {
            // The merged story's members move; its row stays, pointing at the survivor.
            await connection.ExecuteAsync("""
                UPDATE stories SET members = members + (SELECT members FROM stories WHERE id = @merged),
                    oldest_ms = MIN(oldest_ms, (SELECT oldest_ms FROM stories WHERE id = @merged)),
                    newest_ms = MAX(newest_ms, (SELECT newest_ms FROM stories WHERE id = @merged)), updated_ms = @nowMs
                WHERE id = @into;
                UPDATE stories SET merged_into = @into, updated_ms = @nowMs WHERE id = @merged OR merged_into = @merged;
                UPDATE story_members SET story_id = @into WHERE story_id = @merged;
                """, new { merged, into = d.StoryId, nowMs }, tx);
        }
        if (d.Action == ClusterAction.NewStory)
            await sql.NewStory.RunAsync(ct, d.StoryId, f.PublishedMs, nowMs);
        else
            await sql.StoryGrows.RunAsync(ct, d.Action == ClusterAction.Updated ? 0 : 1, f.PublishedMs, nowMs, d.StoryId);
        if (d.Action != ClusterAction.Updated)
            await sql.Member.RunAsync(ct, d.ArticleId, d.StoryId, Name(d.Relation), d.NearestArticleId, d.Score, nowMs);
        await sql.Decision.RunAsync(ct, d.ArticleId, d.Version, w.Order, d.StoryId, Name(d.Action), Name(d.Relation), d.NearestArticleId, d.Score,
            Json.Serialize(d.Candidates), Json.Serialize(d.Stories), Json.Serialize(d.MergedStories), settingsId, nowMs);
    }

    /// <summary>The statements of <see cref="SaveOneAsync"/>, each a command with positional parameters @p0, @p1, ….</summary>
    private sealed class Statements(DbConnection connection, DbTransaction tx) : IDisposable
    {
        public PreparedStatement Features { get; } = new(connection, tx, """
            INSERT INTO article_features (article_id, version, cluster_seq, outlet_id, published_ms, seen_ms, title_text, lead_text, terms, index_terms, minhash, sentences, body_tokens)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12)
            ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, cluster_seq = excluded.cluster_seq, published_ms = excluded.published_ms,
                seen_ms = excluded.seen_ms, title_text = excluded.title_text, lead_text = excluded.lead_text, terms = excluded.terms,
                index_terms = excluded.index_terms, minhash = excluded.minhash, sentences = excluded.sentences, body_tokens = excluded.body_tokens
            """);

        public PreparedStatement NewStory { get; } = new(connection, tx, """
            INSERT INTO stories (id, members, oldest_ms, newest_ms, created_ms, updated_ms) VALUES (@p0, 1, @p1, @p1, @p2, @p2)
            """);

        public PreparedStatement StoryGrows { get; } = new(connection, tx, """
            UPDATE stories SET members = members + @p0, oldest_ms = MIN(oldest_ms, @p1), newest_ms = MAX(newest_ms, @p1), updated_ms = @p2 WHERE id = @p3
            """);

        public PreparedStatement Member { get; } = new(connection, tx, """
            INSERT INTO story_members (article_id, story_id, relation, nearest_article_id, score, joined_ms) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)
            """);

        public PreparedStatement Decision { get; } = new(connection, tx, """
            INSERT INTO cluster_decisions (article_id, version, seq, story_id, action, relation, nearest_article_id, score,
                candidates_json, stories_json, merged_json, settings_id, decided_ms)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12)
            """);

        public void Dispose()
        {
            Features.Dispose();
            NewStory.Dispose();
            StoryGrows.Dispose();
            Member.Dispose();
            Decision.Dispose();
        }
    }

    /// <summary>Takes a version the engine failed on out of the queue, keeping the error; one transaction.</summary>
    public async Task FailAsync(QueuedVersion version, string error, long nowMs, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var write = await database.BeginWriteAsync(connection, ct);
        var tx = write.Transaction;
        await connection.ExecuteAsync("DELETE FROM cluster_queue WHERE seq = @Seq", new { version.Seq }, tx);
        await connection.ExecuteAsync("""
            INSERT INTO cluster_failures (article_id, version, error, failed_ms) VALUES (@ArticleId, @Version, @error, @nowMs)
            ON CONFLICT (article_id, version) DO UPDATE SET error = excluded.error, failed_ms = excluded.failed_ms
            """, new { version.ArticleId, version.Version, error, nowMs }, tx);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Prepares `newsagg recluster`: every clustered version goes back into the queue in the order it was
    /// clustered (then what was still waiting), and the clustering tables are emptied, in one transaction. Editors'
    /// corrections are kept, marked for replay: the consumer applies each again where the clustering order first met it.
    /// </summary>
    public async Task<int> RequeueAllAsync(long nowMs, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var write = await database.BeginWriteAsync(connection, ct);
        var tx = write.Transaction;
        var order = (await connection.QueryAsync<(long ArticleId, long Version)>("""
            SELECT article_id, version FROM (
                SELECT article_id, version, 0 AS part, seq FROM cluster_decisions
                UNION ALL
                SELECT article_id, version, 1 AS part, seq FROM cluster_queue)
            ORDER BY part, seq
            """, transaction: tx)).AsList();
        await connection.ExecuteAsync("""
            DELETE FROM cluster_queue;
            DELETE FROM story_apart;
            UPDATE corrections SET status = 'replay' WHERE status = 'applied';
            DELETE FROM provenance_evidence;
            DELETE FROM provenance_edges;
            DELETE FROM story_origins;
            DELETE FROM outlets WHERE external = 1 AND id NOT IN (SELECT outlet_id FROM feeds);
            DELETE FROM cluster_decisions;
            DELETE FROM story_members;
            DELETE FROM stories;
            DELETE FROM article_features;
            """, transaction: tx);
        foreach (var (articleId, version) in order)
        {
            await connection.ExecuteAsync("INSERT INTO cluster_queue (article_id, version, enqueued_ms) VALUES (@articleId, @version, @nowMs)",
                new { articleId, version, nowMs }, tx);
        }
        await tx.CommitAsync(ct);
        return order.Count;
    }

    public async Task<StoryMemberRow?> MemberAsync(long articleId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoryMemberRow>(new CommandDefinition($"{MemberSelect} WHERE m.article_id = @articleId", new { articleId }, cancellationToken: ct));
    }

    /// <summary>Members of a story in publication order (index story_members_story).</summary>
    public async Task<IReadOnlyList<StoryMemberRow>> MembersAsync(long storyId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<StoryMemberRow>(new CommandDefinition($"{MemberSelect} WHERE m.story_id = @storyId ORDER BY a.published_ms, a.id", new { storyId }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Every decision taken for an article, newest version last.</summary>
    public async Task<IReadOnlyList<DecisionRow>> DecisionsAsync(long articleId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<DecisionRow>(new CommandDefinition("""
            SELECT d.article_id, d.version, d.seq, d.story_id, d.action, d.relation, d.nearest_article_id, d.score,
                   d.candidates_json, d.stories_json, d.merged_json, s.algorithm_version, s.settings_json, d.decided_ms
            FROM cluster_decisions d JOIN cluster_settings s ON s.id = d.settings_id
            WHERE d.article_id = @articleId ORDER BY d.version
            """, new { articleId }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Every clustered article's story: the assignment `eval` scores and `recluster` is compared on.</summary>
    public async Task<Dictionary<long, (long StoryId, string Relation, long? Nearest)>> AssignmentsAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long ArticleId, long StoryId, string Relation, long? Nearest)>(new CommandDefinition(
            "SELECT article_id, story_id, relation, nearest_article_id FROM story_members", cancellationToken: ct));
        return rows.ToDictionary(r => r.ArticleId, r => (r.StoryId, r.Relation, r.Nearest));
    }

    public static string Name<T>(T value) where T : struct, Enum => Kebab(value.ToString());

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private const string MemberSelect = """
        SELECT m.article_id, m.story_id, m.relation, m.nearest_article_id, m.score, a.title, a.outlet_id, a.published_ms, a.canonical_url
        FROM story_members m JOIN articles a ON a.id = m.article_id
        """;

    private const string FeatureSelect = """
        SELECT f.article_id, f.version, f.outlet_id, f.published_ms, f.seen_ms, f.title_text, f.lead_text, f.terms, f.index_terms, f.minhash, f.sentences,
               f.body_tokens, m.story_id
        FROM article_features f JOIN story_members m ON m.article_id = f.article_id
        """;

    private static byte[] Blob<T>(T[] values) where T : struct => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    private static uint[] Hashes(byte[] blob) => MemoryMarshal.Cast<byte, uint>(blob).ToArray();

    private static WeightedTerm[] Terms(byte[] blob) => MemoryMarshal.Cast<byte, WeightedTerm>(blob).ToArray();

    private sealed class FeatureRow
    {
        public long ArticleId { get; set; }
        public long Version { get; set; }
        public string OutletId { get; set; } = "";
        public long PublishedMs { get; set; }
        public long SeenMs { get; set; }
        public string TitleText { get; set; } = "";
        public string LeadText { get; set; } = "";
        public byte[] Terms { get; set; } = [];
        public byte[] IndexTerms { get; set; } = [];
        public byte[] Minhash { get; set; } = [];
        public byte[] Sentences { get; set; } = [];
        public int BodyTokens { get; set; }
        public long StoryId { get; set; }

        public ArticleFeatures ToFeatures() => new()
        {
            ArticleId = ArticleId, Version = Version, OutletId = OutletId, PublishedMs = PublishedMs, SeenMs = SeenMs, TitleText = TitleText, LeadText = LeadText,
            Terms = ClusterStore.Terms(Terms), IndexTerms = Hashes(IndexTerms), MinHash = Hashes(Minhash), Sentences = Hashes(Sentences), BodyTokens = BodyTokens,
        };
    }
}
