using Dapper;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Normalizing;
using NewsAggregator.Core.Outlets;
using NewsAggregator.Core.Polling;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Tests.Storage;

public sealed class IngestWriterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    private static NormalizedArticle Article(string url, string title, string body) => new()
    {
        CanonicalUrl = url,
        Title = title,
        Body = body,
        PublishedUtc = T0,
        ContentHash = ArticleNormalizer.ContentHash(title, body),
        Hints = [new ProvenanceHint(HintKind.Attribution, "The Guardian", "a report by The Guardian")],
    };

    private static async Task<(long A, long B)> TwoFeedsAsync(TempDatabase db)
    {
        var outlets = new OutletDirectory([new Outlet { Id = "herald", Name = "The Herald", Kind = "newspaper" }]);
        var feeds = new FeedStore(db.Database);
        await feeds.SyncOutletsAsync(outlets);
        await feeds.SyncAsync(
            [new FeedDefinition("herald-top", "herald", new Uri("https://herald.example/top.xml")),
             new FeedDefinition("herald-world", "herald", new Uri("https://herald.example/world.xml"))], T0);
        var rows = await feeds.ListAsync();
        return (rows.Single(r => r.Key == "herald-top").Id, rows.Single(r => r.Key == "herald-world").Id);
    }

    private static PollWrite Poll(long feedId, DateTimeOffset at, params NormalizedArticle[] articles) => new()
    {
        FeedId = feedId,
        OutletId = "herald",
        PolledUtc = at,
        State = new FeedPollState { Url = new Uri(feedId == 1 ? "https://herald.example/top.xml" : "https://herald.example/world.xml"), LastSuccessUtc = at, NextPollUtc = at.AddMinutes(15) },
        StatusCode = 200,
        ReplaceValidators = true,
        ETag = "\"v1\"",
        Articles = articles,
    };

    [Fact]
    public async Task WriteAsync_SameItemsPolledTwice_StoresNoDuplicates()
    {
        await using var db = await TempDatabase.CreateAsync();
        var (top, _) = await TwoFeedsAsync(db);
        await using var writer = db.NewWriter();
        var a = Article("https://herald.example/a", "Bridge closed", "The bridge closed after cracks were found.");
        var b = Article("https://herald.example/b", "Bank raises rate", "The central bank raised its rate.");

        var first = await writer.WriteAsync(Poll(top, T0, a, b));
        var second = await writer.WriteAsync(Poll(top, T0.AddMinutes(15), a, b));

        Assert.Equal((2, 0, 0), (first.New, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 2), (second.New, second.Updated, second.Unchanged));
        var counts = await new ArticleStore(db.Database).CountsAsync();
        Assert.Equal(new StoreCounts(2, 2, 2, 2, 2), counts);
    }

    [Fact]
    public async Task WriteAsync_OneArticleInTwoFeeds_IsOneArticleWithTwoSightings()
    {
        await using var db = await TempDatabase.CreateAsync();
        var (top, world) = await TwoFeedsAsync(db);
        await using var writer = db.NewWriter();
        var a = Article("https://herald.example/a", "Bridge closed", "The bridge closed after cracks were found.");

        await writer.WriteAsync(Poll(top, T0, a));
        var fromWorld = await writer.WriteAsync(Poll(world, T0.AddMinutes(3), a));

        Assert.Equal(0, fromWorld.New);
        var store = new ArticleStore(db.Database);
        var stored = await store.FindByUrlAsync("https://herald.example/a");
        Assert.NotNull(stored);
        Assert.Equal(2, stored.Sightings);
        var sightings = await store.SightingsAsync(stored.Id);
        Assert.Equal(["herald-top", "herald-world"], sightings.Select(s => s.FeedKey));
        Assert.Equal(Time.ToMs(T0.AddMinutes(3)), sightings[1].FirstSeenMs);
    }

    [Fact]
    public async Task WriteAsync_EditedBody_KeepsBothVersionsAndQueuesTheNewOne()
    {
        await using var db = await TempDatabase.CreateAsync();
        var (top, _) = await TwoFeedsAsync(db);
        await using var writer = db.NewWriter();
        var v1 = Article("https://herald.example/a", "Bridge closed", "The bridge closed after cracks were found.");
        var v2 = Article("https://herald.example/a", "Bridge closed for a month", "The bridge closed after cracks were found. Repairs take a month.");

        await writer.WriteAsync(Poll(top, T0, v1));
        var edit = await writer.WriteAsync(Poll(top, T0.AddHours(1), v2));

        Assert.Equal(1, edit.Updated);
        var store = new ArticleStore(db.Database);
        var stored = await store.FindByUrlAsync("https://herald.example/a");
        Assert.Equal(2, stored!.Version);
        Assert.Equal("Bridge closed for a month", stored.Title);
        Assert.Equal(Time.ToMs(T0), stored.PublishedMs);
        var versions = await store.VersionsAsync(stored.Id);
        Assert.Equal(["Bridge closed", "Bridge closed for a month"], versions.Select(v => v.Title));
        await using var connection = await db.Database.OpenAsync();
        Assert.Equal([1L, 2L], await connection.QueryAsync<long>("SELECT version FROM cluster_queue WHERE article_id = @Id ORDER BY seq", new { stored.Id }));
    }

    [Fact]
    public async Task WriteAsync_ContentHtml_StoredWithEachVersionNullWhenAbsent()
    {
        await using var db = await TempDatabase.CreateAsync();
        var (top, _) = await TwoFeedsAsync(db);
        await using var writer = db.NewWriter();
        var v1 = Article("https://herald.example/a", "Bridge closed", "The bridge closed.") with { ContentHtml = "<p>The bridge <b>closed</b>.</p>" };
        var v2 = Article("https://herald.example/a", "Bridge closed for a month", "The bridge closed. Repairs take a month.") with { ContentHtml = "<p>Repairs take a month.</p>" };
        var bare = Article("https://herald.example/b", "Headline only", "");

        await writer.WriteAsync(Poll(top, T0, v1, bare));
        await writer.WriteAsync(Poll(top, T0.AddHours(1), v2));

        await using var connection = await db.Database.OpenAsync();
        var stored = (await connection.QueryAsync<(string Url, long Version, string? Html)>("""
            SELECT a.canonical_url, v.version, v.content_html FROM article_versions v JOIN articles a ON a.id = v.article_id ORDER BY a.canonical_url, v.version
            """)).ToList();
        Assert.Equal(
            [("https://herald.example/a", 1L, "<p>The bridge <b>closed</b>.</p>"), ("https://herald.example/a", 2L, "<p>Repairs take a month.</p>"), ("https://herald.example/b", 1L, null)],
            stored);
    }

    [Fact]
    public async Task WriteAsync_Poll_SavesValidatorsAndStateWithTheArticles()
    {
        await using var db = await TempDatabase.CreateAsync();
        var (top, _) = await TwoFeedsAsync(db);
        await using var writer = db.NewWriter();

        await writer.WriteAsync(Poll(top, T0, Article("https://herald.example/a", "T", "B")));
        // A failed poll keeps the validators of the last body.
        await writer.WriteAsync(Poll(top, T0.AddMinutes(15)) with
        {
            ReplaceValidators = false,
            StatusCode = 500,
            State = new FeedPollState { Url = new Uri("https://herald.example/top.xml"), Status = FeedStatus.Failing, ConsecutiveFailures = 1, LastError = "ServerError: HTTP 500" },
        });

        var feed = await new FeedStore(db.Database).GetAsync(top);
        Assert.Equal("\"v1\"", feed!.Etag);
        Assert.Equal("failing", feed.Status);
        Assert.Equal("ServerError: HTTP 500", feed.LastError);
        Assert.Equal(2, feed.Polls);
        Assert.Equal(1, feed.ArticlesNew);
    }

    [Fact]
    public async Task WriteAsync_ConcurrentPolls_AllCommittedAndCounted()
    {
        await using var db = await TempDatabase.CreateAsync();
        var (top, world) = await TwoFeedsAsync(db);
        await using var writer = db.NewWriter();

        var writes = Enumerable.Range(0, 40).Select(i => writer.WriteAsync(Poll(i % 2 == 0 ? top : world, T0.AddSeconds(i),
            Article($"https://herald.example/{i}", $"Story {i}", $"Body {i}"), Article("https://herald.example/shared", "Shared", "Same"))));
        var reports = await Task.WhenAll(writes);

        Assert.Equal(41, reports.Sum(r => r.New));
        var counts = await new ArticleStore(db.Database).CountsAsync();
        Assert.Equal(41, counts.Articles);
        Assert.Equal(42, counts.Sightings);
    }

    [Fact]
    public async Task WriteAsync_PollForUnknownFeed_FailsAloneWithoutLosingOthers()
    {
        await using var db = await TempDatabase.CreateAsync();
        var (top, _) = await TwoFeedsAsync(db);
        await using var writer = db.NewWriter();

        var bad = writer.WriteAsync(Poll(999, T0, Article("https://herald.example/x", "X", "X")));
        var good = writer.WriteAsync(Poll(top, T0, Article("https://herald.example/y", "Y", "Y")));

        await Assert.ThrowsAnyAsync<Exception>(() => bad);
        Assert.Equal(1, (await good).New);
        Assert.Null(await new ArticleStore(db.Database).FindByUrlAsync("https://herald.example/x"));
    }
}
