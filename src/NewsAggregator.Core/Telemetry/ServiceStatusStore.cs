using Dapper;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Telemetry;

/// <summary>The clustering queue as readiness and /metrics see it: rows waiting and when the oldest was queued.</summary>
public sealed record ClusteringBacklog(long Depth, long? OldestQueuedMs)
{
    /// <summary>How long the oldest queued version has waited; zero when the queue is empty.</summary>
    public TimeSpan Lag(DateTimeOffset now) =>
        OldestQueuedMs is { } oldest ? TimeSpan.FromMilliseconds(Math.Max(0, Time.ToMs(now) - oldest)) : TimeSpan.Zero;
}

/// <summary>One feed as /metrics reports it.</summary>
public sealed class FeedHealth
{
    public string Key { get; set; } = "";
    public bool Enabled { get; set; }
    /// <summary>active, failing or dead (feeds.status).</summary>
    public string Status { get; set; } = "";
    public long? LastSuccessMs { get; set; }
    public long CreatedMs { get; set; }

    /// <summary>Since the last successful poll, or since the feed was added when it never had one.</summary>
    public TimeSpan Staleness(DateTimeOffset now) => TimeSpan.FromMilliseconds(Math.Max(0, Time.ToMs(now) - (LastSuccessMs ?? CreatedMs)));
}

/// <summary>What a scrape of /metrics reads from the database.</summary>
public sealed record ServiceStatus(ClusteringBacklog Backlog, IReadOnlyList<FeedHealth> Feeds, long Articles, long LiveStories);

/// <summary>
/// The few reads behind readiness and the database gauges of /metrics. Every one is cheap on a database of millions
/// of articles (plans checked on a 1M-article file, README): they run on every scrape and every readiness probe.
/// </summary>
public sealed class ServiceStatusStore(Database database)
{
    /// <summary>A trivial read that still touches the file (its first page): the database answers.</summary>
    public async Task PingAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM sqlite_master", cancellationToken: ct));
    }

    public async Task<ClusteringBacklog> BacklogAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await BacklogAsync(connection, ct);
    }

    public async Task<ServiceStatus> ReadAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var backlog = await BacklogAsync(connection, ct);
        // feeds is small (one row per configured feed).
        var feeds = (await connection.QueryAsync<FeedHealth>(new CommandDefinition(
            "SELECT key, enabled, status, last_success_ms, created_ms FROM feeds ORDER BY key", cancellationToken: ct))).AsList();
        // COUNT(*) walks the smallest covering index (articles_published; stories_newest, partial on live stories)
        // page by page without reading rows: about 6 ms for 1M articles once cached.
        var (articles, stories) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition("""
            SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM stories WHERE merged_into IS NULL)
            """, cancellationToken: ct));
        return new ServiceStatus(backlog, feeds, articles, stories);
    }

    private static async Task<ClusteringBacklog> BacklogAsync(System.Data.Common.DbConnection connection, CancellationToken ct)
    {
        // The consumer takes the queue from its head (lowest seq), so the oldest entry is the first by rowid: one
        // seek. The count is a scan of a narrow table that is near empty unless clustering has fallen behind.
        var (depth, oldest) = await connection.QuerySingleAsync<(long, long?)>(new CommandDefinition("""
            SELECT (SELECT COUNT(*) FROM cluster_queue), (SELECT enqueued_ms FROM cluster_queue ORDER BY seq LIMIT 1)
            """, cancellationToken: ct));
        return new ClusteringBacklog(depth, oldest);
    }
}
