using System.Net;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsAggregator.Core.Clustering;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Normalizing;
using NewsAggregator.Core.Outlets;
using NewsAggregator.Core.Parsing;
using NewsAggregator.Core.Polling;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Evaluation;

/// <summary>What a replay stored: the article id each corpus line became (absent when it was rejected).</summary>
public sealed record ReplayResult(IReadOnlyDictionary<string, long> ArticleIds, IReadOnlyList<string> Rejected, int Clustered, int Stored, TimeSpan Elapsed, double PeakWorkingSetMb);

/// <summary>
/// Replays a corpus through the product's own pipeline on a database of its own: each line becomes a feed item of
/// its outlet's feed, is normalized (unless the caller measures store and clustering alone), written by the
/// single writer and clustered by the consumer, which runs beside the writer as it does in the service.
/// </summary>
public sealed class CorpusReplay : IAsyncDisposable
{
    private readonly OutletDirectory _directory;
    private readonly Dictionary<string, string> _outletIdsByName;
    private readonly Dictionary<string, (long FeedId, string OutletId, string Name)> _feeds = new(StringComparer.OrdinalIgnoreCase);
    private readonly ArticleNormalizer _normalizer;

    private CorpusReplay(Database database, OutletDirectory directory, ClusteringOptions options, ProvenanceOptions? provenance, ILoggerFactory logs)
    {
        Database = database;
        _directory = directory;
        _normalizer = new ArticleNormalizer(directory);
        Clusters = new ClusterStore(database);
        Writer = new IngestWriter(database, new StorageOptions { WriteBatchMaxArticles = 2000 }, logs.CreateLogger<IngestWriter>());
        Consumer = new ClusterConsumer(Clusters, options, TimeProvider.System, logs.CreateLogger<ClusterConsumer>(), provenance);
        _outletIdsByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in directory.Outlets)
        {
            foreach (var name in o.Aliases.Prepend(o.Name))
                _outletIdsByName.TryAdd(name, o.Id);
        }
    }

    public Database Database { get; }
    public ClusterStore Clusters { get; }
    public IngestWriter Writer { get; }
    public ClusterConsumer Consumer { get; }

    /// <summary>A fresh database at <paramref name="path"/> with every migration applied.</summary>
    public static async Task<CorpusReplay> CreateAsync(string path, OutletDirectory directory, ClusteringOptions options,
        ProvenanceOptions? provenance = null, ILoggerFactory? logs = null, CancellationToken ct = default)
    {
        // The replay database is scratch: NORMAL durability spares an fsync per commit and changes nothing else.
        var dialect = new SqliteDialect(new StorageOptions { Path = path, Synchronous = "NORMAL" });
        var database = new Database(dialect);
        await new Migrator(database).MigrateAsync(TimeProvider.System, ct);
        await new FeedStore(database).SyncOutletsAsync(directory, ct);
        return new CorpusReplay(database, directory, options, provenance, logs ?? NullLoggerFactory.Instance);
    }

    /// <summary>
    /// Stores and clusters <paramref name="articles"/> in the order given (the caller sorts by publication time).
    /// With <paramref name="normalize"/> false the lines are stored as they are: what the benchmark measures.
    /// </summary>
    /// <param name="cluster">False: only store (the queue fills; a test then clusters it its own way).</param>
    /// <param name="trackIds">False: do not keep the corpus id → article id map (a million-line benchmark does not need it).</param>
    public async Task<ReplayResult> RunAsync(IEnumerable<EvalArticle> articles, bool normalize, bool cluster = true, bool trackIds = true, CancellationToken ct = default)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var urls = new List<(string Id, string Url)>();
        var rejected = new List<string>();
        var count = 0;
        var writerDone = false;
        var consumer = Task.Run(async () =>
        {
            var clustered = 0;
            while (cluster)
            {
                var done = Volatile.Read(ref writerDone);
                var report = await Consumer.RunAsync(maxBatches: 4, ct);
                clustered += report.Clustered;
                if (report.Clustered == 0)
                {
                    if (done)
                        return clustered;
                    await Task.Delay(2, ct);
                }
            }
            return clustered;
        }, ct);

        try
        {
            var pending = new List<Task<IngestReport>>();
            foreach (var article in articles)
            {
                var (feedId, outletId, outletName) = await FeedForAsync(article.Outlet, ct);
                var normalized = normalize ? Normalize(article, feedId, outletId, outletName) : AsIs(article);
                if (normalized is null)
                {
                    rejected.Add(article.Id);
                    continue;
                }
                if (trackIds)
                    urls.Add((article.Id, normalized.CanonicalUrl));
                count++;
                pending.Add(Writer.WriteAsync(new PollWrite
                {
                    FeedId = feedId, OutletId = outletId, PolledUtc = article.Published, Articles = [normalized],
                    State = new FeedPollState { Url = new Uri($"https://replay.invalid/{outletId}"), NextPollUtc = article.Published },
                }, ct));
                // Bounded in flight: the writer groups what is queued into one transaction.
                if (pending.Count >= 2000)
                {
                    await Task.WhenAll(pending);
                    pending.Clear();
                }
            }
            await Task.WhenAll(pending);
        }
        finally
        {
            Volatile.Write(ref writerDone, true);
        }
        var total = await consumer;

        var map = new Dictionary<string, long>();
        if (trackIds)
        {
            await using var connection = await Database.OpenAsync(ct);
            var ids = (await connection.QueryAsync<(long Id, string Url)>("SELECT id, canonical_url FROM articles")).ToDictionary(r => r.Url, r => r.Id);
            foreach (var (id, url) in urls)
                map[id] = ids[url];
        }
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new ReplayResult(map, rejected, total, count, watch.Elapsed, process.PeakWorkingSet64 / 1048576.0);
    }

    private NormalizedArticle? Normalize(EvalArticle article, long feedId, string outletId, string outletName)
    {
        // The body's paragraphs become the HTML a feed would carry, so that the normalizer sees what it sees in service.
        var html = string.Concat(article.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));
        var item = new ParsedItem { Id = article.Id, Link = article.Url, Title = article.Title, ContentHtml = html, Published = article.Published };
        return _normalizer.Normalize(item, new FeedContext(feedId, outletId, outletName, new Uri($"https://replay.invalid/{outletId}")), article.Published);
    }

    private static NormalizedArticle? AsIs(EvalArticle article) =>
        UrlCanonicalizer.Canonicalize(article.Url) is { } url
            ? new NormalizedArticle
            {
                CanonicalUrl = url, Title = article.Title, Body = article.Body, PublishedUtc = article.Published,
                ContentHash = ArticleNormalizer.ContentHash(article.Title, article.Body),
            }
            : null;

    /// <summary>The replay feed of an outlet, created on first sight; an outlet missing from the directory is added as external.</summary>
    private async Task<(long, string, string)> FeedForAsync(string outletName, CancellationToken ct)
    {
        if (_feeds.TryGetValue(outletName, out var known))
            return known;
        await using var connection = await Database.OpenAsync(ct);
        if (!_outletIdsByName.TryGetValue(outletName, out var outletId))
        {
            outletId = "x-" + ExternalOutletId.Slug(outletName);
            for (var n = 2; _directory.Find(outletId) is not null || _feeds.Values.Any(f => f.OutletId == outletId); n++)
                outletId = $"x-{ExternalOutletId.Slug(outletName)}-{n}";
            await connection.ExecuteAsync("""
                INSERT INTO outlets (id, name, kind, external) VALUES (@outletId, @outletName, 'newspaper', 1) ON CONFLICT (id) DO NOTHING
                """, new { outletId, outletName });
        }
        var existing = _feeds.Values.FirstOrDefault(f => f.OutletId == outletId);
        if (existing.OutletId is not null)
            return _feeds[outletName] = existing; // another name of an outlet already seen
        var feedId = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO feeds (key, outlet_id, url, configured_url, source, created_ms) VALUES (@key, @outletId, @url, @url, 'import', 0) RETURNING id
            """, new { key = $"replay-{outletId}", outletId, url = $"https://replay.invalid/{outletId}" });
        return _feeds[outletName] = (feedId, outletId, outletName);
    }

    public async ValueTask DisposeAsync() => await Writer.DisposeAsync();
}
