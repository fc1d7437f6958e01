using Dapper;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Provenance;

/// <summary>One provenance edge as stored, with the names a reader needs.</summary>
public sealed record EdgeRow
{
    public long Id { get; init; }
    public long ArticleId { get; init; }
    public long? SourceArticleId { get; init; }
    public string SourceOutletId { get; init; } = "";
    public string SourceOutletName { get; init; } = "";
    public string Kind { get; init; } = "";
    public double Confidence { get; init; }
    public bool Chosen { get; init; }
    public long? GapMs { get; init; }
    public string EvidenceJson { get; init; } = "{}";
    public string AlgorithmVersion { get; init; } = "";
}

/// <summary>An article as a node of a chain.</summary>
public sealed record ChainArticle
{
    public long Id { get; init; }
    public string Title { get; init; } = "";
    public string CanonicalUrl { get; init; } = "";
    public string OutletId { get; init; } = "";
    public string OutletName { get; init; } = "";
    public long PublishedMs { get; init; }
    public long FirstSeenMs { get; init; }
}

/// <summary>One piece of stored evidence.</summary>
public sealed record EvidenceRow
{
    public long ArticleId { get; init; }
    public string Kind { get; init; } = "";
    public string Value { get; init; } = "";
    public string? OutletId { get; init; }
    public string Span { get; init; } = "";
}

/// <summary>
/// A chain from an article to its root: the articles in order (derived first) and the chosen edge leaving each; the
/// last edge may end at an outlet that is not ingested (<see cref="RootOutletId"/> without a root article).
/// </summary>
public sealed record Chain(IReadOnlyList<ChainArticle> Articles, IReadOnlyList<EdgeRow> Edges, string RootOutletId, string RootOutletName,
    long? StoryId, string? StoryOriginOutletId, string? StoryOriginOutletName, IReadOnlyList<EvidenceRow> Evidence);

/// <summary>Reads of the provenance tables: chains for `trace` and the API, edges and origins for `eval`.</summary>
public sealed class ProvenanceStore(Database database)
{
    /// <summary>The chain from <paramref name="articleId"/> to its root, following chosen edges (cycles stop it); null when the article is unknown.</summary>
    public async Task<Chain?> ChainAsync(long articleId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var articles = new List<ChainArticle>();
        var edges = new List<EdgeRow>();
        var evidence = new List<EvidenceRow>();
        var seen = new HashSet<long>();
        long? at = articleId;
        string rootOutlet = "", rootName = "";
        while (at is { } id && seen.Add(id))
        {
            var article = await connection.QuerySingleOrDefaultAsync<ChainArticle>(new CommandDefinition("""
                SELECT a.id AS Id, a.title AS Title, a.canonical_url AS CanonicalUrl, a.outlet_id AS OutletId, o.name AS OutletName,
                       a.published_ms AS PublishedMs, a.first_seen_ms AS FirstSeenMs
                FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE a.id = @id
                """, new { id }, cancellationToken: ct));
            if (article is null)
                break;
            articles.Add(article);
            evidence.AddRange(await connection.QueryAsync<EvidenceRow>(new CommandDefinition("""
                SELECT article_id AS ArticleId, kind AS Kind, value AS Value, outlet_id AS OutletId, span AS Span
                FROM provenance_evidence WHERE article_id = @id ORDER BY id
                """, new { id }, cancellationToken: ct)));
            rootOutlet = article.OutletId;
            rootName = article.OutletName;
            var chosen = await EdgesAsync(connection, "e.article_id = @id AND e.chosen = 1", new { id }, ct);
            if (chosen.Count == 0)
                break;
            var edge = chosen[0];
            edges.Add(edge);
            rootOutlet = edge.SourceOutletId;
            rootName = edge.SourceOutletName;
            at = edge.SourceArticleId;
        }
        if (articles.Count == 0)
            return null;
        var origin = await connection.QuerySingleOrDefaultAsync<(long StoryId, string? OutletId, string? Name)>(new CommandDefinition("""
            SELECT m.story_id, so.outlet_id, o.name FROM story_members m
            LEFT JOIN story_origins so ON so.story_id = m.story_id LEFT JOIN outlets o ON o.id = so.outlet_id
            WHERE m.article_id = @articleId
            """, new { articleId }, cancellationToken: ct));
        return new Chain(articles, edges, rootOutlet, rootName, origin.StoryId == 0 ? null : origin.StoryId, origin.OutletId, origin.Name, evidence);
    }

    /// <summary>Every edge leaving <paramref name="articleId"/>, chosen or not.</summary>
    public async Task<IReadOnlyList<EdgeRow>> EdgesFromAsync(long articleId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await EdgesAsync(connection, "e.article_id = @articleId", new { articleId }, ct);
    }

    /// <summary>Chosen edges of every article: derived → (source article, source outlet, kind).</summary>
    public async Task<Dictionary<long, (long? SourceArticleId, string SourceOutletId, string Kind)>> ChosenAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long ArticleId, long? Source, string Outlet, string Kind)>(new CommandDefinition(
            "SELECT article_id, source_article_id, source_outlet_id, kind FROM provenance_edges WHERE chosen = 1", cancellationToken: ct));
        return rows.ToDictionary(r => r.ArticleId, r => (r.Source, r.Outlet, r.Kind));
    }

    /// <summary>Each live story's original outlet id.</summary>
    public async Task<Dictionary<long, string>> OriginsAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long StoryId, string OutletId)>(new CommandDefinition("SELECT story_id, outlet_id FROM story_origins", cancellationToken: ct));
        return rows.ToDictionary(r => r.StoryId, r => r.OutletId);
    }

    /// <summary>Every outlet's names (name and aliases) by id, external ones included.</summary>
    public async Task<Dictionary<string, List<string>>> OutletNamesAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Id, string Name, string Aliases)>(new CommandDefinition("SELECT id, name, aliases_json FROM outlets", cancellationToken: ct));
        return rows.ToDictionary(r => r.Id, r => (Json.Deserialize<List<string>>(r.Aliases) ?? []).Prepend(r.Name).ToList());
    }

    private static async Task<IReadOnlyList<EdgeRow>> EdgesAsync(System.Data.Common.DbConnection connection, string where, object args, CancellationToken ct) =>
        (await connection.QueryAsync<EdgeRow>(new CommandDefinition($"""
            SELECT e.id AS Id, e.article_id AS ArticleId, e.source_article_id AS SourceArticleId, e.source_outlet_id AS SourceOutletId,
                   COALESCE(o.name, e.source_outlet_id) AS SourceOutletName, e.kind AS Kind, e.confidence AS Confidence, e.chosen AS Chosen,
                   e.gap_ms AS GapMs, e.evidence_json AS EvidenceJson, e.algorithm_version AS AlgorithmVersion
            FROM provenance_edges e LEFT JOIN outlets o ON o.id = e.source_outlet_id
            WHERE {where} ORDER BY e.chosen DESC, e.confidence DESC, e.id
            """, args, cancellationToken: ct))).AsList();
}
