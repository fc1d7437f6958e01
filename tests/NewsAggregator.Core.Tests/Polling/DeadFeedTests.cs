using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Fetching;
using NewsAggregator.Core.Normalizing;
using NewsAggregator.Core.Outlets;
using NewsAggregator.Core.Parsing;
using NewsAggregator.Core.Polling;
using NewsAggregator.Core.Storage;
using NewsAggregator.Core.Tests.Storage;

namespace NewsAggregator.Core.Tests.Polling;

/// <summary>
/// Feeds that stay dead are reported, never dropped: the real poll path against a loopback server and a real SQLite
/// file, with the clock a test controls so that "dead after 2 hours and 3 polls" takes no time.
/// </summary>
public sealed class DeadFeedTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
    private static readonly SchedulingOptions Scheduling = new() { JitterFraction = 0, DeadAfterHours = 2, DeadAfterFailures = 3 };
    private readonly FakeTimeProvider _clock = new(T0);
    private readonly FakeLogger<FeedPoller> _log = new();
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
            new PollPolicy(Scheduling), _clock, _log);
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
        await _feeds.SyncAsync(paths.Select(p => new FeedDefinition(p.Trim('/'), "herald", _server.Url(p))).ToList(), T0);
        return (await _feeds.ListAsync()).ToDictionary(f => f.Key, f => f.Id);
    }

    private List<FakeLogRecord> Warnings(string contains) =>
        _log.Collector.GetSnapshot().Where(r => r.Level == LogLevel.Warning && r.Message.Contains(contains, StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task PollAsync_404LongEnough_WarnsOnceWithTheReason_ReportedSinceTheFirst404_NeverRemoved()
    {
        var gone = false;
        _server.On("/gone", (c, _) =>
        {
            if (!Volatile.Read(ref gone))
                return ScriptedFeedServer.Rss(c, ScriptedFeedServer.Feed(("https://herald.example/a", "Bridge closed", "Engineers closed the bridge.")));
            c.Response.StatusCode = 404;
            return Task.CompletedTask;
        });
        var id = (await FeedsAsync("/gone"))["gone"];
        await _poller.PollAsync(id, default);
        Volatile.Write(ref gone, true);

        // 404 at T0+1h, +2h, +3h: the third is three in a row over two hours, the feed is dead; three more polls follow.
        var statuses = new List<FeedStatus>();
        for (var hour = 1; hour <= 6; hour++)
        {
            _clock.SetUtcNow(T0.AddHours(hour));
            statuses.Add((await _poller.PollAsync(id, default))!.State.Status);
        }

        Assert.Equal([FeedStatus.Failing, FeedStatus.Failing, FeedStatus.Dead, FeedStatus.Dead, FeedStatus.Dead, FeedStatus.Dead], statuses);
        var died = Assert.Single(Warnings("is dead"));
        Assert.Contains("Feed gone is dead: Dead: HTTP 404 for 2 hours (3 polls)", died.Message);
        Assert.Contains("never removed", died.Message);

        var problems = await _feeds.ProblemsAsync(_clock.GetUtcNow(), TimeSpan.FromHours(24));
        var row = Assert.Single(problems);
        Assert.Equal(("gone", "dead", Time.ToMs(T0.AddHours(1))), (row.Key, row.Status, row.ProblemSinceMs));
        Assert.StartsWith("Dead: HTTP 404 for 5 hours (6 polls)", row.LastError);
        Assert.Contains(await _feeds.ListAsync(), f => f.Id == id && f.Enabled);

        // It comes back: told once, and no longer listed.
        Volatile.Write(ref gone, false);
        _clock.SetUtcNow(T0.AddHours(30));
        Assert.Equal(FeedStatus.Active, (await _poller.PollAsync(id, default))!.State.Status);
        Assert.Single(Warnings("answered again and is no longer dead"));
        Assert.Empty(await _feeds.ProblemsAsync(_clock.GetUtcNow(), TimeSpan.FromHours(24)));
        Assert.Single(Warnings("is dead"));
    }

    [Fact]
    public async Task ProblemsAsync_FailingFeed_ListedOnceItHasFailedForTheReportPeriod_SinceItsLastSuccess()
    {
        var failing = false;
        _server.On("/flaky", (c, _) =>
        {
            if (!Volatile.Read(ref failing))
                return ScriptedFeedServer.Rss(c, ScriptedFeedServer.Feed(("https://herald.example/b", "Rate rise", "The bank raised its rate.")));
            c.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        _server.On("/fine", (c, _) => ScriptedFeedServer.Rss(c, ScriptedFeedServer.Feed(("https://herald.example/c", "Port opens", "The new port opened."))));
        var ids = await FeedsAsync("/flaky", "/fine");
        await _poller.PollAsync(ids["flaky"], default);
        await _poller.PollAsync(ids["fine"], default);
        Volatile.Write(ref failing, true);

        _clock.SetUtcNow(T0.AddHours(2));
        await _poller.PollAsync(ids["flaky"], default);
        Assert.Empty(await _feeds.ProblemsAsync(_clock.GetUtcNow(), TimeSpan.FromHours(24)));

        _clock.SetUtcNow(T0.AddHours(25));
        await _poller.PollAsync(ids["flaky"], default);
        var row = Assert.Single(await _feeds.ProblemsAsync(_clock.GetUtcNow(), TimeSpan.FromHours(24)));
        Assert.Equal(("flaky", "failing", Time.ToMs(T0), 2), (row.Key, row.Status, row.ProblemSinceMs, row.ConsecutiveFailures));
        Assert.Contains("500", row.LastError);
        // Failing is not dead: no "is dead" warning.
        Assert.Empty(Warnings("is dead"));
    }
}
