using Dapper;
using NewsAggregator.Core.Normalizing;

namespace NewsAggregator.Core.Storage;

public sealed class ArticleRow
{
    public long Id { get; set; }
    public string CanonicalUrl { get; set; } = "";
    public string OutletId { get; set; } = "";
    public string? OutletName { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Author { get; set; }
    public long PublishedMs { get; set; }
    public bool PublishedIsFirstSeen { get; set; }
    public long? UpdatedMs { get; set; }
    public long FirstSeenMs { get; set; }
    public long Version { get; set; }
    public string HintsJson { get; set; } = "[]";
    public long Sightings { get; set; }

    public IReadOnlyList<ProvenanceHint> Hints => Json.Deserialize<List<ProvenanceHint>>(HintsJson) ?? [];
}

public sealed record ArticleVersion(long Version, string Title, string Body, string ContentHash, long SeenMs, long? FeedId);

public sealed record Sighting(long FeedId, string FeedKey, long FirstSeenMs, long LastSeenMs);

public sealed record StoreCounts(long Articles, long Versions, long Sightings, long Feeds, long Queued);

/// <summary>Reads of stored articles for the page, the CLI and the tests. Writes go through <see cref="IngestWriter"/>.</summary>
public sealed class ArticleStore(Database database)
{
    private const string Select = """
        SELECT a.id, a.canonical_url, a.outlet_id, o.name AS outlet_name, a.title, a.body, a.author, a.published_ms,
            a.published_is_first_seen, a.updated_ms, a.first_seen_ms, a.version, a.hints_json,
            (SELECT COUNT(*) FROM sightings s WHERE s.article_id = a.id) AS sightings
        FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
        """;

    /// <summary>Newest first by publication date (index articles_published).</summary>
    public async Task<IReadOnlyList<ArticleRow>> RecentAsync(int limit, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<ArticleRow>(new CommandDefinition(
            $"{Select} ORDER BY a.published_ms DESC, a.id DESC LIMIT @Limit", new { Limit = limit }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<ArticleRow?> FindByUrlAsync(string canonicalUrl, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ArticleRow>(new CommandDefinition(
            $"{Select} WHERE a.canonical_url = @Url", new { Url = canonicalUrl }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ArticleVersion>> VersionsAsync(long articleId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<ArticleVersion>(new CommandDefinition(
            "SELECT version, title, body, content_hash, seen_ms, feed_id FROM article_versions WHERE article_id = @Id ORDER BY version",
            new { Id = articleId }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<IReadOnlyList<Sighting>> SightingsAsync(long articleId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Sighting>(new CommandDefinition("""
            SELECT s.feed_id, f.key AS feed_key, s.first_seen_ms, s.last_seen_ms
            FROM sightings s JOIN feeds f ON f.id = s.feed_id WHERE s.article_id = @Id ORDER BY s.first_seen_ms, f.key
            """, new { Id = articleId }, cancellationToken: ct));
        return rows.AsList();
    }

    public async Task<StoreCounts> CountsAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleAsync<StoreCounts>(new CommandDefinition("""
            SELECT (SELECT COUNT(*) FROM articles) AS articles, (SELECT COUNT(*) FROM article_versions) AS versions,
                (SELECT COUNT(*) FROM sightings) AS sightings, (SELECT COUNT(*) FROM feeds WHERE enabled = 1) AS feeds,
                (SELECT COUNT(*) FROM cluster_queue) AS queued
            """, cancellationToken: ct));
    }
}
