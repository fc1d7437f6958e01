using System.Data.Common;
using Dapper;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Editorial;

/// <summary>
/// The reads behind the editor's pages and their JSON twins. Every list is paged by keyset (the last row's sort key
/// and id), never by OFFSET: a deep page costs what the first one does at millions of articles. The query plans
/// named in the comments are checked by EditorQueriesTests.
/// </summary>
public sealed class EditorQueries(Database database)
{
    /// <summary>Growth of a story, as written in index stories_growth (migration 0005): keep the two identical.</summary>
    public const string GrowthKey = "(s.members * 86400000 / (s.newest_ms - s.oldest_ms + 3600000))";

    /// <summary>Stories searched by words are found through at most this many matching articles, newest first.</summary>
    public const int MaxSearchArticles = 20_000;

    private static string SortKey(StorySort sort) => sort switch
    {
        StorySort.Biggest => "s.members",
        StorySort.Growing => GrowthKey,
        _ => "s.newest_ms",
    };

    /// <summary>
    /// One page of live stories in the asked order, filtered. Walks the order's index (stories_newest,
    /// stories_members, stories_growth) from the cursor and stops after <see cref="StoryListQuery.Limit"/> rows; the
    /// filters are checked per story on the way (outlet and search through small sets of story ids, relation through
    /// story_members_story).
    /// </summary>
    public async Task<StoryListPage> StoriesAsync(StoryListQuery query, CancellationToken ct = default)
    {
        var (sql, parameters) = StoriesSql(query);
        await using var connection = await database.OpenAsync(ct);
        var keys = (await connection.QueryAsync<(long Id, long Key)>(new CommandDefinition(sql, parameters, cancellationToken: ct))).AsList();
        var more = keys.Count > query.Limit;
        if (more)
            keys.RemoveAt(keys.Count - 1);
        var rows = await RowsAsync(connection, keys, ct);
        return new StoryListPage(rows, more ? new StoryCursor(keys[^1].Key, keys[^1].Id) : null);
    }

    /// <summary>The page query alone (ids and sort keys), for the query-plan tests and `bench-pages`.</summary>
    public static (string Sql, DynamicParameters Parameters) StoriesSql(StoryListQuery query)
    {
        var key = SortKey(query.Sort);
        var where = new List<string> { "s.merged_into IS NULL" };
        var p = new DynamicParameters();
        p.Add("take", query.Limit + 1);
        if (query.After is { } after)
        {
            // "key <= K" is the range on the order's index; SQLite does not read a row value "(key, id) < (K, I)"
            // as a range when the key is an expression (stories_growth), and would scan from the start.
            where.Add($"{key} <= @afterKey AND ({key} < @afterKey OR s.id < @afterId)");
            p.Add("afterKey", after.Key);
            p.Add("afterId", after.Id);
        }
        if (query.SinceMs is { } since)
        {
            where.Add("s.newest_ms >= @since");
            p.Add("since", since);
        }
        if (query.UntilMs is { } until)
        {
            where.Add("s.oldest_ms < @until");
            p.Add("until", until);
        }
        if (query.Relation is { } relation)
        {
            where.Add("EXISTS (SELECT 1 FROM story_members r WHERE r.story_id = s.id AND r.relation = @relation)");
            p.Add("relation", relation);
        }
        if (!string.IsNullOrEmpty(query.OutletId))
        {
            // The outlet's articles (index articles_outlet) give a set of story ids, built once per query.
            where.Add("s.id IN (SELECT om.story_id FROM articles oa JOIN story_members om ON om.article_id = oa.id WHERE oa.outlet_id = @outlet)");
            p.Add("outlet", query.OutletId);
        }
        if (StoryListQuery.FtsMatch(query.Search) is { } match)
        {
            // The newest matching articles (FTS5 hands rowids out in order) give a set of story ids. A word found in
            // a quarter of a million articles would otherwise cost seconds; the page says the search is bounded.
            where.Add($"""
                s.id IN (SELECT fm.story_id FROM story_members fm WHERE fm.article_id IN
                    (SELECT rowid FROM article_search WHERE article_search MATCH @match ORDER BY rowid DESC LIMIT {MaxSearchArticles}))
                """);
            p.Add("match", match);
        }
        var sql = $"""
            SELECT s.id, {key} AS sort_key FROM stories s
            WHERE {string.Join(" AND ", where)}
            ORDER BY {key} DESC, s.id DESC
            LIMIT @take
            """;
        return (sql, p);
    }

    /// <summary>
    /// The naive way, kept as the benchmark's baseline only: the same list paged with OFFSET, which reads and
    /// throws away every row before the page.
    /// </summary>
    public async Task<IReadOnlyList<StoryListRow>> StoriesByOffsetAsync(StorySort sort, long offset, int limit, CancellationToken ct = default)
    {
        var key = SortKey(sort);
        await using var connection = await database.OpenAsync(ct);
        var keys = (await connection.QueryAsync<(long Id, long Key)>(new CommandDefinition($"""
            SELECT s.id, {key} AS sort_key FROM stories s WHERE s.merged_into IS NULL
            ORDER BY {key} DESC, s.id DESC LIMIT @limit OFFSET @offset
            """, new { limit, offset }, cancellationToken: ct))).AsList();
        return await RowsAsync(connection, keys, ct);
    }

    /// <summary>What a page shows of each story, read by id (a few index lookups per story, whatever the database size).</summary>
    // A story's headline is the title of its first article (the story's id). Retention may have removed that article
    // while the story lives on; the earliest member left then speaks for it (looked up only in that case).
    private static async Task<IReadOnlyList<StoryListRow>> RowsAsync(DbConnection connection, List<(long Id, long Key)> keys, CancellationToken ct)
    {
        if (keys.Count == 0)
            return [];
        var rows = (await connection.QueryAsync<StoryListRow>(new CommandDefinition("""
            SELECT s.id, s.members, s.oldest_ms, s.newest_ms, COALESCE(a.title, (SELECT f.title FROM articles f WHERE f.id = (SELECT MIN(m.article_id) FROM story_members m WHERE m.story_id = s.id)), '') AS headline,
                   so.outlet_id AS origin_outlet_id, o.name AS origin_outlet_name, COALESCE(o.external, 0) AS origin_external,
                   so.article_id AS origin_article_id,
                   (SELECT count(DISTINCT ma.outlet_id) FROM story_members m JOIN articles ma ON ma.id = m.article_id WHERE m.story_id = s.id) AS outlets,
                   (SELECT count(*) FROM story_members m WHERE m.story_id = s.id AND m.relation = 'duplicate') AS duplicates,
                   (SELECT count(*) FROM story_members m WHERE m.story_id = s.id AND m.relation = 'rewrite') AS rewrites,
                   (SELECT count(*) FROM story_members m WHERE m.story_id = s.id AND m.relation = 'related') AS related
            FROM json_each(@ids) j
            JOIN stories s ON s.id = j.value
            LEFT JOIN articles a ON a.id = s.id
            LEFT JOIN story_origins so ON so.story_id = s.id
            LEFT JOIN outlets o ON o.id = so.outlet_id
            """, new { ids = "[" + string.Join(',', keys.Select(k => k.Id)) + "]" }, cancellationToken: ct))).ToDictionary(r => r.Id);
        return keys.Where(k => rows.ContainsKey(k.Id)).Select(k => rows[k.Id] with { SortKey = k.Key }).ToList();
    }

    /// <summary>The story a link leads to: the story itself, or the one it was merged into (followed to the end). Null when unknown.</summary>
    public async Task<long?> SurvivorAsync(long storyId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        long? at = storyId;
        var seen = new HashSet<long>();
        while (at is { } id && seen.Add(id))
        {
            var merged = await connection.QuerySingleOrDefaultAsync<(long Id, long? MergedInto)?>(new CommandDefinition(
                "SELECT id, merged_into FROM stories WHERE id = @id", new { id }, cancellationToken: ct));
            if (merged is null)
                return seen.Count == 1 ? null : id;
            if (merged.Value.MergedInto is not { } next)
                return id;
            at = next;
        }
        return at;
    }

    public async Task<StoryHeader?> StoryAsync(long storyId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoryHeader>(new CommandDefinition("""
            SELECT s.id, s.members, s.oldest_ms, s.newest_ms, s.merged_into,
                   COALESCE(a.title, (SELECT f.title FROM articles f WHERE f.id = (SELECT MIN(m.article_id) FROM story_members m WHERE m.story_id = s.id)), '') AS headline
            FROM stories s LEFT JOIN articles a ON a.id = s.id WHERE s.id = @storyId
            """, new { storyId }, cancellationToken: ct));
    }

    public async Task<StoryOrigin?> OriginAsync(long storyId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoryOrigin>(new CommandDefinition("""
            SELECT so.outlet_id, COALESCE(o.name, so.outlet_id) AS outlet_name, COALESCE(o.external, 0) AS external,
                   so.article_id, a.title AS article_title, so.basis
            FROM story_origins so LEFT JOIN outlets o ON o.id = so.outlet_id LEFT JOIN articles a ON a.id = so.article_id
            WHERE so.story_id = @storyId
            """, new { storyId }, cancellationToken: ct));
    }

    /// <summary>The chosen edge of every member: together they are the story's provenance tree (story_members_story, provenance_edges_article).</summary>
    public async Task<IReadOnlyList<StoryEdge>> EdgesAsync(long storyId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<StoryEdge>(new CommandDefinition("""
            SELECT e.article_id, e.source_article_id, e.source_outlet_id, COALESCE(o.name, e.source_outlet_id) AS source_outlet_name,
                   COALESCE(o.external, 0) AS source_external, e.kind, e.confidence, e.gap_ms, e.evidence_json
            FROM story_members m CROSS JOIN provenance_edges e ON e.article_id = m.article_id AND e.chosen = 1
            LEFT JOIN outlets o ON o.id = e.source_outlet_id
            WHERE m.story_id = @storyId
            ORDER BY e.article_id
            """, new { storyId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Feeds that carried the story's members, most first (sightings' primary key by article).</summary>
    public async Task<IReadOnlyList<CarriedBy>> CarriedByAsync(long storyId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<CarriedBy>(new CommandDefinition("""
            SELECT f.id AS feed_id, f.key AS feed_key, f.title AS feed_title, f.outlet_id, count(*) AS articles
            FROM story_members m CROSS JOIN sightings si ON si.article_id = m.article_id JOIN feeds f ON f.id = si.feed_id
            WHERE m.story_id = @storyId
            GROUP BY f.id ORDER BY articles DESC, f.key
            """, new { storyId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Each member's latest clustering decision with its settings (cluster_decisions' primary key by article).</summary>
    public async Task<IReadOnlyList<MemberDecision>> DecisionsAsync(long storyId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<MemberDecision>(new CommandDefinition("""
            SELECT d.article_id, d.action, d.relation, d.nearest_article_id, d.score, d.candidates_json, d.stories_json,
                   cs.algorithm_version, cs.settings_json
            FROM story_members m CROSS JOIN cluster_decisions d ON d.article_id = m.article_id
            JOIN cluster_settings cs ON cs.id = d.settings_id
            WHERE m.story_id = @storyId
              AND d.version = (SELECT max(d2.version) FROM cluster_decisions d2 WHERE d2.article_id = m.article_id)
            """, new { storyId }, cancellationToken: ct))).AsList();
    }

    public async Task<ArticleDetail?> ArticleAsync(long articleId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ArticleDetail>(new CommandDefinition("""
            SELECT a.id, a.canonical_url, a.outlet_id, COALESCE(o.name, a.outlet_id) AS outlet_name, a.title, a.body, a.author,
                   a.published_ms, a.first_seen_ms, a.version, m.story_id, m.relation, m.nearest_article_id, m.score
            FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id LEFT JOIN story_members m ON m.article_id = a.id
            WHERE a.id = @articleId
            """, new { articleId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ArticleVersionRow>> VersionsAsync(long articleId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<ArticleVersionRow>(new CommandDefinition("""
            SELECT v.version, v.title, v.seen_ms, f.key AS feed_key, v.content_html
            FROM article_versions v LEFT JOIN feeds f ON f.id = v.feed_id
            WHERE v.article_id = @articleId ORDER BY v.version DESC
            """, new { articleId }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<SightingRow>> SightingsAsync(long articleId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<SightingRow>(new CommandDefinition("""
            SELECT si.feed_id, f.key AS feed_key, f.outlet_id, si.first_seen_ms, si.last_seen_ms
            FROM sightings si JOIN feeds f ON f.id = si.feed_id WHERE si.article_id = @articleId ORDER BY si.first_seen_ms
            """, new { articleId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Texts of the given articles (for the side-by-side view and the chain's shared passages).</summary>
    public async Task<IReadOnlyDictionary<long, ArticleText>> TextsAsync(IEnumerable<long> articleIds, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<ArticleText>(new CommandDefinition("""
            SELECT a.id, a.title, a.body, a.outlet_id, COALESCE(o.name, a.outlet_id) AS outlet_name, a.published_ms, a.canonical_url
            FROM json_each(@ids) j JOIN articles a ON a.id = j.value LEFT JOIN outlets o ON o.id = a.outlet_id
            """, new { ids = "[" + string.Join(',', articleIds.Distinct()) + "]" }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Id);
    }

    public async Task<OutletRow?> OutletAsync(string outletId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<OutletRow>(new CommandDefinition(
            "SELECT id, name, kind, country, external FROM outlets WHERE id = @outletId", new { outletId }, cancellationToken: ct));
    }

    /// <summary>Every outlet by name, for the outlet filter's choices.</summary>
    public async Task<IReadOnlyList<OutletRow>> OutletsAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<OutletRow>(new CommandDefinition(
            "SELECT id, name, kind, country, external FROM outlets ORDER BY name", cancellationToken: ct))).AsList();
    }

    /// <summary>An outlet's newest articles, paged by (published_ms, id) through index articles_outlet.</summary>
    public async Task<IReadOnlyList<ArticleText>> OutletArticlesAsync(string outletId, long? beforeMs, long? beforeId, int limit, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<ArticleText>(new CommandDefinition("""
            SELECT a.id, a.title, '' AS body, a.outlet_id, a.outlet_id AS outlet_name, a.published_ms, a.canonical_url
            FROM articles a
            WHERE a.outlet_id = @outletId AND (a.published_ms, a.id) < (@beforeMs, @beforeId)
            ORDER BY a.published_ms DESC, a.id DESC LIMIT @limit
            """, new { outletId, beforeMs = beforeMs ?? long.MaxValue, beforeId = beforeId ?? long.MaxValue, limit }, cancellationToken: ct))).AsList();
    }
}
