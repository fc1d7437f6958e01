using System.Globalization;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NewsAggregator.Tests.Durability;

/// <summary>
/// RSS 2.0 feeds at /feed/{n} on loopback where every request carries items never served before (links numbered from
/// one counter, no ETag, always 200), so that every poll of the worker writes many new articles.
/// </summary>
public sealed class ChurningFeedServer : IAsyncDisposable
{
    private static readonly string[] Subjects =
        ["The city council", "A regional court", "The health ministry", "Harbour workers", "The central bank", "A university team", "Rail operators", "Local farmers"];
    private static readonly string[] Verbs =
        ["approves", "rejects", "delays", "announces", "reviews", "questions", "expands", "suspends"];
    private static readonly string[] Objects =
        ["a new budget", "the bridge repairs", "a water tariff", "the school reform", "an energy plan", "the port expansion", "a tram line", "the housing rules"];

    private readonly WebApplication _app;
    private readonly int _itemsPerResponse;
    private long _lastItem;
    private long _responses;
    private TaskCompletionSource _nextResponse = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChurningFeedServer(WebApplication app, int itemsPerResponse)
    {
        _app = app;
        _itemsPerResponse = itemsPerResponse;
    }

    /// <summary>http://127.0.0.1:PORT, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>127.0.0.1:PORT, as the worker's Fetch:AllowedPrivateEndpoints expects it.</summary>
    public string Endpoint => new Uri(BaseUrl).Authority;

    public long ItemsServed => Interlocked.Read(ref _lastItem);

    public long Responses => Interlocked.Read(ref _responses);

    /// <summary>Completes when the next feed body has been rendered: the moment a poll's ingest begins.</summary>
    public Task NextResponse => Volatile.Read(ref _nextResponse).Task;

    public string FeedUrl(int n) => $"{BaseUrl}/feed/{n}";

    public static async Task<ChurningFeedServer> StartAsync(int itemsPerResponse)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var server = new ChurningFeedServer(app, itemsPerResponse);
        app.MapGet("/feed/{n:int}", (int n) => Results.Text(server.Render(n), "application/rss+xml; charset=utf-8", Encoding.UTF8));
        await app.StartAsync();
        server.BaseUrl = app.Urls.Single().TrimEnd('/');
        return server;
    }

    private string Render(int feed)
    {
        Interlocked.Increment(ref _responses);
        var now = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        var xml = new StringBuilder(capacity: 600 * _itemsPerResponse);
        xml.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Churning feed {feed}</title><link>{BaseUrl}/</link>
            <description>New items on every request</description><lastBuildDate>{now}</lastBuildDate>
            """);
        for (var i = 0; i < _itemsPerResponse; i++)
        {
            var n = Interlocked.Increment(ref _lastItem);
            var subject = Subjects[n % Subjects.Length];
            var verb = Verbs[n / Subjects.Length % Verbs.Length];
            var what = Objects[n / (Subjects.Length * Verbs.Length) % Objects.Length];
            var title = $"{subject} {verb} {what} (report {n})";
            var body = $"{subject} {verb} {what} after a long meeting on Tuesday, according to report number {n}. " +
                $"Officials said the decision for feed {feed} would be reviewed again next month. " +
                "Residents who spoke to reporters were divided, and several groups promised to keep campaigning. " +
                "A final vote is expected before the end of the year.";
            xml.Append(CultureInfo.InvariantCulture, $"""
                <item><title>{SecurityElement.Escape(title)}</title><link>{BaseUrl}/a/{n}</link><guid isPermaLink="true">{BaseUrl}/a/{n}</guid>
                <description>{SecurityElement.Escape(body)}</description><pubDate>{now}</pubDate></item>
                """);
        }
        xml.Append("</channel></rss>");
        Interlocked.Exchange(ref _nextResponse, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return xml.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
