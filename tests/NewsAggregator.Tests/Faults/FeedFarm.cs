using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsAggregator.Tests.Faults;

/// <summary>What a farm feed does when polled.</summary>
public enum FarmKind
{
    // Healthy: answer at once, 304 or the same body until their next item appears.
    Rss,
    Atom,
    Json,
    /// <summary>Healthy, but answers after <see cref="FeedFarm.SlowDelay"/>: within the fetch timeout.</summary>
    Slow,
    /// <summary>Healthy behind a two-hop 302 chain across hosts (as feed proxies do).</summary>
    Redirecting,

    // Faulty: every poll fails, for one reason each.
    /// <summary>Never answers; the fetch deadline ends it.</summary>
    Timeout,
    /// <summary>500, 502 or 503 without Retry-After.</summary>
    ServerError,
    /// <summary>429 with Retry-After: <see cref="FeedFarm.RetryAfter"/> in seconds for even feeds, as an HTTP date for odd ones.</summary>
    RateLimited,
    /// <summary>200 with XML cut off in the middle.</summary>
    Malformed,
    /// <summary>A body over the cap announced by Content-Length.</summary>
    HugeDeclared,
    /// <summary>A body over the cap sent chunked, without a length: the cap must stop the read.</summary>
    HugeStreamed,
    /// <summary>A redirect chain longer than Fetch:MaxRedirects.</summary>
    RedirectChain,
    /// <summary>Two URLs redirecting to each other.</summary>
    RedirectLoop,
    /// <summary>Content-Encoding gzip whose expansion is far over the cap (a few KB that inflate to 64 MB).</summary>
    GzipBomb,
}

/// <summary>One request the farm answered: which feed, which hop of its chain, when it arrived and when it ended.</summary>
public sealed record FarmRequest(int Feed, int Hop, DateTimeOffset Arrived, DateTimeOffset Ended, int Status);

/// <summary>
/// A loopback feed farm in the test process: one Kestrel server listening on many loopback addresses (127.0.0.2,
/// 127.0.0.3, …; Linux routes all of 127.0.0.0/8 to loopback), each a separate host to the fetcher with its own
/// per-host limit, serving feeds of every <see cref="FarmKind"/>. It records every request, so a test measures from
/// the server's side when each feed was polled and how long each poll took.
/// </summary>
public sealed class FeedFarm : IAsyncDisposable
{
    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(2.5);
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(45);
    public const int ItemsPerFeed = 10;
    /// <summary>Bytes of the huge bodies; the test's Fetch:MaxBodyBytes must be well below.</summary>
    public const int HugeBytes = 2 * 1024 * 1024;
    private const int BombExpandedBytes = 64 * 1024 * 1024;
    private const int RedirectChainLength = 12;

    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "ren", "tas", "vo", "dri", "ul", "pen", "sa", "gor", "fi", "ne", "bru", "cal", "dom", "ez", "hal", "jun", "ko", "lem", "nor", "pa", "quin", "ros", "tel", "ur", "vin", "wes", "yar"];

    private readonly WebApplication _app;
    private readonly FarmKind[] _kinds;
    private readonly List<FarmRequest>[] _requests;
    private readonly byte[] _bomb;
    private readonly byte[] _huge;
    private readonly DateTimeOffset _epoch = DateTimeOffset.UtcNow;
    private string[] _hosts = [];

    private FeedFarm(WebApplication app, FarmKind[] kinds)
    {
        _app = app;
        _kinds = kinds;
        _requests = kinds.Select(_ => new List<FarmRequest>()).ToArray();
        _bomb = GzipOfZeros(BombExpandedBytes);
        _huge = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>huge</title>" + new string(' ', HugeBytes) + "</channel></rss>");
    }

    public IReadOnlyList<FarmKind> Kinds => _kinds;

    /// <summary>"127.0.0.N:PORT" of every host, as Fetch:AllowedPrivateEndpoints expects them.</summary>
    public IReadOnlyList<string> Endpoints => _hosts;

    public int Count => _kinds.Length;

    /// <summary>Feed n lives on host n mod hosts.</summary>
    public string FeedUrl(int feed) => $"http://{_hosts[feed % _hosts.Length]}/f/{feed}";

    /// <summary>Every request for one feed so far, hops of redirect chains included, in arrival order.</summary>
    public IReadOnlyList<FarmRequest> RequestsOf(int feed)
    {
        lock (_requests[feed])
            return _requests[feed].OrderBy(r => r.Arrived).ToList();
    }

    public long TotalRequests => _requests.Sum(r => { lock (r) return (long)r.Count; });

    public static bool IsHealthy(FarmKind kind) => kind <= FarmKind.Redirecting;

    public static async Task<FeedFarm> StartAsync(FarmKind[] kinds, int hosts)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // 127.0.0.1 is left to the worker's own web page and other tests.
            for (var h = 0; h < hosts; h++)
                kestrel.Listen(new IPAddress([127, 0, 0, (byte)(2 + h)]), 0);
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var farm = new FeedFarm(app, kinds);
        app.Run(farm.HandleAsync);
        await app.StartAsync();
        farm._hosts = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a).Authority)
            .OrderBy(a => IPAddress.Parse(a.Split(':')[0]).GetAddressBytes()[3])
            .ToArray();
        if (farm._hosts.Length != hosts)
            throw new InvalidOperationException($"The farm listens on {farm._hosts.Length} addresses, expected {hosts}");
        return farm;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var arrived = DateTimeOffset.UtcNow;
        var segments = (context.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        // /f/{feed} is what the worker polls; /r/{feed}/{hop} are redirect hops; /final/{feed} ends a good chain.
        if (segments.Length < 2 || !int.TryParse(segments[1], CultureInfo.InvariantCulture, out var feed) || feed < 0 || feed >= _kinds.Length)
        {
            context.Response.StatusCode = 404;
            return;
        }
        var hop = segments[0] switch
        {
            "f" => 0,
            "r" when segments.Length == 3 && int.TryParse(segments[2], CultureInfo.InvariantCulture, out var h) => h,
            "final" => 99,
            _ => -1,
        };
        if (hop < 0)
        {
            context.Response.StatusCode = 404;
            return;
        }
        try
        {
            await AnswerAsync(context, feed, hop);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ConnectionResetException)
        {
            // The worker gave up (deadline, byte cap): what the farm wanted to provoke.
        }
        finally
        {
            var ended = DateTimeOffset.UtcNow;
            lock (_requests[feed])
                _requests[feed].Add(new FarmRequest(feed, hop, arrived, ended, context.Response.StatusCode));
        }
    }

    private async Task AnswerAsync(HttpContext context, int feed, int hop)
    {
        var response = context.Response;
        var kind = _kinds[feed];
        switch (kind)
        {
            case FarmKind.Rss or FarmKind.Atom or FarmKind.Json:
                await ServeFeedAsync(context, feed, kind);
                return;
            case FarmKind.Slow:
                await Task.Delay(SlowDelay, context.RequestAborted);
                await ServeFeedAsync(context, feed, FarmKind.Rss);
                return;
            case FarmKind.Redirecting:
                if (hop == 0)
                    Redirect(response, 302, $"http://{_hosts[(feed + 1) % _hosts.Length]}/r/{feed}/1");
                else if (hop == 1)
                    Redirect(response, 302, $"http://{_hosts[(feed + 2) % _hosts.Length]}/final/{feed}");
                else
                    await ServeFeedAsync(context, feed, FarmKind.Rss);
                return;
            case FarmKind.Timeout:
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
                return;
            case FarmKind.ServerError:
                response.StatusCode = (feed % 3) switch { 0 => 500, 1 => 502, _ => 503 };
                await response.WriteAsync("upstream trouble", context.RequestAborted);
                return;
            case FarmKind.RateLimited:
                response.StatusCode = 429;
                // Even feeds get delta-seconds, odd ones an HTTP date (rounded up so it is never earlier than RetryAfter).
                response.Headers.RetryAfter = feed % 2 == 0
                    ? ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture)
                    : RetryAfterDate().ToString("r", CultureInfo.InvariantCulture);
                await response.WriteAsync("slow down", context.RequestAborted);
                return;
            case FarmKind.Malformed:
                response.ContentType = "application/rss+xml; charset=utf-8";
                await response.WriteAsync($"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Broken {feed}</title><item><title>cut off", context.RequestAborted);
                return;
            case FarmKind.HugeDeclared:
                response.ContentType = "application/rss+xml; charset=utf-8";
                response.ContentLength = _huge.Length;
                await response.Body.WriteAsync(_huge, context.RequestAborted);
                return;
            case FarmKind.HugeStreamed:
                response.ContentType = "application/rss+xml; charset=utf-8";
                for (var offset = 0; offset < _huge.Length; offset += 16 * 1024)
                    await response.Body.WriteAsync(_huge.AsMemory(offset, Math.Min(16 * 1024, _huge.Length - offset)), context.RequestAborted);
                return;
            case FarmKind.RedirectChain:
                Redirect(response, 302, $"http://{_hosts[feed % _hosts.Length]}/r/{feed}/{Math.Min(hop + 1, RedirectChainLength)}");
                return;
            case FarmKind.RedirectLoop:
                Redirect(response, 302, $"http://{_hosts[feed % _hosts.Length]}/r/{feed}/{(hop == 1 ? 2 : 1)}");
                return;
            case FarmKind.GzipBomb:
                response.ContentType = "application/rss+xml; charset=utf-8";
                response.Headers.ContentEncoding = "gzip";
                response.ContentLength = _bomb.Length;
                await response.Body.WriteAsync(_bomb, context.RequestAborted);
                return;
            default:
                throw new InvalidOperationException($"No behaviour for {kind}");
        }
    }

    /// <summary>The Retry-After date: whole seconds, never less than <see cref="RetryAfter"/> from now.</summary>
    private static DateTimeOffset RetryAfterDate()
    {
        var at = DateTimeOffset.UtcNow + RetryAfter;
        return new DateTimeOffset(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(1);
    }

    private static void Redirect(HttpResponse response, int status, string location)
    {
        response.StatusCode = status;
        response.Headers.Location = location;
    }

    /// <summary>
    /// A healthy feed: ten items, a new one every few minutes (period and phase differ by feed). RSS feeds send an
    /// ETag and Last-Modified, Atom feeds Last-Modified only, JSON feeds an ETag only, and every fifth feed neither,
    /// so that 304s, validators and the unchanged-body hash all happen.
    /// </summary>
    private Task ServeFeedAsync(HttpContext context, int feed, FarmKind format)
    {
        var period = TimeSpan.FromSeconds(60 + feed * 37 % 180);
        var phase = TimeSpan.FromSeconds(feed * 13 % 60);
        var now = DateTimeOffset.UtcNow;
        var generation = (long)((now - _epoch + phase) / period);
        var changed = _epoch - phase + period * generation;
        var etag = $"\"{feed}-{generation}\"";
        var lastModified = changed.ToString("r", CultureInfo.InvariantCulture);
        var validators = feed % 5 == 4 ? "none" : format switch { FarmKind.Atom => "last-modified", FarmKind.Json => "etag", _ => "both" };
        var request = context.Request;
        var response = context.Response;
        if (validators is "etag" or "both")
            response.Headers.ETag = etag;
        if (validators is "last-modified" or "both")
            response.Headers.LastModified = lastModified;
        var notModified = validators switch
        {
            "etag" or "both" => request.Headers.IfNoneMatch == etag,
            "last-modified" => DateTimeOffset.TryParse(request.Headers.IfModifiedSince, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
                && since >= changed.AddTicks(-(changed.Ticks % TimeSpan.TicksPerSecond)),
            _ => false,
        };
        if (notModified)
        {
            response.StatusCode = 304;
            return Task.CompletedTask;
        }
        var host = _hosts[feed % _hosts.Length];
        var items = Enumerable.Range(0, ItemsPerFeed).Select(i => generation - i)
            .Select(n => (Url: $"http://{host}/a/{feed}/{n}", Title: Words(feed, n, 7), Body: Words(feed, n * 31 + 7, 60), Published: _epoch - phase + period * n))
            .ToList();
        string body, type;
        switch (format)
        {
            case FarmKind.Atom:
                type = "application/atom+xml; charset=utf-8";
                body = $"""
                    <?xml version="1.0" encoding="utf-8"?>
                    <feed xmlns="http://www.w3.org/2005/Atom"><title>Farm feed {feed}</title><id>urn:farm:{feed}</id>
                    <link href="http://{host}/"/><updated>{changed:yyyy-MM-ddTHH:mm:ssZ}</updated>
                    {string.Concat(items.Select(i => $"<entry><title>{i.Title}</title><id>{i.Url}</id><link href=\"{i.Url}\"/><updated>{i.Published:yyyy-MM-ddTHH:mm:ssZ}</updated><summary>{i.Body}</summary></entry>"))}
                    </feed>
                    """;
                break;
            case FarmKind.Json:
                type = "application/feed+json";
                body = System.Text.Json.JsonSerializer.Serialize(new
                {
                    version = "https://jsonfeed.org/version/1.1",
                    title = $"Farm feed {feed}",
                    home_page_url = $"http://{host}/",
                    items = items.Select(i => new { id = i.Url, url = i.Url, title = i.Title, content_text = i.Body, date_published = i.Published.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) }),
                });
                break;
            default:
                type = "application/rss+xml; charset=utf-8";
                body = $"""
                    <?xml version="1.0" encoding="utf-8"?>
                    <rss version="2.0"><channel><title>Farm feed {feed}</title><link>http://{host}/</link><description>farm</description>
                    {string.Concat(items.Select(i => $"<item><title>{i.Title}</title><link>{i.Url}</link><guid>{i.Url}</guid><pubDate>{i.Published.ToString("r", CultureInfo.InvariantCulture)}</pubDate><description>{SecurityElement.Escape(i.Body)}</description></item>"))}
                    </channel></rss>
                    """;
                break;
        }
        response.ContentType = type;
        return response.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>Made-up words from a seed: every article differs, so clustering sees ordinary unrelated reports.</summary>
    private static string Words(int feed, long n, int count)
    {
        var random = new Random(HashCode.Combine(feed, n));
        var words = new string[count];
        for (var w = 0; w < count; w++)
        {
            var syllables = 2 + random.Next(3);
            var word = new StringBuilder();
            for (var s = 0; s < syllables; s++)
                word.Append(Syllables[random.Next(Syllables.Length)]);
            words[w] = word.ToString();
        }
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words) + ".";
    }

    private static byte[] GzipOfZeros(int bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var written = 0; written < bytes; written += zeros.Length)
                gzip.Write(zeros);
        }
        return output.ToArray();
    }
}
