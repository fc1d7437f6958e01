using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NewsAggregator.Core.Fetching;
using NewsAggregator.Core.Normalizing;
using NewsAggregator.Core.Outlets;
using NewsAggregator.Core.Parsing;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Polling;

/// <summary>What one poll did, for logs, the CLI and tests.</summary>
public sealed record PollReport
{
    public required long FeedId { get; init; }
    public required string FeedKey { get; init; }
    public required FetchOutcome Outcome { get; init; }
    public FetchFailureKind Failure { get; init; }
    public ParseFailureKind ParseFailure { get; init; }
    public int? StatusCode { get; init; }
    public int Items { get; init; }
    public int New { get; init; }
    public int Updated { get; init; }
    public required FeedPollState State { get; init; }
    public TimeSpan Elapsed { get; init; }
    public IReadOnlyList<string> NewUrls { get; init; } = [];
}

/// <summary>
/// A poll whose result the database refused for a reason an operator can fix (disk full, read-only, locked): nothing
/// of it was committed, the feed's state included, so it is polled again as if this poll had not happened.
/// </summary>
public sealed class PollNotStoredException(string feedKey, int articles, string? firstUrl, string reason, Exception inner)
    : Exception($"Poll of {feedKey} not stored: {reason}", inner)
{
    public string FeedKey { get; } = feedKey;
    public int Articles { get; } = articles;
    public string? FirstUrl { get; } = firstUrl;
    public string Reason { get; } = reason;
}

/// <summary>Fetch, parse and normalize a feed without storing anything: what `feeds check` and a poll share.</summary>
public sealed record FeedReading(FetchResult? Fetch, FeedParseResult? Parse, IReadOnlyList<NormalizedArticle> Articles, int SkippedItems);

/// <summary>
/// One poll of one feed through the whole ingest path (ARCHITECTURE steps 2–5): fetch, parse, normalize, decide the
/// next poll, and hand everything to the single writer. A bad feed is recorded on the feed and never throws; only
/// cancellation does, before anything is written.
/// </summary>
public sealed class FeedPoller(
    FeedStore feeds,
    FeedFetcher fetcher,
    FeedParser parser,
    ArticleNormalizer normalizer,
    OutletDirectory outlets,
    IngestWriter writer,
    PollPolicy policy,
    TimeProvider time,
    ILogger<FeedPoller> logger,
    Telemetry.NewsAggregatorMetrics? metrics = null)
{
    /// <summary>Polls the feed; null when it no longer exists or is disabled.</summary>
    public async Task<PollReport?> PollAsync(long feedId, CancellationToken ct)
    {
        var feed = await feeds.GetAsync(feedId, ct);
        if (feed is null || !feed.Enabled)
            return null;

        var started = Stopwatch.GetTimestamp();
        var url = new Uri(feed.Url);
        var fetch = await fetcher.FetchAsync(new FetchRequest(url, feed.Etag, feed.LastModified, feed.LastBodyHash), ct);
        var now = time.GetUtcNow();
        var reading = Read(fetch, Context(feed), now);
        var parse = reading.Parse;

        var state = policy.Next(feed.ToPollState(), new PollObservation
        {
            NowUtc = now,
            Fetch = fetch,
            ParseFailure = parse?.Failure ?? ParseFailureKind.None,
            ParseError = parse?.Error,
            ItemDatesUtc = parse?.Feed?.Items.Select(i => i.Published).OfType<DateTimeOffset>().ToList() ?? [],
        });

        // From here on nothing is cancelled: the write commits whole or not at all.
        IngestReport report;
        try
        {
            report = await writer.WriteAsync(new PollWrite
            {
                FeedId = feed.Id,
                OutletId = feed.OutletId,
                PolledUtc = now,
                State = state,
                StatusCode = fetch.StatusCode,
                // A body that failed to parse keeps the old validators, so the next poll fetches it again in full.
                ReplaceValidators = fetch.Outcome == FetchOutcome.Fetched && parse is { Succeeded: true },
                ETag = fetch.ETag,
                LastModified = fetch.LastModified,
                BodyHash = fetch.BodyHash,
                SiteLink = parse?.Feed?.Link,
                Articles = reading.Articles,
            }, CancellationToken.None);
        }
        catch (Exception e) when (writer.Explain(e) is { } reason)
        {
            // Disk full, read-only, locked: the feed's state was not saved either, so the poll is simply to be made
            // again; nothing of it was acknowledged.
            throw new PollNotStoredException(feed.Key, reading.Articles.Count, reading.Articles.Count > 0 ? reading.Articles[0].CanonicalUrl : null, reason, e);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        metrics?.Polled(fetch, parse?.Failure ?? ParseFailureKind.None, report.New, report.Updated, report.Unchanged);
        // Once, when it happens: a dead feed is polled rarely from now on and never removed, so an operator must hear of it.
        if (state.Status == FeedStatus.Dead && feed.Status != "dead")
        {
            logger.LogWarning("Feed {FeedKey} is dead: {Error}. It is polled every {DeadIntervalHours} h from now on and never removed; fix or remove it in the feed list",
                feed.Key, state.LastError, policy.DeadInterval.TotalHours);
        }
        else if (state.Status != FeedStatus.Dead && feed.Status == "dead")
        {
            logger.LogWarning("Feed {FeedKey} answered again and is no longer dead", feed.Key);
        }
        if (fetch.Failure == FetchFailureKind.HostBusy)
        {
            logger.LogInformation("Poll of {FeedKey} put off: {Error}; next at {NextPoll:u}", feed.Key, fetch.Error, state.NextPollUtc);
        }
        else if (state.LastError is null)
        {
            logger.LogInformation("Polled {FeedKey}: {Outcome}, {Items} items, {New} new, {Updated} updated in {ElapsedMs} ms; next at {NextPoll:u}",
                feed.Key, fetch.Outcome, reading.Articles.Count, report.New, report.Updated, (long)elapsed.TotalMilliseconds, state.NextPollUtc);
        }
        else
        {
            logger.LogWarning("Poll of {FeedKey} failed ({Status}, {Failures} in a row): {Error}; next at {NextPoll:u}",
                feed.Key, state.Status, state.ConsecutiveFailures, state.LastError, state.NextPollUtc);
        }
        foreach (var newUrl in report.NewUrls)
            logger.LogDebug("Stored article {Url} from {FeedKey}", newUrl, feed.Key);

        return new PollReport
        {
            FeedId = feed.Id,
            FeedKey = feed.Key,
            Outcome = fetch.Outcome,
            Failure = fetch.Failure,
            ParseFailure = parse?.Failure ?? ParseFailureKind.None,
            StatusCode = fetch.StatusCode,
            Items = reading.Articles.Count,
            New = report.New,
            Updated = report.Updated,
            State = state,
            Elapsed = elapsed,
            NewUrls = report.NewUrls,
        };
    }

    /// <summary>Fetches and reads a URL as a poll would, storing nothing (`feeds check URL`).</summary>
    public async Task<FeedReading> CheckAsync(Uri url, string outletId, CancellationToken ct)
    {
        var fetch = await fetcher.FetchAsync(new FetchRequest(url), ct);
        return Read(fetch, new FeedContext(0, outletId, outlets.Find(outletId)?.Name ?? outletId, url), time.GetUtcNow());
    }

    /// <summary>Reads bytes already in hand (`feeds check FILE`).</summary>
    public FeedReading Read(ReadOnlyMemory<byte> body, string? contentType, FeedContext context) =>
        Read(parser.Parse(body, contentType), context, time.GetUtcNow(), fetch: null);

    private FeedReading Read(FetchResult fetch, FeedContext context, DateTimeOffset now) =>
        fetch.Outcome == FetchOutcome.Fetched && fetch.Body is not null
            ? Read(parser.Parse(fetch.Body, fetch.ContentType), context, now, fetch)
            : new FeedReading(fetch, null, [], 0);

    private FeedReading Read(FeedParseResult parse, FeedContext context, DateTimeOffset now, FetchResult? fetch)
    {
        if (parse.Feed is null)
            return new FeedReading(fetch, parse, [], 0);
        var siteContext = context with { SiteLink = parse.Feed.Link };
        var articles = new List<NormalizedArticle>(parse.Feed.Items.Count);
        var skipped = 0;
        foreach (var item in parse.Feed.Items)
        {
            // An item without a usable URL cannot be keyed; it is counted, not stored.
            if (normalizer.Normalize(item, siteContext, now) is { } article)
                articles.Add(article);
            else
                skipped++;
        }
        return new FeedReading(fetch, parse, articles, skipped);
    }

    private FeedContext Context(FeedRow feed) =>
        new(feed.Id, feed.OutletId, outlets.Find(feed.OutletId)?.Name ?? feed.OutletId, new Uri(feed.Url), feed.SiteLink);
}
