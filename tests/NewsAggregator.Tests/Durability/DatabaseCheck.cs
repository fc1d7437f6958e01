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
    public bool IntegrityOk => IntegrityCheck is ["ok"];

    public override string ToString() =>
        $"integrity {string.Join("; ", IntegrityCheck.Take(5))}, {Articles} articles, {DuplicateUrls} duplicate URLs, " +
        $"{ArticlesWithoutVersion} without version, {ArticlesWithoutSighting} without sighting, {MissingAcknowledged.Count} acknowledged but missing";
}

/// <summary>The one checker both kill tests use: the healthy worker must pass it, the broken one must fail it.</summary>
public static class DatabaseCheck
{
    public static async Task<DatabaseState> InspectAsync(string databasePath, IEnumerable<string> acknowledged)
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
        return new DatabaseState(integrity, articles, duplicates, withoutVersion, withoutSighting, missing);
    }
}
