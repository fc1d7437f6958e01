using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Normalizing;
using NewsAggregator.Core.Polling;

namespace NewsAggregator.Core.Storage;

/// <summary>What one poll changes: the feed's new polling state and the articles it carried.</summary>
public sealed record PollWrite
{
    public required long FeedId { get; init; }
    public required string OutletId { get; init; }
    public required DateTimeOffset PolledUtc { get; init; }
    public required FeedPollState State { get; init; }
    public int? StatusCode { get; init; }
    /// <summary>True when a new body arrived: its validators and hash replace the stored ones.</summary>
    public bool ReplaceValidators { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public string? BodyHash { get; init; }
    public string? SiteLink { get; init; }
    public IReadOnlyList<NormalizedArticle> Articles { get; init; } = [];
}

/// <summary>What a committed poll did. Returned only after the commit: everything in it is durable.</summary>
public sealed record IngestReport(int New, int Updated, int Unchanged, IReadOnlyList<long> QueuedArticleIds, IReadOnlyList<string> NewUrls)
{
    /// <summary>Items dropped because retention removed their article (a tombstone holds their URL).</summary>
    public int Tombstoned { get; init; }
}

/// <summary>
/// The single writer (ARCHITECTURE step 5). Polls hand their results here; one loop commits them, grouping polls
/// that finish together into one transaction so that fsyncs stay few, and answers each caller only after its
/// transaction committed. Articles and the feed's validators commit together: a saved ETag can never hide
/// articles that were not stored.
/// </summary>
public sealed class IngestWriter : IAsyncDisposable
{
    private readonly Database _database;
    private readonly StorageOptions _options;
    private readonly ILogger<IngestWriter> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    // Fault injection for the kill -9 test's broken variant: answers callers before committing. Never set in production.
    private readonly bool _acknowledgeBeforeCommit = Environment.GetEnvironmentVariable("NEWSAGG_FAULT_ACK_BEFORE_COMMIT") == "1";

    public IngestWriter(Database database, StorageOptions options, ILogger<IngestWriter> logger)
    {
        _database = database;
        _options = options;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public Task<IngestReport> WriteAsync(PollWrite write, CancellationToken ct = default)
    {
        var pending = new Pending(write, new TaskCompletionSource<IngestReport>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(IngestWriter), "The writer is shut down; nothing was written.");
        // The caller may stop waiting, but a write once queued is committed (or fails) as a whole.
        return pending.Done.Task.WaitAsync(ct);
    }

    /// <summary>What a failed write means for an operator (disk full, read-only, …); null for a failure that is a bug.</summary>
    public string? Explain(Exception exception) => _database.Dialect.Explain(exception);

    /// <summary>Stops accepting writes and waits until everything queued is committed.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            var articles = 0;
            while (articles < _options.WriteBatchMaxArticles && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
                articles += next.Write.Articles.Count;
            }
            if (batch.Count == 0)
                continue;
            try
            {
                await CommitAsync(batch);
            }
            catch (Exception e) when (batch.Count > 1)
            {
                // One bad poll must not sink the others that shared its transaction: retry them one by one.
                if (Explain(e) is { } reason)
                    _logger.LogWarning("Batch of {Polls} polls failed to commit ({Reason}); retrying each alone", batch.Count, reason);
                else
                    _logger.LogWarning(e, "Batch of {Polls} polls failed to commit; retrying each alone", batch.Count);
                foreach (var one in batch)
                {
                    try
                    {
                        await CommitAsync([one]);
                    }
                    catch (Exception inner)
                    {
                        Failed(one, inner);
                    }
                }
            }
            catch (Exception e)
            {
                Failed(batch[0], e);
            }
        }
    }

    /// <summary>
    /// The caller hears of the failure and reports it with its feed (disk full, read-only: one line per poll, no stack
    /// trace); only a failure the dialect does not know is logged here with its exception, as a bug.
    /// </summary>
    private void Failed(Pending pending, Exception e)
    {
        if (Explain(e) is null)
            _logger.LogError(e, "Poll of feed {FeedId} could not be stored", pending.Write.FeedId);
        pending.Done.TrySetException(e);
    }

    private async Task CommitAsync(IReadOnlyList<Pending> batch)
    {
        await using var connection = await _database.OpenAsync();
        await using var write = await _database.BeginWriteAsync(connection);
        var tx = write.Transaction;
        // Prepared once per transaction, re-bound per article: compiling six statements per article cost more than
        // running them.
        using var statements = new Statements(connection, tx);
        var reports = new List<IngestReport>(batch.Count);
        foreach (var pending in batch)
            reports.Add(await WriteOneAsync(statements, pending.Write));
        if (_acknowledgeBeforeCommit)
        {
            for (var i = 0; i < batch.Count; i++)
                batch[i].Done.TrySetResult(reports[i]);
            await Task.Delay(200);
        }
        await tx.CommitAsync();
        for (var i = 0; i < batch.Count; i++)
            batch[i].Done.TrySetResult(reports[i]);
    }

    private async Task<IngestReport> WriteOneAsync(Statements sql, PollWrite write)
    {
        var now = Time.ToMs(write.PolledUtc);
        int added = 0, updated = 0, unchanged = 0, tombstoned = 0;
        var queued = new List<long>();
        var newUrls = new List<string>();
        var ct = CancellationToken.None; // a write once queued is committed (or fails) as a whole
        foreach (var article in write.Articles)
        {
            // articles.canonical_url is UNIQUE: this lookup is an index seek.
            var found = await sql.Current.QueryAsync(r => (Id: r.GetInt64(0), ContentHash: r.GetString(1), Version: r.GetInt64(2)), ct, article.CanonicalUrl);
            long id;
            // An unknown URL may be one retention removed: a feed still carrying the item must not bring it back. The
            // tombstone's last sighting moves on, so that it lasts as long as some feed carries the item.
            if (found.Count == 0 && (await sql.Tombstoned.QueryAsync(r => r.GetInt64(0), ct, Tombstones.Key(article.CanonicalUrl), now)).Count > 0)
            {
                _logger.LogDebug("Dropped {Url} from feed {FeedId}: retention removed it (tombstone)", article.CanonicalUrl, write.FeedId);
                tombstoned++;
                continue;
            }
            if (found.Count == 0)
            {
                var ids = await sql.InsertArticle.QueryAsync(r => r.GetInt64(0), ct,
                    article.CanonicalUrl, article.Guid, write.OutletId, article.Title, article.Body, article.Author, Time.ToMs(article.PublishedUtc),
                    article.PublishedIsFirstSeen, Time.ToMs(article.UpdatedUtc), now, article.ContentHash, Json.Serialize(article.Hints),
                    Json.Serialize(article.Categories));
                id = ids[0];
                await sql.InsertVersion.RunAsync(ct, id, 1L, article.Title, article.Body, article.ContentHash, now, write.FeedId, article.ContentHtml);
                await sql.Enqueue.RunAsync(ct, id, 1L, now);
                queued.Add(id);
                newUrls.Add(article.CanonicalUrl);
                added++;
            }
            else if (found[0].ContentHash != article.ContentHash)
            {
                id = found[0].Id;
                var version = found[0].Version + 1;
                // The first publication date stays: an edit is not a new story. updated_ms records the edit.
                await sql.UpdateArticle.RunAsync(ct, article.Title, article.Body, article.Author, Time.ToMs(article.UpdatedUtc) ?? now, now,
                    article.ContentHash, version, Json.Serialize(article.Hints), Json.Serialize(article.Categories), id);
                await sql.InsertVersion.RunAsync(ct, id, version, article.Title, article.Body, article.ContentHash, now, write.FeedId, article.ContentHtml);
                await sql.Enqueue.RunAsync(ct, id, version, now);
                queued.Add(id);
                updated++;
            }
            else
            {
                id = found[0].Id;
                unchanged++;
            }
            await sql.Sighting.RunAsync(ct, id, write.FeedId, now);
        }
        var state = write.State;
        await sql.Feed.RunAsync(ct,
            state.Url.AbsoluteUri, write.FeedId, state.Status.ToString().ToLowerInvariant(), (long)state.Interval.TotalSeconds,
            state.ConsecutiveFailures, Time.ToMs(state.NotFoundSinceUtc), state.ConsecutiveNotFound, state.PendingRedirectUrl,
            state.PendingRedirectCount, state.LastError, write.StatusCode, Time.ToMs(write.PolledUtc), Time.ToMs(state.LastSuccessUtc),
            Time.ToMs(state.NextPollUtc), added, write.ReplaceValidators, write.ETag, write.LastModified, write.BodyHash, write.SiteLink);
        return new IngestReport(added, updated, unchanged, queued, newUrls) { Tombstoned = tombstoned };
    }

    /// <summary>The per-article statements of <see cref="WriteOneAsync"/>, each with positional parameters @p0, @p1, ….</summary>
    private sealed class Statements(DbConnection connection, DbTransaction tx) : IDisposable
    {
        public PreparedStatement Current { get; } = new(connection, tx, "SELECT id, content_hash, version FROM articles WHERE canonical_url = @p0");

        public PreparedStatement InsertArticle { get; } = new(connection, tx, """
            INSERT INTO articles (canonical_url, guid, outlet_id, title, body, author, published_ms,
                published_is_first_seen, updated_ms, first_seen_ms, changed_ms, content_hash, version, hints_json, categories_json)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p9, @p10, 1, @p11, @p12)
            RETURNING id
            """);

        public PreparedStatement UpdateArticle { get; } = new(connection, tx, """
            UPDATE articles SET title = @p0, body = @p1, author = COALESCE(@p2, author), updated_ms = @p3,
                changed_ms = @p4, content_hash = @p5, version = @p6, hints_json = @p7, categories_json = @p8
            WHERE id = @p9
            """);

        public PreparedStatement InsertVersion { get; } = new(connection, tx, """
            INSERT INTO article_versions (article_id, version, title, body, content_hash, seen_ms, feed_id, content_html)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)
            """);

        public PreparedStatement Tombstoned { get; } = new(connection, tx,
            """
            UPDATE article_tombstones SET last_seen_ms = CASE WHEN last_seen_ms < @p1 THEN @p1 ELSE last_seen_ms END WHERE url_hash = @p0 RETURNING 1
            """);

        public PreparedStatement Enqueue { get; } = new(connection, tx,
            "INSERT INTO cluster_queue (article_id, version, enqueued_ms) VALUES (@p0, @p1, @p2)");

        public PreparedStatement Sighting { get; } = new(connection, tx, """
            INSERT INTO sightings (article_id, feed_id, first_seen_ms, last_seen_ms) VALUES (@p0, @p1, @p2, @p2)
            ON CONFLICT (article_id, feed_id) DO UPDATE SET last_seen_ms = excluded.last_seen_ms
            """);

        public PreparedStatement Feed { get; } = new(connection, tx, """
            UPDATE feeds SET
                -- An adopted permanent redirect replaces the URL unless another feed already polls that URL.
                url = CASE WHEN @Url = url OR EXISTS (SELECT 1 FROM feeds other WHERE other.url = @Url AND other.id <> @FeedId) THEN url ELSE @Url END,
                status = @Status, interval_s = @IntervalS, consecutive_failures = @ConsecutiveFailures,
                not_found_since_ms = @NotFoundSinceMs, consecutive_not_found = @ConsecutiveNotFound,
                pending_redirect_url = @PendingRedirectUrl, pending_redirect_count = @PendingRedirectCount,
                last_error = @LastError, last_status_code = @StatusCode, last_polled_ms = @PolledMs,
                last_success_ms = @LastSuccessMs, next_poll_ms = @NextPollMs, polls = polls + 1, articles_new = articles_new + @Added,
                etag = CASE WHEN @ReplaceValidators THEN @ETag ELSE etag END,
                last_modified = CASE WHEN @ReplaceValidators THEN @LastModified ELSE last_modified END,
                last_body_hash = CASE WHEN @ReplaceValidators THEN @BodyHash ELSE last_body_hash END,
                site_link = COALESCE(@SiteLink, site_link)
            WHERE id = @FeedId
            """,
            "Url", "FeedId", "Status", "IntervalS", "ConsecutiveFailures", "NotFoundSinceMs", "ConsecutiveNotFound", "PendingRedirectUrl",
            "PendingRedirectCount", "LastError", "StatusCode", "PolledMs", "LastSuccessMs", "NextPollMs", "Added", "ReplaceValidators", "ETag",
            "LastModified", "BodyHash", "SiteLink");

        public void Dispose()
        {
            Feed.Dispose();
            Current.Dispose();
            InsertArticle.Dispose();
            UpdateArticle.Dispose();
            InsertVersion.Dispose();
            Enqueue.Dispose();
            Tombstoned.Dispose();
            Sighting.Dispose();
        }
    }

    private sealed record Pending(PollWrite Write, TaskCompletionSource<IngestReport> Done);
}
