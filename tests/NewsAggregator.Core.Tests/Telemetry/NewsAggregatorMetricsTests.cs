using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Fetching;
using NewsAggregator.Core.Normalizing;
using NewsAggregator.Core.Outlets;
using NewsAggregator.Core.Parsing;
using NewsAggregator.Core.Polling;
using NewsAggregator.Core.Storage;
using NewsAggregator.Core.Telemetry;
using NewsAggregator.Core.Tests.Polling;
using NewsAggregator.Core.Tests.Storage;

namespace NewsAggregator.Core.Tests.Telemetry;

/// <summary>What the poller records on the "NewsAggregator" meter, read back by a listener as any exporter would.</summary>
public sealed class NewsAggregatorMetricsTests : IAsyncLifetime
{
    private static readonly (string, string, string) StoryA = ("https://herald.example/news/bridge-closed", "Bridge closed after cracks found", "Engineers closed the bridge on Tuesday.");
    private static readonly (string, string, string) StoryAEdited = ("https://herald.example/news/bridge-closed", "Bridge closed after cracks found", "Engineers closed the bridge on Tuesday night.");
    private static readonly (string, string, string) StoryB = ("https://herald.example/news/rate-rise", "Central bank raises its rate", "The bank raised its rate by a quarter point.");

    private readonly MeterFactory _meters = new();
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, double> _sums = [];
    private readonly Dictionary<string, int> _records = [];
    private ScriptedFeedServer _server = null!;
    private TempDatabase _db = null!;
    private IngestWriter _writer = null!;
    private FeedFetcher _fetcher = null!;
    private FeedStore _feeds = null!;
    private FeedPoller _poller = null!;

    public async Task InitializeAsync()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, _meters))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();

        _server = await ScriptedFeedServer.StartAsync();
        _db = await TempDatabase.CreateAsync();
        _writer = _db.NewWriter();
        _fetcher = new FeedFetcher(new FetchOptions { AllowedPrivateEndpoints = [_server.Endpoint], TimeoutSeconds = 5 }, TimeProvider.System, NullLogger<FeedFetcher>.Instance);
        var outlets = new OutletDirectory([new Outlet { Id = "herald", Name = "The Herald", Kind = "newspaper" }]);
        _feeds = new FeedStore(_db.Database);
        await _feeds.SyncOutletsAsync(outlets);
        _poller = new FeedPoller(_feeds, _fetcher, new FeedParser(new ParsingOptions()), new ArticleNormalizer(), outlets, _writer,
            new PollPolicy(new SchedulingOptions { JitterFraction = 0 }), TimeProvider.System, NullLogger<FeedPoller>.Instance, new NewsAggregatorMetrics(_meters));
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        _meters.Dispose();
        await _writer.DisposeAsync();
        _fetcher.Dispose();
        await _server.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task PollAsync_EachOutcome_CountedWithItsTagAndWhatTheWriterDid()
    {
        _server.On("/top", (c, _) => ScriptedFeedServer.Rss(c, ScriptedFeedServer.Feed(StoryA, StoryB), "\"v1\""));
        _server.On("/mirror", (c, _) => ScriptedFeedServer.Rss(c, ScriptedFeedServer.Feed(StoryAEdited, StoryB)));
        _server.On("/broken", (c, _) =>
        {
            c.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        _server.On("/cut", (c, _) => ScriptedFeedServer.Rss(c, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut</title><item><title>Half"));
        await _feeds.SyncAsync(new[] { "top", "mirror", "broken", "cut" }.Select(p => new FeedDefinition(p, "herald", _server.Url(p))).ToList(), DateTimeOffset.UtcNow);
        var ids = (await _feeds.ListAsync()).ToDictionary(f => f.Key, f => f.Id);

        await _poller.PollAsync(ids["top"], default);    // 200: two new articles
        await _poller.PollAsync(ids["top"], default);    // 304
        await _poller.PollAsync(ids["mirror"], default); // 200: the first article edited, the second seen again
        await _poller.PollAsync(ids["broken"], default); // 500
        await _poller.PollAsync(ids["cut"], default);    // 200, cut off mid-document

        Assert.Equal(2, _sums["newsagg.polls|outcome=ok"]);
        Assert.Equal(1, _sums["newsagg.polls|outcome=not_modified"]);
        Assert.Equal(1, _sums["newsagg.polls|outcome=server_error"]);
        Assert.Equal(1, _sums["newsagg.polls|outcome=parse_malformed_xml"]);
        Assert.Equal(2, _sums["newsagg.articles.stored"]);
        Assert.Equal(1, _sums["newsagg.articles.edited"]);
        Assert.Equal(1, _sums["newsagg.duplicates.dropped"]);
        Assert.Equal(5, _records["newsagg.fetch.duration"]);
        Assert.True(_sums["newsagg.fetch.duration"] > 0);
        // Bodies arrived on the three 200s, not on the 304 or the 500.
        Assert.Equal(3, _records["newsagg.fetch.response.size"]);
    }

    [Theory]
    [InlineData(FetchOutcome.Fetched, FetchFailureKind.None, ParseFailureKind.None, "ok")]
    [InlineData(FetchOutcome.NotModified, FetchFailureKind.None, ParseFailureKind.None, "not_modified")]
    [InlineData(FetchOutcome.Unchanged, FetchFailureKind.None, ParseFailureKind.None, "unchanged")]
    [InlineData(FetchOutcome.Failed, FetchFailureKind.Timeout, ParseFailureKind.None, "timeout")]
    [InlineData(FetchOutcome.Failed, FetchFailureKind.TooLarge, ParseFailureKind.None, "too_large")]
    [InlineData(FetchOutcome.Failed, FetchFailureKind.RefusedAddress, ParseFailureKind.None, "refused_address")]
    [InlineData(FetchOutcome.Failed, FetchFailureKind.NotFound, ParseFailureKind.None, "not_found")]
    [InlineData(FetchOutcome.Fetched, FetchFailureKind.None, ParseFailureKind.NotAFeed, "parse_not_a_feed")]
    [InlineData(FetchOutcome.Fetched, FetchFailureKind.None, ParseFailureKind.EntityExpansion, "parse_entity_expansion")]
    public void Outcome_EachKind_IsItsSnakeCaseTag(FetchOutcome outcome, FetchFailureKind failure, ParseFailureKind parse, string expected)
    {
        var fetch = new FetchResult { Outcome = outcome, RequestedUrl = new Uri("https://herald.example/feed"), Failure = failure };

        Assert.Equal(expected, NewsAggregatorMetrics.Outcome(fetch, parse));
    }

    private void Add<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var key = instrument.Name + string.Concat(tags.ToArray().Select(t => $"|{t.Key}={t.Value}"));
        lock (_sums)
        {
            _sums[key] = _sums.GetValueOrDefault(key) + Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
            _records[key] = _records.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>Meters scoped to this test, as the host's factory scopes them to the host.</summary>
    private sealed class MeterFactory : IMeterFactory
    {
        private readonly List<Meter> _created = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
            _created.Add(meter);
            return meter;
        }

        public void Dispose() => _created.ForEach(m => m.Dispose());
    }
}
