using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsAggregator.Core.Tests.Fetching;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with one endpoint per fetch scenario, plus a bare TCP listener on another
/// loopback port that only counts connections (the target that redirects must never reach).
/// </summary>
public sealed class FeedServerFixture : IAsyncLifetime
{
    public const string FeedXml = """<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback</title></channel></rss>""";
    public const string WeakETag = "W/\"abc-1;x y\"";
    public const string LastModified = "Tue, 15 Nov 1994 12:45:26 GMT";
    public const string RetryDate = "Tue, 01 Jan 2030 00:02:00 GMT";
    public const long BombDecompressedBytes = 256L * 1024 * 1024;

    private static readonly byte[] FeedBytes = Encoding.UTF8.GetBytes(FeedXml);

    private readonly ConcurrentDictionary<string, int> _hits = new();
    private readonly ConcurrentQueue<(string Path, string Name, string? Value)> _seenHeaders = new();
    private readonly Lazy<byte[]> _bomb = new(BuildBomb);
    private WebApplication? _app;
    private TcpListener? _canary;
    private int _canaryConnections;
    private int _slowInFlight;
    private int _slowMaxInFlight;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>"127.0.0.1:port" of the feed server: the only private endpoint the tests allow.</summary>
    public string Endpoint => $"127.0.0.1:{BaseUrl.Port}";

    public int CanaryPort { get; private set; }

    public int CanaryConnections => Volatile.Read(ref _canaryConnections);

    public int SlowMaxInFlight => Volatile.Read(ref _slowMaxInFlight);

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    /// <summary>Every value of a request header that the server saw on a path, in arrival order.</summary>
    public IReadOnlyList<string?> Seen(string path, string header) =>
        _seenHeaders.Where(h => h.Path == path && h.Name == header).Select(h => h.Value).ToList();

    /// <summary>Builds the bomb on first use, so that a test can do it before measuring memory.</summary>
    public int BombCompressedBytes => _bomb.Value.Length;

    public void ResetSlowCounter() => Volatile.Write(ref _slowMaxInFlight, 0);

    public async Task InitializeAsync()
    {
        _canary = new TcpListener(IPAddress.Loopback, 0);
        _canary.Start();
        CanaryPort = ((IPEndPoint)_canary.LocalEndpoint).Port;
        _ = AcceptCanaryAsync(_canary);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
            foreach (var name in new[] { "If-None-Match", "If-Modified-Since", "User-Agent", "Accept", "Accept-Encoding" })
            {
                var value = context.Request.Headers[name];
                _seenHeaders.Enqueue((path, name, value.Count == 0 ? null : value.ToString()));
            }
            await next(context);
        });
        Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        _app = app;
    }

    public async Task DisposeAsync()
    {
        _canary?.Stop();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private void Map(WebApplication app)
    {
        // 200 with validators, 304 when both come back exactly as sent (and the 304 repeats none of them).
        Get(app, "/conditional", context =>
        {
            if (context.Request.Headers.IfNoneMatch == WeakETag && context.Request.Headers.IfModifiedSince == LastModified)
            {
                context.Response.StatusCode = 304;
                return Task.CompletedTask;
            }
            context.Response.Headers.ETag = WeakETag;
            context.Response.Headers.LastModified = LastModified;
            return WriteFeed(context);
        });

        Get(app, "/static", WriteFeed);

        Get(app, "/gzip", context => WriteEncoded(context, "gzip", s => new GZipStream(s, CompressionLevel.Optimal)));
        Get(app, "/brotli", context => WriteEncoded(context, "br", s => new BrotliStream(s, CompressionLevel.Optimal)));
        Get(app, "/deflate-zlib", context => WriteEncoded(context, "deflate", s => new ZLibStream(s, CompressionLevel.Optimal)));
        Get(app, "/deflate-raw", context => WriteEncoded(context, "deflate", s => new DeflateStream(s, CompressionLevel.Optimal)));
        Get(app, "/gzip-broken", async context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(Encoding.ASCII.GetBytes("this is not gzip at all, just text"));
        });

        Get(app, "/bomb", async context =>
        {
            var bomb = _bomb.Value;
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentType = "application/rss+xml";
            context.Response.ContentLength = bomb.Length;
            await WriteIgnoringAbort(context, bomb);
        });

        // 17 MiB, once with Content-Length (refused from the header) and once chunked (refused while counting).
        Get(app, "/large", async context =>
        {
            context.Response.ContentLength = 17L * 1024 * 1024;
            await WriteZeros(context, 17L * 1024 * 1024);
        });
        Get(app, "/large-chunked", context => WriteZeros(context, 17L * 1024 * 1024));

        Get(app, "/status/{code:int}", context =>
        {
            context.Response.StatusCode = int.Parse((string)context.Request.RouteValues["code"]!, System.Globalization.CultureInfo.InvariantCulture);
            if (context.Request.Query.TryGetValue("retryAfter", out var retry))
                context.Response.Headers.RetryAfter = retry.ToString();
            return Task.CompletedTask;
        });
        Get(app, "/retry-date", context =>
        {
            context.Response.StatusCode = 503;
            context.Response.Headers.RetryAfter = RetryDate;
            return Task.CompletedTask;
        });

        // /chain?codes=301,308: each hop answers with the first code and a relative Location holding the rest.
        Get(app, "/chain", context =>
        {
            var codes = context.Request.Query["codes"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
            if (codes.Length == 0)
                return WriteFeed(context);
            context.Response.StatusCode = int.Parse(codes[0], System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.Location = "chain?codes=" + string.Join(',', codes.Skip(1));
            return Task.CompletedTask;
        });
        Get(app, "/loop/a", context => Redirect(context, 302, "/loop/b"));
        Get(app, "/loop/b", context => Redirect(context, 302, "/loop/a"));
        Get(app, "/redirect", context => Redirect(context, 302, context.Request.Query["to"].ToString()));

        // Headers at once, then one byte every 100 ms for a minute: only a whole-fetch deadline stops it.
        Get(app, "/trickle", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.StartAsync();
            try
            {
                for (var i = 0; i < 600; i++)
                {
                    await context.Response.Body.WriteAsync("x"u8.ToArray(), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                    await Task.Delay(100, context.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        // Counts requests in flight. The count drops before the response is written, so a client that has the
        // whole response can never make the next request overlap with this one on the server's books.
        Get(app, "/slow", async context =>
        {
            var now = Interlocked.Increment(ref _slowInFlight);
            int max;
            while ((max = Volatile.Read(ref _slowMaxInFlight)) < now && Interlocked.CompareExchange(ref _slowMaxInFlight, now, max) != max)
            {
            }
            try
            {
                var ms = context.Request.Query.TryGetValue("ms", out var v) ? int.Parse(v.ToString(), System.Globalization.CultureInfo.InvariantCulture) : 300;
                await Task.Delay(ms, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            finally
            {
                Interlocked.Decrement(ref _slowInFlight);
            }
            await WriteFeed(context);
        });
    }

    private static void Get(WebApplication app, string pattern, RequestDelegate handler) => app.MapGet(pattern, handler);

    private static Task WriteFeed(HttpContext context)
    {
        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        context.Response.ContentLength = FeedBytes.Length;
        return context.Response.Body.WriteAsync(FeedBytes).AsTask();
    }

    private static async Task WriteEncoded(HttpContext context, string encoding, Func<Stream, Stream> compressor)
    {
        var buffer = new MemoryStream();
        await using (var compressing = compressor(buffer))
            await compressing.WriteAsync(FeedBytes);
        // The compressor closed the buffer when it finished; ToArray still works on a closed MemoryStream.
        var bytes = buffer.ToArray();
        context.Response.Headers.ContentEncoding = encoding;
        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }

    private static Task Redirect(HttpContext context, int status, string location)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    private static async Task WriteZeros(HttpContext context, long count)
    {
        var chunk = new byte[64 * 1024];
        try
        {
            for (long sent = 0; sent < count; sent += chunk.Length)
                await context.Response.Body.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, count - sent)), context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client hung up at its cap, which is the point.
        }
    }

    private static async Task WriteIgnoringAbort(HttpContext context, byte[] bytes)
    {
        try
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
        }
    }

    /// <summary>256 MiB of zeros gzip-compressed to about 256 KB, streamed so the zeros never sit in memory.</summary>
    private static byte[] BuildBomb()
    {
        var zeros = new byte[1024 * 1024];
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (long written = 0; written < BombDecompressedBytes; written += zeros.Length)
                gzip.Write(zeros);
        }
        return compressed.ToArray();
    }

    private async Task AcceptCanaryAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
                Interlocked.Increment(ref _canaryConnections);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Stopped at fixture disposal.
        }
    }
}
