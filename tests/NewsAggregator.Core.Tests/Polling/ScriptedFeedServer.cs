using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsAggregator.Core.Tests.Polling;

/// <summary>A loopback Kestrel server whose answer for each path a test scripts request by request.</summary>
internal sealed class ScriptedFeedServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Func<HttpContext, int, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private WebApplication _app = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public string Endpoint => $"127.0.0.1:{BaseUrl.Port}";

    public static async Task<ScriptedFeedServer> StartAsync()
    {
        var server = new ScriptedFeedServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        server._app = builder.Build();
        server._app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            var hit = server._hits.AddOrUpdate(path, 1, (_, n) => n + 1);
            if (server._routes.TryGetValue(path, out var handler))
                await handler(context, hit);
            else
                context.Response.StatusCode = 404;
        });
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    /// <summary>handler(context, n): n is the 1-based number of this request to the path.</summary>
    public void On(string path, Func<HttpContext, int, Task> handler) => _routes[path] = handler;

    public static Task Rss(HttpContext context, string xml, string? etag = null)
    {
        if (etag is not null)
        {
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = 304;
                return Task.CompletedTask;
            }
        }
        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        return context.Response.WriteAsync(xml);
    }

    public static string Feed(params (string Link, string Title, string Body)[] items) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Scripted</title><link>https://herald.example/</link>
        {string.Concat(items.Select(i => $"<item><title>{i.Title}</title><link>{i.Link}</link><guid>{i.Link}</guid><pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate><description>{i.Body}</description></item>"))}
        </channel></rss>
        """;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
