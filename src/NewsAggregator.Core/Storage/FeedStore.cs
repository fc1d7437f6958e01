using Dapper;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Outlets;

namespace NewsAggregator.Core.Storage;

public sealed record FeedSyncReport(int Added, int Changed, int Disabled, int Unchanged);

/// <summary>Feeds and outlets: configuration synchronised into the database, and reads for the CLI and the page.</summary>
public sealed class FeedStore(Database database)
{
    private const string Columns = """
        id, key, outlet_id, url, configured_url, title, site_link, source, enabled, status, etag, last_modified,
        last_body_hash, interval_s, consecutive_failures, not_found_since_ms, consecutive_not_found,
        pending_redirect_url, pending_redirect_count, last_error, last_status_code, last_polled_ms, last_success_ms,
        next_poll_ms, polls, articles_new, created_ms
        """;

    /// <summary>Upserts the directory; outlets added later as external stay.</summary>
    public async Task SyncOutletsAsync(OutletDirectory directory, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var write = await database.BeginWriteAsync(connection, ct);
        var tx = write.Transaction;
        foreach (var o in directory.Outlets)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO outlets (id, name, kind, country, aliases_json, domains_json, external)
                VALUES (@Id, @Name, @Kind, @Country, @Aliases, @Domains, 0)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, country = excluded.country,
                    aliases_json = excluded.aliases_json, domains_json = excluded.domains_json, external = 0
                """,
                new { o.Id, o.Name, o.Kind, o.Country, Aliases = Json.Serialize(o.Aliases), Domains = Json.Serialize(o.Domains) },
                tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Makes the config feeds match feeds.json: new keys are added, a changed URL resets the feed's polling state
    /// (validators belong to the old URL), keys no longer listed are disabled, never deleted (their articles keep
    /// their sightings). Feeds imported from OPML are left alone.
    /// </summary>
    public async Task<FeedSyncReport> SyncAsync(IReadOnlyList<FeedDefinition> feeds, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var write = await database.BeginWriteAsync(connection, ct);
        var tx = write.Transaction;
        var existing = (await connection.QueryAsync<FeedRow>(new CommandDefinition($"SELECT {Columns} FROM feeds", transaction: tx, cancellationToken: ct)))
            .ToDictionary(f => f.Key, StringComparer.Ordinal);
        int added = 0, changed = 0, disabled = 0, unchanged = 0;
        foreach (var feed in feeds)
        {
            if (!existing.TryGetValue(feed.Key, out var row))
            {
                await InsertAsync(connection, tx, feed, "config", now, ct);
                added++;
            }
            else if (row.ConfiguredUrl != feed.Url.AbsoluteUri)
            {
                await connection.ExecuteAsync(new CommandDefinition("""
                    UPDATE feeds SET url = @Url, configured_url = @Url, outlet_id = @OutletId, title = @Title, source = 'config',
                        enabled = 1, status = 'active', etag = NULL, last_modified = NULL, last_body_hash = NULL,
                        interval_s = 0, consecutive_failures = 0, not_found_since_ms = NULL, consecutive_not_found = 0,
                        pending_redirect_url = NULL, pending_redirect_count = 0, last_error = NULL, next_poll_ms = NULL
                    WHERE id = @Id
                    """, new { Url = feed.Url.AbsoluteUri, feed.OutletId, feed.Title, row.Id }, tx, cancellationToken: ct));
                changed++;
            }
            else if (!row.Enabled || row.OutletId != feed.OutletId || row.Title != feed.Title || row.Source != "config")
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE feeds SET enabled = 1, outlet_id = @OutletId, title = @Title, source = 'config' WHERE id = @Id",
                    new { feed.OutletId, feed.Title, row.Id }, tx, cancellationToken: ct));
                changed++;
            }
            else
            {
                unchanged++;
            }
        }
        var listed = feeds.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var row in existing.Values.Where(r => r.Source == "config" && r.Enabled && !listed.Contains(r.Key)))
        {
            await connection.ExecuteAsync(new CommandDefinition("UPDATE feeds SET enabled = 0 WHERE id = @Id", new { row.Id }, tx, cancellationToken: ct));
            disabled++;
        }
        await tx.CommitAsync(ct);
        return new FeedSyncReport(added, changed, disabled, unchanged);
    }

    /// <summary>Adds feeds imported from OPML; a URL already present is skipped. Returns how many were added.</summary>
    public async Task<int> ImportAsync(IEnumerable<FeedDefinition> feeds, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var write = await database.BeginWriteAsync(connection, ct);
        var tx = write.Transaction;
        var added = 0;
        foreach (var feed in feeds)
        {
            var present = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT id FROM feeds WHERE url = @Url OR configured_url = @Url OR key = @Key",
                new { Url = feed.Url.AbsoluteUri, feed.Key }, tx, cancellationToken: ct));
            if (present is not null)
                continue;
            await InsertAsync(connection, tx, feed, "import", now, ct);
            added++;
        }
        await tx.CommitAsync(ct);
        return added;
    }

    private static Task<int> InsertAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, FeedDefinition feed, string source, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO feeds (key, outlet_id, url, configured_url, title, source, created_ms)
            VALUES (@Key, @OutletId, @Url, @Url, @Title, @Source, @CreatedMs)
            """,
            new { feed.Key, feed.OutletId, Url = feed.Url.AbsoluteUri, feed.Title, Source = source, CreatedMs = Time.ToMs(now) },
            tx, cancellationToken: ct));

    public async Task<IReadOnlyList<FeedRow>> ListAsync(bool includeDisabled = false, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<FeedRow>(new CommandDefinition(
            $"SELECT {Columns} FROM feeds WHERE enabled = 1 OR @IncludeDisabled ORDER BY key",
            new { IncludeDisabled = includeDisabled }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>
    /// The enabled feeds an operator must hear about: dead ones, and failing ones without a successful poll for at least
    /// <paramref name="failingFor"/>. Dead first, then longest in trouble first. Feeds are never removed automatically.
    /// </summary>
    public async Task<IReadOnlyList<FeedRow>> ProblemsAsync(DateTimeOffset now, TimeSpan failingFor, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<FeedRow>(new CommandDefinition($"""
            SELECT {Columns} FROM feeds
            WHERE enabled = 1 AND (status = 'dead' OR (status = 'failing' AND COALESCE(last_success_ms, created_ms) <= @before))
            """, new { before = Time.ToMs(now - failingFor) }, cancellationToken: ct));
        return rows.OrderBy(r => r.Status == "dead" ? 0 : 1).ThenBy(r => r.ProblemSinceMs).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
    }

    public async Task<FeedRow?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<FeedRow>(new CommandDefinition(
            $"SELECT {Columns} FROM feeds WHERE id = @Id", new { Id = id }, cancellationToken: ct));
    }
}
