using Dapper;
using Microsoft.Data.Sqlite;

namespace NewsAggregator.Tests.Durability;

/// <summary>What the database file holds after a kill, measured against the acknowledgments printed before it.</summary>
public sealed record DatabaseState(
    IReadOnlyList<string> IntegrityCheck,
    long Articles,
    long DuplicateUrls,
    long ArticlesWithoutVersion,
    long ArticlesWithoutSighting,
    IReadOnlyList<string> MissingAcknowledged)
{
    /// <summary>Versions with a clustering decision (what the consumer committed).</summary>
    public long Clustered { get; init; }

    /// <summary>Versions still waiting in the clustering queue.</summary>
    public long Queued { get; init; }

    /// <summary>Versions neither queued, decided nor listed as failed: the consumer would never cluster them.</summary>
    public long SkippedVersions { get; init; }

    /// <summary>Versions decided and still queued (or queued twice): the consumer would cluster them again.</summary>
    public long ClusteredTwice { get; init; }

    /// <summary>Decided articles without a story, or members of a story that does not exist or was merged away.</summary>
    public long MembersAstray { get; init; }

    /// <summary>The last clustering save the consumer announced before the kill had not committed: the kill cut it short.</summary>
    public bool AnnouncedSaveUncommitted { get; init; }

    /// <summary>Live stories whose member count differs from their member rows.</summary>
    public long StoriesMiscounted { get; init; }

    public bool IntegrityOk => IntegrityCheck is ["ok"];

    public bool ClusteringConsistent => SkippedVersions == 0 && ClusteredTwice == 0 && MembersAstray == 0 && StoriesMiscounted == 0;

    public override string ToString() =>
        $"integrity {string.Join("; ", IntegrityCheck.Take(5))}, {Articles} articles, {DuplicateUrls} duplicate URLs, " +
        $"{ArticlesWithoutVersion} without version, {ArticlesWithoutSighting} without sighting, {MissingAcknowledged.Count} acknowledged but missing; " +
        $"{Clustered} clustered, {Queued} queued, {SkippedVersions} skipped, {ClusteredTwice} clustered twice, {MembersAstray} members astray, {StoriesMiscounted} stories miscounted";
}

/// <summary>The one checker both kill tests use: the healthy worker must pass it, the broken one must fail it.</summary>
public static class DatabaseCheck
{
    /// <param name="announcedSave">The queue position the last announced clustering save went up to, if any.</param>
    public static async Task<DatabaseState> InspectAsync(string databasePath, IEnumerable<string> acknowledged, long? announcedSave = null)
    {
        // No pooling: the file must be closed before the worker starts on it again.
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();

        var integrity = (await connection.QueryAsync<string>("PRAGMA integrity_check")).ToList();
        var articles = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM articles");
        var duplicates = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) - COUNT(DISTINCT canonical_url) FROM articles");
        var withoutVersion = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_versions v WHERE v.article_id = a.id)");
        var withoutSighting = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sightings s WHERE s.article_id = a.id)");
        var stored = new HashSet<string>(await connection.QueryAsync<string>("SELECT canonical_url FROM articles"), StringComparer.Ordinal);
        var missing = acknowledged.Where(url => !stored.Contains(url)).Distinct(StringComparer.Ordinal).ToList();
        return new DatabaseState(integrity, articles, duplicates, withoutVersion, withoutSighting, missing)
        {
            Clustered = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM cluster_decisions"),
            Queued = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM cluster_queue"),
            // Queue positions are reused only once the queue has emptied, which a kill right after the announcement leaves no time for.
            AnnouncedSaveUncommitted = announcedSave is { } seq
                && await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM cluster_queue WHERE seq = @seq", new { seq }) > 0,
            SkippedVersions = await connection.ExecuteScalarAsync<long>("""
                SELECT COUNT(*) FROM article_versions v
                WHERE NOT EXISTS (SELECT 1 FROM cluster_queue q WHERE q.article_id = v.article_id AND q.version = v.version)
                  AND NOT EXISTS (SELECT 1 FROM cluster_decisions d WHERE d.article_id = v.article_id AND d.version = v.version)
                  AND NOT EXISTS (SELECT 1 FROM cluster_failures f WHERE f.article_id = v.article_id AND f.version = v.version)
                """),
            ClusteredTwice = await connection.ExecuteScalarAsync<long>("""
                SELECT (SELECT COUNT(*) FROM cluster_queue q
                        WHERE EXISTS (SELECT 1 FROM cluster_decisions d WHERE d.article_id = q.article_id AND d.version = q.version))
                     + (SELECT COUNT(*) FROM (SELECT 1 FROM cluster_queue GROUP BY article_id, version HAVING COUNT(*) > 1))
                """),
            MembersAstray = await connection.ExecuteScalarAsync<long>("""
                SELECT (SELECT COUNT(DISTINCT d.article_id) FROM cluster_decisions d
                        WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.article_id = d.article_id))
                     + (SELECT COUNT(*) FROM story_members m LEFT JOIN stories s ON s.id = m.story_id
                        WHERE s.id IS NULL OR s.merged_into IS NOT NULL)
                """),
            StoriesMiscounted = await connection.ExecuteScalarAsync<long>("""
                SELECT COUNT(*) FROM stories s
                WHERE s.merged_into IS NULL AND s.members <> (SELECT COUNT(*) FROM story_members m WHERE m.story_id = s.id)
                """),
        };
    }
}
