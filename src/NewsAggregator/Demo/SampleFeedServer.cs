using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsAggregator.Core.Configuration;

namespace NewsAggregator.Demo;

/// <summary>One bundled sample feed: a file served like a publisher would, optionally replaced by a later edition.</summary>
public sealed record SampleFeed(string Id, string Outlet, string File, string? Title, string? Later, string? ContentType);

/// <summary>
/// The demo's stand-in for the publishers: a loopback HTTP server of the bundled sample feeds, so that the demo runs
/// the real fetch path (conditional GET, ETag, 304, content types). A feed with a later edition switches to it from
/// its second request on, which is how the demo shows edits becoming versions and new items arriving.
/// </summary>
public sealed class SampleFeedServer : IAsyncDisposable
{
    private const int LaterFromRequest = 2;
    private readonly WebApplication _app;
    private readonly Dictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private SampleFeedServer(WebApplication app, string folder, IReadOnlyList<SampleFeed> feeds)
    {
        _app = app;
        Folder = folder;
        Feeds = feeds;
    }

    public string Folder { get; }

    public IReadOnlyList<SampleFeed> Feeds { get; }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>"127.0.0.1:port": the one private endpoint the demo's fetcher is allowed to reach.</summary>
    public string Endpoint => $"{BaseUrl.Host}:{BaseUrl.Port}";

    public IReadOnlyList<FeedDefinition> Definitions =>
        Feeds.Select(f => new FeedDefinition(f.Id, f.Outlet, new Uri(BaseUrl, f.File), f.Title)).ToList();

    public static async Task<SampleFeedServer> StartAsync(string folder)
    {
        var list = Path.Combine(folder, "feeds.json");
        var feeds = JsonSerializer.Deserialize<SampleFile>(File.ReadAllText(list), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })?.Feeds
            ?? throw new ConfigurationException($"{list}: expected an object with a \"feeds\" array");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new SampleFeedServer(app, folder, feeds);
        app.MapGet("/{file}", server.Serve);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    private IResult Serve(string file, HttpContext context)
    {
        var feed = Feeds.FirstOrDefault(f => f.File == file);
        if (feed is null)
            return Results.NotFound();
        int request;
        lock (_gate)
            request = _requests[file] = _requests.GetValueOrDefault(file) + 1;
        var path = Path.Combine(Folder, feed.Later is not null && request >= LaterFromRequest ? feed.Later : feed.File);
        if (!File.Exists(path))
            return Results.NotFound();
        var bytes = File.ReadAllBytes(path);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "max-age=10";
        if (context.Request.Headers.IfNoneMatch.Contains(etag))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(bytes, feed.ContentType ?? ContentType(file));
    }

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".json" => "application/feed+json",
        ".atom" => "application/atom+xml",
        _ => "application/rss+xml",
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed record SampleFile(List<SampleFeed>? Feeds);
}
