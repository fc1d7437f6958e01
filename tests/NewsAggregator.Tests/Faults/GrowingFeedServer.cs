using System.Collections.Concurrent;
using System.Globalization;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NewsAggregator.Tests.Faults;

/// <summary>
/// RSS feeds at /feed/{n} on loopback that grow: every request adds new items to the feed and serves its newest
/// <c>window</c> items, as a real feed keeps its recent items. A poll that could not be stored is made good by the
/// next one, so after an outage every item served must end up stored: that is what "no loss" means here.
/// </summary>
public sealed class GrowingFeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly int _addedPerRequest;
    private readonly int _window;
    private readonly ConcurrentDictionary<int, List<long>> _items = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _served = new(StringComparer.Ordinal);
    private long _next;

    private GrowingFeedServer(WebApplication app, int addedPerRequest, int window)
    {
        _app = app;
        _addedPerRequest = addedPerRequest;
        _window = window;
    }

    public string BaseUrl { get; private set; } = "";

    public string Endpoint => new Uri(BaseUrl).Authority;

    public string FeedUrl(int n) => $"{BaseUrl}/feed/{n}";

    /// <summary>Every item URL served so far with when it was first served.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Served => _served;

    public static async Task<GrowingFeedServer> StartAsync(int addedPerRequest, int window)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new GrowingFeedServer(app, addedPerRequest, window);
        app.MapGet("/feed/{n:int}", (int n) => Results.Text(server.Render(n), "application/rss+xml; charset=utf-8", Encoding.UTF8));
        await app.StartAsync();
        server.BaseUrl = app.Urls.Single().TrimEnd('/');
        return server;
    }

    private string Render(int feed)
    {
        long[] newest;
        var items = _items.GetOrAdd(feed, _ => []);
        lock (items)
        {
            for (var i = 0; i < _addedPerRequest; i++)
                items.Add(Interlocked.Increment(ref _next));
            if (items.Count > _window)
                items.RemoveRange(0, items.Count - _window);
            newest = items.ToArray();
        }
        var now = DateTimeOffset.UtcNow;
        var xml = new StringBuilder(capacity: 700 * newest.Length);
        xml.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Growing feed {feed}</title><link>{BaseUrl}/</link><description>grows on every request</description>
            """);
        foreach (var n in newest.Reverse())
        {
            var url = $"{BaseUrl}/a/{feed}/{n}";
            _served.TryAdd(url, now);
            var body = $"Report {n} of feed {feed}: the council met on Tuesday and discussed item {n * 7 % 1000} of its agenda at length. " +
                $"Members asked for figure {n % 97} to be checked again before the next session, and the chair agreed to publish it. " +
                "Residents who followed the meeting said they hoped for a decision before the end of the year.";
            xml.Append(CultureInfo.InvariantCulture, $"""
                <item><title>Council item {n} (feed {feed})</title><link>{url}</link><guid isPermaLink="true">{url}</guid>
                <description>{SecurityElement.Escape(body)}</description><pubDate>{now.ToString("r", CultureInfo.InvariantCulture)}</pubDate></item>
                """);
        }
        xml.Append("</channel></rss>");
        return xml.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
