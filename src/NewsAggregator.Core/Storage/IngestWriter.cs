using System.Data.Common;
using System.Threading.Channels;
using Dapper;
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
public sealed record IngestReport(int New, int Updated, int Unchanged, IReadOnlyList<long> QueuedArticleIds, IReadOnlyList<string> NewUrls);

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
                _logger.LogWarning(e, "Batch of {Polls} polls failed to commit; retrying each alone", batch.Count);
                foreach (var one in batch)
                {
                    try
                    {
                        await CommitAsync([one]);
                    }
                    catch (Exception inner)
                    {
                        _logger.LogError(inner, "Poll of feed {FeedId} could not be stored", one.Write.FeedId);
                        one.Done.TrySetException(inner);
                    }
                }
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Poll of feed {FeedId} could not be stored", batch[0].Write.FeedId);
                batch[0].Done.TrySetException(e);
            }
        }
    }

    private async Task CommitAsync(IReadOnlyList<Pending> batch)
    {
        await using var connection = await _database.OpenAsync();
        await using var tx = _database.Dialect.BeginWrite(connection);
        var reports = new List<IngestReport>(batch.Count);
        foreach (var pending in batch)
            reports.Add(await WriteOneAsync(connection, tx, pending.Write));
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

    private static async Task<IngestReport> WriteOneAsync(DbConnection connection, DbTransaction tx, PollWrite write)
    {
        var now = Time.ToMs(write.PolledUtc);
        int added = 0, updated = 0, unchanged = 0;
        var queued = new List<long>();
        var newUrls = new List<string>();
        foreach (var article in write.Articles)
        {
            // articles.canonical_url is UNIQUE: this lookup is an index seek.
            var current = await connection.QuerySingleOrDefaultAsync<StoredKey>(
                "SELECT id, content_hash, version FROM articles WHERE canonical_url = @CanonicalUrl",
                new { article.CanonicalUrl }, tx);
            long id;
            if (current is null)
            {
                id = await connection.ExecuteScalarAsync<long>("""
                    INSERT INTO articles (canonical_url, guid, outlet_id, title, body, author, published_ms,
                        published_is_first_seen, updated_ms, first_seen_ms, changed_ms, content_hash, version, hints_json, categories_json)
                    VALUES (@CanonicalUrl, @Guid, @OutletId, @Title, @Body, @Author, @PublishedMs,
                        @PublishedIsFirstSeen, @UpdatedMs, @Now, @Now, @ContentHash, 1, @Hints, @Categories)
                    RETURNING id
                    """,
                    new
                    {
                        article.CanonicalUrl, article.Guid, write.OutletId, article.Title, article.Body, article.Author,
                        PublishedMs = Time.ToMs(article.PublishedUtc), article.PublishedIsFirstSeen, UpdatedMs = Time.ToMs(article.UpdatedUtc),
                        Now = now, article.ContentHash, Hints = Json.Serialize(article.Hints), Categories = Json.Serialize(article.Categories),
                    }, tx);
                await InsertVersionAsync(connection, tx, id, 1, article, now, write.FeedId);
                await EnqueueAsync(connection, tx, id, 1, now);
                queued.Add(id);
                newUrls.Add(article.CanonicalUrl);
                added++;
            }
            else if (current.ContentHash != article.ContentHash)
            {
                id = current.Id;
                var version = current.Version + 1;
                // The first publication date stays: an edit is not a new story. updated_ms records the edit.
                await connection.ExecuteAsync("""
                    UPDATE articles SET title = @Title, body = @Body, author = COALESCE(@Author, author), updated_ms = @UpdatedMs,
                        changed_ms = @Now, content_hash = @ContentHash, version = @Version, hints_json = @Hints, categories_json = @Categories
                    WHERE id = @Id
                    """,
                    new
                    {
                        article.Title, article.Body, article.Author, UpdatedMs = Time.ToMs(article.UpdatedUtc) ?? now, Now = now,
                        article.ContentHash, Version = version, Hints = Json.Serialize(article.Hints), Categories = Json.Serialize(article.Categories), Id = id,
                    }, tx);
                await InsertVersionAsync(connection, tx, id, version, article, now, write.FeedId);
                await EnqueueAsync(connection, tx, id, version, now);
                queued.Add(id);
                updated++;
            }
            else
            {
                id = current.Id;
                unchanged++;
            }
            await connection.ExecuteAsync("""
                INSERT INTO sightings (article_id, feed_id, first_seen_ms, last_seen_ms) VALUES (@Id, @FeedId, @Now, @Now)
                ON CONFLICT (article_id, feed_id) DO UPDATE SET last_seen_ms = excluded.last_seen_ms
                """, new { Id = id, write.FeedId, Now = now }, tx);
        }
        await UpdateFeedAsync(connection, tx, write, added);
        return new IngestReport(added, updated, unchanged, queued, newUrls);
    }

    private static Task EnqueueAsync(DbConnection connection, DbTransaction tx, long id, long version, long now) =>
        connection.ExecuteAsync(
            "INSERT INTO cluster_queue (article_id, version, enqueued_ms) VALUES (@Id, @Version, @Now)",
            new { Id = id, Version = version, Now = now }, tx);

    private static Task InsertVersionAsync(DbConnection connection, DbTransaction tx, long id, long version, NormalizedArticle article, long now, long feedId) =>
        connection.ExecuteAsync("""
            INSERT INTO article_versions (article_id, version, title, body, content_hash, seen_ms, feed_id)
            VALUES (@Id, @Version, @Title, @Body, @ContentHash, @Now, @FeedId)
            """, new { Id = id, Version = version, article.Title, article.Body, article.ContentHash, Now = now, FeedId = feedId }, tx);

    private static Task UpdateFeedAsync(DbConnection connection, DbTransaction tx, PollWrite write, int added)
    {
        var s = write.State;
        return connection.ExecuteAsync("""
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
            new
            {
                Url = s.Url.AbsoluteUri, write.FeedId, Status = s.Status.ToString().ToLowerInvariant(), IntervalS = (long)s.Interval.TotalSeconds,
                s.ConsecutiveFailures, NotFoundSinceMs = Time.ToMs(s.NotFoundSinceUtc), s.ConsecutiveNotFound, s.PendingRedirectUrl,
                s.PendingRedirectCount, s.LastError, write.StatusCode, PolledMs = Time.ToMs(write.PolledUtc), LastSuccessMs = Time.ToMs(s.LastSuccessUtc),
                NextPollMs = Time.ToMs(s.NextPollUtc), Added = added, write.ReplaceValidators, write.ETag, write.LastModified, write.BodyHash, write.SiteLink,
            }, tx);
    }

    private sealed class StoredKey
    {
        public long Id { get; set; }
        public string ContentHash { get; set; } = "";
        public long Version { get; set; }
    }

    private sealed record Pending(PollWrite Write, TaskCompletionSource<IngestReport> Done);
}
