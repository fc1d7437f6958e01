using System.Runtime.CompilerServices;
using Dapper;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Research;

// Rows as exported. Classes with setters rather than positional records: Dapper then converts column types (an
// INTEGER flag to bool) and a NULL in the first row cannot break constructor matching.

public sealed class ExportArticle
{
    public long Id { get; set; }
    public string CanonicalUrl { get; set; } = "";
    public string Title { get; set; } = "";
    public string OutletId { get; set; } = "";
    public string? OutletName { get; set; }
    public long PublishedMs { get; set; }
    public long FirstSeenMs { get; set; }
    public long? StoryId { get; set; }
    public string? Relation { get; set; }
    public string? OriginalOutletId { get; set; }
    /// <summary>False for a source article outside the range that the graph needs as an edge's end.</summary>
    public bool InRange { get; set; } = true;

    public static IReadOnlyList<string> Columns { get; } =
        ["id", "url", "title", "outlet_id", "outlet_name", "published", "first_seen", "story_id", "relation", "original_outlet_id"];

    public object?[] Values() =>
        [Id, CanonicalUrl, Title, OutletId, OutletName, Time.FromMs(PublishedMs), Time.FromMs(FirstSeenMs), StoryId, Relation, OriginalOutletId];
}

public sealed class ExportStory
{
    public long Id { get; set; }
    public long Members { get; set; }
    public long OldestMs { get; set; }
    public long NewestMs { get; set; }
    public string? OriginalOutletId { get; set; }
    public long? OriginalArticleId { get; set; }
    public string? Basis { get; set; }

    public static IReadOnlyList<string> Columns { get; } = ["id", "members", "oldest", "newest", "original_outlet_id", "original_article_id", "basis"];

    public object?[] Values() => [Id, Members, Time.FromMs(OldestMs), Time.FromMs(NewestMs), OriginalOutletId, OriginalArticleId, Basis];
}

public sealed class ExportEdge
{
    public long Id { get; set; }
    public long ArticleId { get; set; }
    public long? SourceArticleId { get; set; }
    public string SourceOutletId { get; set; } = "";
    public string Kind { get; set; } = "";
    public double Confidence { get; set; }
    public bool Chosen { get; set; }
    public long? GapMs { get; set; }
    public string EvidenceJson { get; set; } = "{}";
    public string AlgorithmVersion { get; set; } = "";
    /// <summary>The source article's id when it is stored: an edge to a missing article falls back to its outlet in the graph.</summary>
    public long? SourceArticleFound { get; set; }

    public double? GapSeconds => GapMs / 1000.0;

    public static IReadOnlyList<string> Columns { get; } =
        ["article_id", "source_article_id", "source_outlet_id", "kind", "confidence", "chosen", "gap_seconds", "evidence", "algorithm_version"];

    public object?[] Values() =>
        [ArticleId, SourceArticleId, SourceOutletId, Kind, Confidence, Chosen, GapSeconds, new RawJson(EvidenceJson), AlgorithmVersion];
}

public sealed class ExportOutlet
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Country { get; set; }
    public bool External { get; set; }
    public long Articles { get; set; }

    public static IReadOnlyList<string> Columns { get; } = ["id", "name", "kind", "country", "external", "articles"];

    public object?[] Values() => [Id, Name, Kind, Country, External, Articles];
}

public sealed record ClusterSettingsRow(string AlgorithmVersion, string SettingsJson, long FirstUsedMs);

/// <summary>Chosen edges from one outlet's articles to one source outlet (a class: COUNT has no declared type for Dapper to match).</summary>
public sealed class OutletPairCount
{
    public string OutletId { get; set; } = "";
    public string SourceOutletId { get; set; } = "";
    public long Edges { get; set; }
}

/// <summary>
/// Reads for exports and statistics over the article, clustering and provenance tables. Row streams are unbuffered:
/// an export of millions of articles holds one row at a time. Ranges are bound as [since, until) with the open ends
/// at the extremes of a 64-bit integer, so that one SQL text serves every range and the indexes stay usable.
/// </summary>
public sealed class ResearchStore(Database database)
{
    /// <summary>Articles in published order (index articles_published, whose rowid tiebreak gives the id order).</summary>
    public IAsyncEnumerable<ExportArticle> ArticlesAsync(ExportRange range, CancellationToken ct = default) => StreamAsync<ExportArticle>("""
        SELECT a.id, a.canonical_url, a.title, a.outlet_id, o.name AS outlet_name, a.published_ms, a.first_seen_ms,
               m.story_id, m.relation, so.outlet_id AS original_outlet_id
        FROM articles a
        LEFT JOIN outlets o ON o.id = a.outlet_id
        LEFT JOIN story_members m ON m.article_id = a.id
        LEFT JOIN story_origins so ON so.story_id = m.story_id
        WHERE a.published_ms >= @since AND a.published_ms < @until
        ORDER BY a.published_ms, a.id
        """, range, ct);

    /// <summary>
    /// Source articles of the range's edges that lie outside the range themselves: the graph needs them as nodes so
    /// that every edge ends somewhere.
    /// </summary>
    public IAsyncEnumerable<ExportArticle> SourcesOutsideAsync(ExportRange range, CancellationToken ct = default) => StreamAsync<ExportArticle>("""
        SELECT a.id, a.canonical_url, a.title, a.outlet_id, o.name AS outlet_name, a.published_ms, a.first_seen_ms,
               m.story_id, m.relation, so.outlet_id AS original_outlet_id, 0 AS in_range
        FROM articles a
        LEFT JOIN outlets o ON o.id = a.outlet_id
        LEFT JOIN story_members m ON m.article_id = a.id
        LEFT JOIN story_origins so ON so.story_id = m.story_id
        WHERE a.id IN (
                SELECT e.source_article_id FROM provenance_edges e JOIN articles d ON d.id = e.article_id
                WHERE d.published_ms >= @since AND d.published_ms < @until AND e.source_article_id IS NOT NULL)
          AND (a.published_ms < @since OR a.published_ms >= @until)
        ORDER BY a.published_ms, a.id
        """, range, ct);

    /// <summary>Live stories (merged ones point at the story that absorbed them and hold no members) whose span overlaps the range.</summary>
    public IAsyncEnumerable<ExportStory> StoriesAsync(ExportRange range, CancellationToken ct = default) => StreamAsync<ExportStory>("""
        SELECT s.id, s.members, s.oldest_ms, s.newest_ms, so.outlet_id AS original_outlet_id, so.article_id AS original_article_id, so.basis
        FROM stories s
        LEFT JOIN story_origins so ON so.story_id = s.id
        WHERE s.merged_into IS NULL AND s.newest_ms >= @since AND s.oldest_ms < @until
        ORDER BY s.id
        """, range, ct);

    /// <summary>Edges by their derived article's published time (articles_published, then provenance_edges_article).</summary>
    public IAsyncEnumerable<ExportEdge> EdgesAsync(ExportRange range, CancellationToken ct = default) => StreamAsync<ExportEdge>("""
        SELECT e.id, e.article_id, e.source_article_id, e.source_outlet_id, e.kind, e.confidence, e.chosen, e.gap_ms,
               e.evidence_json, e.algorithm_version, s.id AS source_article_found
        FROM provenance_edges e
        JOIN articles a ON a.id = e.article_id
        LEFT JOIN articles s ON s.id = e.source_article_id
        WHERE a.published_ms >= @since AND a.published_ms < @until
        ORDER BY a.published_ms, e.article_id, e.id
        """, range, ct);

    /// <summary>Every outlet of the directory with its articles in the range (index articles_outlet).</summary>
    public IAsyncEnumerable<ExportOutlet> OutletsAsync(ExportRange range, CancellationToken ct = default) => StreamAsync<ExportOutlet>("""
        SELECT o.id, o.name, o.kind, o.country, o.external,
               (SELECT COUNT(*) FROM articles a WHERE a.outlet_id = o.id AND a.published_ms >= @since AND a.published_ms < @until) AS articles
        FROM outlets o
        ORDER BY o.id
        """, range, ct);

    /// <summary>
    /// The directory's outlets plus any outlet id an article or an edge names without a directory row: the graph's
    /// outlet nodes, so that every published-by and outlet edge ends at a node.
    /// </summary>
    public IAsyncEnumerable<ExportOutlet> GraphOutletsAsync(CancellationToken ct = default) => StreamAsync<ExportOutlet>("""
        SELECT o.id, o.name, o.kind, o.country, o.external, 0 AS articles FROM outlets o
        UNION ALL
        SELECT r.id, NULL, NULL, NULL, 0, 0
        FROM (SELECT outlet_id AS id FROM articles UNION SELECT source_outlet_id FROM provenance_edges) r
        WHERE r.id NOT IN (SELECT id FROM outlets)
        ORDER BY id
        """, ExportRange.All, ct);

    /// <summary>The first and last published time of the range's articles (two index lookups on articles_published).</summary>
    public async Task<(long? First, long? Last)> PublishedSpanAsync(ExportRange range, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleAsync<(long? First, long? Last)>(new CommandDefinition(
            "SELECT MIN(published_ms), MAX(published_ms) FROM articles WHERE published_ms >= @since AND published_ms < @until",
            new { since = range.SinceMs, until = range.UntilMs }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ClusterSettingsRow>> ClusterSettingsAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<ClusterSettingsRow>(new CommandDefinition(
            "SELECT algorithm_version, settings_json, first_used_ms FROM cluster_settings ORDER BY id", cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Every provenance algorithm version that wrote an edge (a full scan: exports are not frequent).</summary>
    public async Task<IReadOnlyList<string>> ProvenanceVersionsAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT algorithm_version FROM provenance_edges ORDER BY algorithm_version", cancellationToken: ct));
        return rows.AsList();
    }

    // Statistics. Each query aggregates in the database; only per-outlet figures come back.

    public async Task<IReadOnlyDictionary<string, string>> OutletNamesAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Id, string Name)>(new CommandDefinition("SELECT id, name FROM outlets", cancellationToken: ct));
        return rows.ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);
    }

    /// <summary>Articles per outlet (a scan of index articles_outlet).</summary>
    public async Task<IReadOnlyDictionary<string, long>> ArticlesPerOutletAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string OutletId, long Articles)>(new CommandDefinition(
            "SELECT outlet_id, COUNT(*) AS articles FROM articles GROUP BY outlet_id", cancellationToken: ct));
        return rows.ToDictionary(r => r.OutletId, r => r.Articles, StringComparer.Ordinal);
    }

    /// <summary>Per outlet, its articles that have a chosen edge: the derived ones. DISTINCT in case a stage ever chooses two.</summary>
    public async Task<IReadOnlyDictionary<string, long>> DerivedPerOutletAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string OutletId, long Derived)>(new CommandDefinition("""
            SELECT a.outlet_id, COUNT(DISTINCT e.article_id) AS derived
            FROM provenance_edges e JOIN articles a ON a.id = e.article_id
            WHERE e.chosen = 1
            GROUP BY a.outlet_id
            """, cancellationToken: ct));
        return rows.ToDictionary(r => r.OutletId, r => r.Derived, StringComparer.Ordinal);
    }

    /// <summary>Chosen edges counted by (derived article's outlet, source outlet): who takes from whom.</summary>
    public async Task<IReadOnlyList<OutletPairCount>> ChosenEdgesByOutletPairAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<OutletPairCount>(new CommandDefinition("""
            SELECT a.outlet_id, e.source_outlet_id, COUNT(*) AS edges
            FROM provenance_edges e JOIN articles a ON a.id = e.article_id
            WHERE e.chosen = 1
            GROUP BY a.outlet_id, e.source_outlet_id
            """, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>
    /// The median time gap of the chosen edges by which other outlets took from this one, in milliseconds; null
    /// when none has a gap. Read as the middle one or two rows of the sorted gaps (index provenance_edges_outlet),
    /// so that no outlet's gaps are ever held in memory.
    /// </summary>
    public async Task<double?> MedianCopyGapMsAsync(string outletId, CancellationToken ct = default)
    {
        const string Where = """
            FROM provenance_edges e JOIN articles a ON a.id = e.article_id
            WHERE e.source_outlet_id = @outletId AND e.chosen = 1 AND a.outlet_id <> @outletId AND e.gap_ms IS NOT NULL
            """;
        await using var connection = await database.OpenAsync(ct);
        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) {Where}", new { outletId }, cancellationToken: ct));
        if (count == 0)
            return null;
        var middle = (await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT e.gap_ms {Where} ORDER BY e.gap_ms LIMIT @take OFFSET @skip",
            new { outletId, take = count % 2 == 1 ? 1 : 2, skip = (count - 1) / 2 }, cancellationToken: ct))).AsList();
        return middle.Average(g => (double)g);
    }

    private async IAsyncEnumerable<T> StreamAsync<T>(string sql, ExportRange range, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await foreach (var row in connection.QueryUnbufferedAsync<T>(sql, new { since = range.SinceMs, until = range.UntilMs }).WithCancellation(ct))
            yield return row;
    }

    /// <summary>Editors' corrections in force (applied and not undone; undos themselves left out), in the order applied.</summary>
    public async Task<IReadOnlyList<ExportedCorrection>> CorrectionsInForceAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Id, string Kind, string Editor, long AppliedMs, long? StoryId, string? Note)>(new CommandDefinition("""
            SELECT id, kind, editor, applied_ms, story_id, note FROM corrections
            WHERE status = 'applied' AND undone_by IS NULL AND kind <> 'undo' ORDER BY applied_order, id
            """, cancellationToken: ct));
        return rows.Select(r => new ExportedCorrection(r.Id, r.Kind, r.Editor, Time.FromMs(r.AppliedMs), r.StoryId, r.Note)).ToList();
    }
}
