using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Fetching;

namespace NewsAggregator.Core.Tests.Fetching;

/// <summary>The real fetch path against a loopback Kestrel server; only that server's exact endpoint is allowed.</summary>
public sealed class FeedFetcherTests(FeedServerFixture server) : IClassFixture<FeedServerFixture>, IDisposable
{
    private const string Contact = "mailto:ops@example.org";

    private readonly List<FeedFetcher> _fetchers = [];
    private readonly ConcurrentQueue<IPEndPoint> _connects = new();

    public void Dispose()
    {
        foreach (var fetcher in _fetchers)
            fetcher.Dispose();
    }

    [Fact]
    public async Task FetchAsync_RepollWithValidators_SendsThemVerbatimAndReturnsNotModified()
    {
        var fetcher = CreateFetcher();

        var first = await fetcher.FetchAsync(new FetchRequest(server.Url("conditional")), default);
        var second = await fetcher.FetchAsync(new FetchRequest(server.Url("conditional"), first.ETag, first.LastModified, first.BodyHash), default);

        Assert.Equal(FetchOutcome.Fetched, first.Outcome);
        Assert.Equal(200, first.StatusCode);
        Assert.Equal(FeedServerFixture.WeakETag, first.ETag);
        Assert.Equal(FeedServerFixture.LastModified, first.LastModified);
        Assert.Equal("application/rss+xml; charset=utf-8", first.ContentType);
        Assert.Equal(FetchOutcome.NotModified, second.Outcome);
        Assert.Equal(304, second.StatusCode);
        // The 304 carried no validators, so the ones sent stay.
        Assert.Equal(FeedServerFixture.WeakETag, second.ETag);
        Assert.Equal(FeedServerFixture.LastModified, second.LastModified);
        Assert.Equal(FeedServerFixture.WeakETag, server.Seen("/conditional", "If-None-Match")[^1]);
        Assert.Equal(FeedServerFixture.LastModified, server.Seen("/conditional", "If-Modified-Since")[^1]);
    }

    [Fact]
    public async Task FetchAsync_SameBodyTwice_ReturnsUnchanged()
    {
        var fetcher = CreateFetcher();

        var first = await fetcher.FetchAsync(new FetchRequest(server.Url("static")), default);
        var second = await fetcher.FetchAsync(new FetchRequest(server.Url("static"), LastBodyHash: first.BodyHash), default);

        Assert.Equal(FetchOutcome.Fetched, first.Outcome);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(FeedServerFixture.FeedXml))), first.BodyHash);
        Assert.Equal(FetchOutcome.Unchanged, second.Outcome);
        Assert.Equal(first.BodyHash, second.BodyHash);
        Assert.Null(second.Body);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("brotli")]
    [InlineData("deflate-zlib")]
    [InlineData("deflate-raw")]
    public async Task FetchAsync_CompressedBody_IsDecoded(string path)
    {
        var result = await CreateFetcher().FetchAsync(new FetchRequest(server.Url(path)), default);

        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal(FeedServerFixture.FeedXml, Encoding.UTF8.GetString(result.Body!));
        Assert.Equal("br, gzip, deflate", server.Seen("/" + path, "Accept-Encoding")[^1]);
    }

    [Fact]
    public async Task FetchAsync_BrokenGzip_ReturnsProtocolError()
    {
        var result = await CreateFetcher().FetchAsync(new FetchRequest(server.Url("gzip-broken")), default);

        Assert.Equal(FetchFailureKind.ProtocolError, result.Failure);
        Assert.Contains("broken compressed body", result.Error);
    }

    [Theory]
    [InlineData("301,301", true)]
    [InlineData("308", true)]
    [InlineData("301,308", true)]
    [InlineData("302", false)]
    [InlineData("301,302", false)]
    [InlineData("307,301", false)]
    public async Task FetchAsync_RedirectChain_ReportsPermanentRedirectOnlyWhenEveryHopIsPermanent(string codes, bool permanent)
    {
        var result = await CreateFetcher().FetchAsync(new FetchRequest(server.Url("chain?codes=" + codes)), default);

        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal(server.Url("chain?codes="), result.FinalUrl);
        Assert.Equal(permanent ? result.FinalUrl : null, result.PermanentRedirect);
    }

    [Fact]
    public async Task FetchAsync_429WithRetryAfterSeconds_ReturnsRateLimited()
    {
        var result = await CreateFetcher().FetchAsync(new FetchRequest(server.Url("status/429?retryAfter=120")), default);

        Assert.Equal(FetchFailureKind.RateLimited, result.Failure);
        Assert.Equal(429, result.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
    }

    [Fact]
    public async Task FetchAsync_503WithRetryAfterDate_ReturnsRateLimitedWithDelayFromClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var result = await CreateFetcher(time: clock).FetchAsync(new FetchRequest(server.Url("retry-date")), default);

        Assert.Equal(FetchFailureKind.RateLimited, result.Failure);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
    }

    [Theory]
    [InlineData("120", 120)]
    [InlineData(" 0 ", 0)]
    [InlineData("Tue, 01 Jan 2030 00:02:00 GMT", 120)]
    [InlineData("Mon, 31 Dec 2029 23:00:00 GMT", 0)]
    public void ParseRetryAfter_SecondsOrDate_ConvertsToDelay(string value, int seconds)
    {
        var fetcher = CreateFetcher(time: new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(TimeSpan.FromSeconds(seconds), fetcher.ParseRetryAfter(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    public void ParseRetryAfter_Unusable_ReturnsNull(string? value)
    {
        Assert.Null(CreateFetcher().ParseRetryAfter(value));
    }

    [Theory]
    [InlineData(500, FetchFailureKind.ServerError)]
    [InlineData(502, FetchFailureKind.ServerError)]
    [InlineData(503, FetchFailureKind.ServerError)]
    [InlineData(404, FetchFailureKind.NotFound)]
    [InlineData(410, FetchFailureKind.NotFound)]
    [InlineData(403, FetchFailureKind.ClientError)]
    public async Task FetchAsync_ErrorStatus_MapsToFailureKind(int status, FetchFailureKind kind)
    {
        var result = await CreateFetcher().FetchAsync(new FetchRequest(server.Url($"status/{status}")), default);

        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal(kind, result.Failure);
        Assert.Equal(status, result.StatusCode);
        Assert.Contains($"HTTP {status}", result.Error);
    }

    [Fact]
    public async Task FetchAsync_TricklingBody_HitsDeadline()
    {
        var watch = Stopwatch.StartNew();

        var result = await CreateFetcher(o => o.TimeoutSeconds = 1).FetchAsync(new FetchRequest(server.Url("trickle")), default);

        Assert.Equal(FetchFailureKind.Timeout, result.Failure);
        Assert.Contains("timed out after 1 s", result.Error);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("large")]
    [InlineData("large-chunked")]
    public async Task FetchAsync_BodyOverCap_ReturnsTooLarge(string path)
    {
        var result = await CreateFetcher().FetchAsync(new FetchRequest(server.Url(path)), default);

        Assert.Equal(FetchFailureKind.TooLarge, result.Failure);
        Assert.Contains("Fetch:MaxBodyBytes", result.Error);
        Assert.Null(result.Body);
    }

    [Fact]
    public async Task FetchAsync_GzipBomb_ReturnsTooLargeWithBoundedMemory()
    {
        Assert.True(server.BombCompressedBytes < 2 * 1024 * 1024);
        var fetcher = CreateFetcher();
        // Warm the connection and the code paths so that the measurement sees only the bomb.
        await fetcher.FetchAsync(new FetchRequest(server.Url("gzip")), default);
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var result = await fetcher.FetchAsync(new FetchRequest(server.Url("bomb")), default);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(FetchFailureKind.TooLarge, result.Failure);
        // The cap is 16 MiB; the bomb inflates to 256 MiB. Cap plus slack is fine, anything near 256 MiB is not.
        Assert.True(allocated < 48L * 1024 * 1024, $"allocated {allocated} bytes for a {FeedServerFixture.BombDecompressedBytes}-byte bomb");
    }

    [Theory]
    [InlineData("canary", "127.0.0.1")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254 (cloud metadata endpoint)")]
    [InlineData("http://10.1.2.3/", "10.1.2.3 (private network)")]
    public async Task FetchAsync_RedirectToPrivateAddress_IsRefusedBeforeConnecting(string target, string expected)
    {
        if (target == "canary")
            target = $"http://127.0.0.1:{server.CanaryPort}/";

        var result = await CreateFetcher().FetchAsync(new FetchRequest(server.Url("redirect?to=" + Uri.EscapeDataString(target))), default);

        Assert.Equal(FetchFailureKind.RefusedAddress, result.Failure);
        Assert.Contains(expected, result.Error);
        Assert.Contains("Fetch:AllowedPrivateEndpoints", result.Error);
        Assert.Equal(new Uri(target), result.FinalUrl);
        Assert.Equal(0, server.CanaryConnections);
        Assert.All(_connects, ep => Assert.Equal(server.BaseUrl.Port, ep.Port));
    }

    [Fact]
    public async Task FetchAsync_PrivateIpLiteral_IsRefusedWithoutAnyConnection()
    {
        var result = await CreateFetcher().FetchAsync(new FetchRequest(new Uri("http://10.1.2.3/feed.xml")), default);

        Assert.Equal(FetchFailureKind.RefusedAddress, result.Failure);
        Assert.StartsWith("refused: 10.1.2.3 (private network); allow it with Fetch:AllowedPrivateEndpoints", result.Error);
        Assert.Empty(_connects);
    }

    [Fact]
    public async Task FetchAsync_LocalhostName_IsRefusedAfterResolvingWithoutConnecting()
    {
        var hits = server.Hits("/static");

        var result = await CreateFetcher(o => o.AllowedPrivateEndpoints = []).FetchAsync(new FetchRequest(new Uri($"http://localhost:{server.BaseUrl.Port}/static")), default);

        Assert.Equal(FetchFailureKind.RefusedAddress, result.Failure);
        Assert.Contains("refused: localhost resolves to", result.Error);
        Assert.Contains("(loopback)", result.Error);
        Assert.Empty(_connects);
        Assert.Equal(hits, server.Hits("/static"));
    }

    [Fact]
    public async Task FetchAsync_LocalhostNameAllowedByName_Fetches()
    {
        var result = await CreateFetcher(o => o.AllowedPrivateEndpoints = [$"localhost:{server.BaseUrl.Port}"])
            .FetchAsync(new FetchRequest(new Uri($"http://localhost:{server.BaseUrl.Port}/static")), default);

        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.NotEmpty(_connects);
    }

    [Fact]
    public async Task FetchAsync_RedirectLoop_Stops()
    {
        var result = await CreateFetcher().FetchAsync(new FetchRequest(server.Url("loop/a")), default);

        Assert.Equal(FetchFailureKind.RedirectLoop, result.Failure);
        Assert.Contains("redirect loop", result.Error);
        Assert.Null(result.PermanentRedirect);
    }

    [Fact]
    public async Task FetchAsync_SixRedirects_ReturnsTooManyRedirects()
    {
        var result = await CreateFetcher().FetchAsync(new FetchRequest(server.Url("chain?codes=301,301,301,301,301,301")), default);

        Assert.Equal(FetchFailureKind.TooManyRedirects, result.Failure);
        Assert.Null(result.PermanentRedirect);
    }

    [Fact]
    public async Task FetchAsync_FiveRedirects_Fetches()
    {
        var result = await CreateFetcher().FetchAsync(new FetchRequest(server.Url("chain?codes=301,301,301,301,301")), default);

        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task FetchAsync_PerHostLimit_BoundsRequestsInFlightOnServer(int limit)
    {
        var fetcher = CreateFetcher(o => o.MaxConcurrentPerHost = limit);
        server.ResetSlowCounter();

        var results = await Task.WhenAll(
            fetcher.FetchAsync(new FetchRequest(server.Url("slow?ms=500")), default),
            fetcher.FetchAsync(new FetchRequest(server.Url("slow?ms=500")), default));

        Assert.All(results, r => Assert.Equal(FetchOutcome.Fetched, r.Outcome));
        Assert.Equal(limit, server.SlowMaxInFlight);
    }

    [Fact]
    public async Task FetchAsync_AfterQueueingForHostSlot_GetsItsWholeDeadline()
    {
        // Found by the feed farm soak: a healthy feed queued behind a slow neighbour on the same host timed out,
        // because its deadline ran while it waited. The deadline now starts when the fetch holds a slot.
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var fetcher = CreateFetcher(o => { o.MaxConcurrentPerHost = 1; o.TimeoutSeconds = 5; }, clock);
        var slowHits = server.Hits("/slow");

        var holder = fetcher.FetchAsync(new FetchRequest(server.Url("slow?ms=60000")), default);
        await WaitUntil(() => server.Hits("/slow") == slowHits + 1);
        clock.Advance(TimeSpan.FromSeconds(3));
        var waiter = fetcher.FetchAsync(new FetchRequest(server.Url("slow?ms=1000")), default);
        clock.Advance(TimeSpan.FromSeconds(2.5)); // 5.5 s: the holder's deadline ends; the waiter, queued 2.5 s, gets the slot
        await WaitUntil(() => server.Hits("/slow") == slowHits + 2);
        clock.Advance(TimeSpan.FromSeconds(3.5)); // 9 s: 6 s after the waiter asked, 3.5 s after it got the slot

        Assert.Equal(FetchFailureKind.Timeout, (await holder).Failure);
        var result = await waiter;
        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
    }

    [Fact]
    public async Task FetchAsync_RedirectToBusyHost_QueueingForTheNextHopDoesNotUseTheDeadline()
    {
        // Found by the feed farm soak: a healthy feed behind a redirect timed out while its last hop queued for a
        // host whose connections were held by hung feeds. "localhost" and "127.0.0.1" are two hosts to the fetcher.
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var port = server.BaseUrl.Port;
        var fetcher = CreateFetcher(o => { o.MaxConcurrentPerHost = 1; o.TimeoutSeconds = 5; o.AllowedPrivateEndpoints.Add($"localhost:{port}"); }, clock);
        var slowHits = server.Hits("/slow");
        var redirectHits = server.Hits("/redirect");

        var holder = fetcher.FetchAsync(new FetchRequest(new Uri($"http://localhost:{port}/slow?ms=60000")), default);
        await WaitUntil(() => server.Hits("/slow") == slowHits + 1);
        clock.Advance(TimeSpan.FromSeconds(2));
        var redirected = fetcher.FetchAsync(new FetchRequest(server.Url("redirect?to=" + Uri.EscapeDataString($"http://localhost:{port}/slow?ms=1000"))), default);
        await WaitUntil(() => server.Hits("/redirect") == redirectHits + 1);
        await Task.Delay(100); // the second hop is now queued behind the holder
        clock.Advance(TimeSpan.FromSeconds(3.5)); // 5.5 s: the holder's deadline ends; the second hop gets the slot
        await WaitUntil(() => server.Hits("/slow") == slowHits + 2);
        clock.Advance(TimeSpan.FromSeconds(3)); // 8.5 s: 6.5 s after the first hop, 3 s of them holding a connection

        Assert.Equal(FetchFailureKind.Timeout, (await holder).Failure);
        var result = await redirected;
        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
    }

    [Fact]
    public async Task FetchAsync_HostSlotsBusyForWholeTimeout_HostBusyWithoutRequestNamingTheLimit()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var fetcher = CreateFetcher(o => { o.MaxConcurrentPerHost = 1; o.TimeoutSeconds = 5; }, clock);
        var slowHits = server.Hits("/slow");
        var staticHits = server.Hits("/static");

        var first = fetcher.FetchAsync(new FetchRequest(server.Url("slow?ms=60000")), default);
        await WaitUntil(() => server.Hits("/slow") == slowHits + 1);
        clock.Advance(TimeSpan.FromSeconds(1));
        var second = fetcher.FetchAsync(new FetchRequest(server.Url("slow?ms=60000")), default);
        clock.Advance(TimeSpan.FromSeconds(1));
        var third = fetcher.FetchAsync(new FetchRequest(server.Url("static")), default);
        clock.Advance(TimeSpan.FromSeconds(3)); // 5 s: the first times out, the second (queued first) gets the slot
        await WaitUntil(() => server.Hits("/slow") == slowHits + 2);
        clock.Advance(TimeSpan.FromSeconds(2.5)); // 7.5 s: the third has queued 5.5 s

        var result = await third;
        Assert.Equal(FetchFailureKind.HostBusy, result.Failure);
        Assert.Equal(TimeSpan.FromSeconds(5), result.RetryAfter);
        Assert.Contains("Fetch:MaxConcurrentPerHost", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was requested", result.Error, StringComparison.Ordinal);
        Assert.Equal(staticHits, server.Hits("/static"));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(FetchFailureKind.Timeout, (await first).Failure);
        Assert.Equal(FetchFailureKind.Timeout, (await second).Failure);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.org/feed.xml")]
    public async Task FetchAsync_NonHttpScheme_ReturnsInvalidUrl(string url)
    {
        var result = await CreateFetcher().FetchAsync(new FetchRequest(new Uri(url)), default);

        Assert.Equal(FetchFailureKind.InvalidUrl, result.Failure);
        Assert.Empty(_connects);
    }

    [Fact]
    public async Task FetchAsync_RedirectToFtp_ReturnsInvalidUrl()
    {
        var result = await CreateFetcher().FetchAsync(new FetchRequest(server.Url("redirect?to=" + Uri.EscapeDataString("ftp://example.org/feed.xml"))), default);

        Assert.Equal(FetchFailureKind.InvalidUrl, result.Failure);
        Assert.Contains("only http and https", result.Error);
    }

    [Fact]
    public async Task FetchAsync_AnyRequest_SendsHonestUserAgentAndFeedAccept()
    {
        await CreateFetcher().FetchAsync(new FetchRequest(server.Url("static")), default);

        var userAgent = server.Seen("/static", "User-Agent")[^1];
        Assert.Equal($"NewsAggregator/0.1 (+{Contact})", userAgent);
        var accept = server.Seen("/static", "Accept")[^1];
        Assert.Contains("application/rss+xml", accept);
        Assert.Contains("application/atom+xml", accept);
        Assert.Contains("application/feed+json", accept);
    }

    [Fact]
    public async Task FetchAsync_ClosedPort_ReturnsConnectFailure()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await CreateFetcher(o => o.AllowedPrivateEndpoints = [$"127.0.0.1:{port}"])
            .FetchAsync(new FetchRequest(new Uri($"http://127.0.0.1:{port}/feed")), default);

        Assert.Equal(FetchFailureKind.ConnectFailure, result.Failure);
        Assert.Contains($"127.0.0.1:{port}", result.Error);
    }

    [Fact]
    public async Task FetchAsync_CallerCancels_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => CreateFetcher().FetchAsync(new FetchRequest(server.Url("slow?ms=5000")), cts.Token));
    }

    private FeedFetcher CreateFetcher(Action<FetchOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new FetchOptions
        {
            Contact = Contact,
            TimeoutSeconds = 10,
            AllowedPrivateEndpoints = [server.Endpoint],
        };
        configure?.Invoke(options);
        var fetcher = new FeedFetcher(options, time ?? TimeProvider.System, NullLogger<FeedFetcher>.Instance, endpoint =>
        {
            // Belt and braces: whatever the policy says, a test never opens a socket off this machine.
            if (!IPAddress.IsLoopback(endpoint.Address))
                throw new InvalidOperationException($"test tried to connect to {endpoint}");
            _connects.Enqueue(endpoint);
        });
        _fetchers.Add(fetcher);
        return fetcher;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "condition not met in 5 s");
            await Task.Delay(10);
        }
    }
}
