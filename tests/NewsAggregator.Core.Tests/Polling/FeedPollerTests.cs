using Microsoft.Extensions.Logging.Abstractions;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Fetching;
using NewsAggregator.Core.Normalizing;
using NewsAggregator.Core.Outlets;
using NewsAggregator.Core.Parsing;
using NewsAggregator.Core.Polling;
using NewsAggregator.Core.Storage;
using NewsAggregator.Core.Tests.Storage;

namespace NewsAggregator.Core.Tests.Polling;

/// <summary>The whole ingest path of one poll against a loopback server and a real SQLite file.</summary>
public sealed class FeedPollerTests : IAsyncLifetime
{
    private static readonly SchedulingOptions Scheduling = new() { JitterFraction = 0 };
    private static readonly (string, string, string) StoryA = ("https://herald.example/news/bridge-closed", "Bridge closed after cracks found", "Engineers closed the bridge on Tuesday.");
    private static readonly (string, string, string) StoryB = ("https://herald.example/news/rate-rise", "Central bank raises its rate", "The bank raised its rate by a quarter point.");

    private ScriptedFeedServer _server = null!;
    private TempDatabase _db = null!;
    private IngestWriter _writer = null!;
    private FeedFetcher _fetcher = null!;
    private FeedPoller _poller = null!;
    private FeedStore _feeds = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedFeedServer.StartAsync();
        _db = await TempDatabase.CreateAsync();
        _writer = _db.NewWriter();
        _fetcher = new FeedFetcher(new FetchOptions { AllowedPrivateEndpoints = [_server.Endpoint], TimeoutSeconds = 5 }, TimeProvider.System, NullLogger<FeedFetcher>.Instance);
        var outlets = new OutletDirectory([new Outlet { Id = "herald", Name = "The Herald", Kind = "newspaper" }]);
        _feeds = new FeedStore(_db.Database);
        await _feeds.SyncOutletsAsync(outlets);
        _poller = new FeedPoller(_feeds, _fetcher, new FeedParser(new ParsingOptions()), new ArticleNormalizer(), outlets, _writer,
            new PollPolicy(Scheduling), TimeProvider.System, NullLogger<FeedPoller>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _writer.DisposeAsync();
        _fetcher.Dispose();
        await _server.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<Dictionary<string, long>> FeedsAsync(params string[] paths)
    {
        await _feeds.SyncAsync(paths.Select(p => new FeedDefinition(p.Trim('/'), "herald", _server.Url(p))).ToList(), DateTimeOffset.UtcNow);
        return (await _feeds.ListAsync()).ToDictionary(f => f.Key, f => f.Id);
    }

    [Fact]
    public async Task PollAsync_200Then304_EchoesValidatorAndStoresNoDuplicates()
    {
        _server.On("/top", (c, _) => ScriptedFeedServer.Rss(c, ScriptedFeedServer.Feed(StoryA, StoryB), "\"v1\""));
        var id = (await FeedsAsync("/top"))["top"];

        var first = await _poller.PollAsync(id, default);
        var second = await _poller.PollAsync(id, default);

        Assert.Equal((FetchOutcome.Fetched, 2), (first!.Outcome, first.New));
        Assert.Equal((FetchOutcome.NotModified, 0), (second!.Outcome, second.New));
        var counts = await new ArticleStore(_db.Database).CountsAsync();
        Assert.Equal(2, counts.Articles);
        Assert.Equal("\"v1\"", (await _feeds.GetAsync(id))!.Etag);
    }

    [Fact]
    public async Task PollAsync_SameBodyWithoutValidators_IsUnchangedAndStoresNothingNew()
    {
        _server.On("/plain", (c, _) => ScriptedFeedServer.Rss(c, ScriptedFeedServer.Feed(StoryA)));
        var id = (await FeedsAsync("/plain"))["plain"];

        await _poller.PollAsync(id, default);
        var again = await _poller.PollAsync(id, default);

        Assert.Equal(FetchOutcome.Unchanged, again!.Outcome);
        Assert.Equal(1, (await new ArticleStore(_db.Database).CountsAsync()).Articles);
    }

    [Fact]
    public async Task PollAsync_ArticleInTwoFeeds_IsOneArticleWithTwoSightings()
    {
        _server.On("/top", (c, _) => ScriptedFeedServer.Rss(c, ScriptedFeedServer.Feed(StoryA, StoryB)));
        _server.On("/world", (c, _) => ScriptedFeedServer.Rss(c, ScriptedFeedServer.Feed(StoryA)));
        var ids = await FeedsAsync("/top", "/world");

        await _poller.PollAsync(ids["top"], default);
        var world = await _poller.PollAsync(ids["world"], default);

        Assert.Equal(0, world!.New);
        var store = new ArticleStore(_db.Database);
        var article = await store.FindByUrlAsync(StoryA.Item1);
        Assert.Equal(["top", "world"], (await store.SightingsAsync(article!.Id)).Select(s => s.FeedKey));
    }

    [Fact]
    public async Task PollAsync_EditedArticle_GetsSecondVersion()
    {
        var edited = (StoryA.Item1, StoryA.Item2, StoryA.Item3 + " It will stay shut for six weeks.");
        _server.On("/top", (c, n) => ScriptedFeedServer.Rss(c, ScriptedFeedServer.Feed(n == 1 ? StoryA : edited)));
        var id = (await FeedsAsync("/top"))["top"];

        await _poller.PollAsync(id, default);
        var second = await _poller.PollAsync(id, default);

        Assert.Equal(1, second!.Updated);
        var store = new ArticleStore(_db.Database);
        var article = await store.FindByUrlAsync(StoryA.Item1);
        var versions = await store.VersionsAsync(article!.Id);
        Assert.Equal(2, versions.Count);
        Assert.EndsWith("six weeks.", versions[1].Body);
    }

    [Fact]
    public async Task PollAsync_301_AdoptedOnlyAfterRepeatedSightings()
    {
        _server.On("/old", (c, _) => { c.Response.StatusCode = 301; c.Response.Headers.Location = "/new"; return Task.CompletedTask; });
        _server.On("/new", (c, _) => ScriptedFeedServer.Rss(c, ScriptedFeedServer.Feed(StoryA)));
        var id = (await FeedsAsync("/old"))["old"];

        var urls = new List<string>();
        for (var i = 0; i < Scheduling.RedirectAdoptAfter; i++)
        {
            await _poller.PollAsync(id, default);
            urls.Add((await _feeds.GetAsync(id))!.Url);
        }

        Assert.All(urls.Take(Scheduling.RedirectAdoptAfter - 1), u => Assert.Equal(_server.Url("/old").AbsoluteUri, u));
        Assert.Equal(_server.Url("/new").AbsoluteUri, urls[^1]);
    }

    [Fact]
    public async Task PollAsync_302_NeverAdopted()
    {
        _server.On("/moving", (c, _) => { c.Response.StatusCode = 302; c.Response.Headers.Location = "/elsewhere"; return Task.CompletedTask; });
        _server.On("/elsewhere", (c, _) => ScriptedFeedServer.Rss(c, ScriptedFeedServer.Feed(StoryA)));
        var id = (await FeedsAsync("/moving"))["moving"];

        for (var i = 0; i < Scheduling.RedirectAdoptAfter + 2; i++)
            await _poller.PollAsync(id, default);

        Assert.Equal(_server.Url("/moving").AbsoluteUri, (await _feeds.GetAsync(id))!.Url);
        Assert.Equal(1, (await new ArticleStore(_db.Database).CountsAsync()).Articles);
    }

    [Fact]
    public async Task PollAsync_429WithRetryAfter_DelaysOnlyThatFeed()
    {
        _server.On("/limited", (c, _) => { c.Response.StatusCode = 429; c.Response.Headers.RetryAfter = "7200"; return Task.CompletedTask; });
        _server.On("/fine", (c, _) => ScriptedFeedServer.Rss(c, ScriptedFeedServer.Feed(StoryB)));
        var ids = await FeedsAsync("/limited", "/fine");

        var before = DateTimeOffset.UtcNow;
        var limited = await _poller.PollAsync(ids["limited"], default);
        var fine = await _poller.PollAsync(ids["fine"], default);

        Assert.Equal(FetchFailureKind.RateLimited, limited!.Failure);
        Assert.True(limited.State.NextPollUtc >= before.AddSeconds(7200), $"next poll {limited.State.NextPollUtc:O} is earlier than Retry-After");
        Assert.Equal(FeedStatus.Active, fine!.State.Status);
        Assert.True(fine.State.NextPollUtc <= DateTimeOffset.UtcNow.AddSeconds(Scheduling.MaxIntervalSeconds), "the other feed must keep its own schedule");
    }

    [Fact]
    public async Task PollAsync_Repeated500s_BackOffThenRecover()
    {
        _server.On("/flaky", (c, n) =>
        {
            if (n <= 3)
            {
                c.Response.StatusCode = 500;
                return Task.CompletedTask;
            }
            return ScriptedFeedServer.Rss(c, ScriptedFeedServer.Feed(StoryA));
        });
        var id = (await FeedsAsync("/flaky"))["flaky"];

        var delays = new List<TimeSpan>();
        PollReport? report = null;
        for (var i = 0; i < 4; i++)
        {
            var before = DateTimeOffset.UtcNow;
            report = await _poller.PollAsync(id, default);
            delays.Add(report!.State.NextPollUtc!.Value - before);
        }

        Assert.True(delays[1] > delays[0] * 1.9 && delays[2] > delays[1] * 1.9, $"backoff must double: {string.Join(", ", delays)}");
        Assert.Equal(FeedStatus.Active, report!.State.Status);
        Assert.Equal(0, report.State.ConsecutiveFailures);
        Assert.Null((await _feeds.GetAsync(id))!.LastError);
        Assert.Equal(1, report.New);
    }

    [Fact]
    public async Task PollAsync_MalformedFeed_RecordsTypedReasonAndKeepsOldValidators()
    {
        _server.On("/broken", (c, n) => ScriptedFeedServer.Rss(c, n == 1 ? ScriptedFeedServer.Feed(StoryA) : "<rss><channel><item><title>cut off", $"\"v{n}\""));
        var id = (await FeedsAsync("/broken"))["broken"];

        await _poller.PollAsync(id, default);
        var broken = await _poller.PollAsync(id, default);

        Assert.Equal(ParseFailureKind.MalformedXml, broken!.ParseFailure);
        var feed = await _feeds.GetAsync(id);
        Assert.Equal("failing", feed!.Status);
        Assert.StartsWith("Parse MalformedXml", feed.LastError);
        Assert.Equal("\"v1\"", feed.Etag);
    }

    [Fact]
    public async Task PollAsync_RedirectIntoMetadataAddress_IsRefusedAndRecorded()
    {
        _server.On("/evil", (c, _) => { c.Response.StatusCode = 302; c.Response.Headers.Location = "http://169.254.169.254/latest/meta-data/"; return Task.CompletedTask; });
        var id = (await FeedsAsync("/evil"))["evil"];

        var report = await _poller.PollAsync(id, default);

        Assert.Equal(FetchFailureKind.RefusedAddress, report!.Failure);
        Assert.StartsWith("RefusedAddress", (await _feeds.GetAsync(id))!.LastError);
    }
}
