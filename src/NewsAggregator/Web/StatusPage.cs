using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using NewsAggregator.Core.Clustering;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Web;

/// <summary>
/// The first page: feeds with their polling status and the newest stored articles, rendered on the server. Every
/// value from a feed is HTML-encoded; article text is never emitted as markup. JSON twins serve scripts and tests.
/// </summary>
public static class StatusPage
{
    public static IEndpointRouteBuilder MapStatusPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", RenderAsync);
        var api = app.MapGroup("/api");
        api.MapGet("/feeds", async (FeedStore feeds, CancellationToken ct) => TypedResults.Ok((await feeds.ListAsync(includeDisabled: true, ct)).Select(FeedJson)));
        api.MapGet("/articles", async (ArticleStore articles, int? limit, CancellationToken ct) =>
            TypedResults.Ok((await articles.RecentAsync(Math.Clamp(limit ?? 100, 1, 1000), ct)).Select(a => new
            {
                a.Id, url = a.CanonicalUrl, outlet = a.OutletId, outletName = a.OutletName, a.Title, a.Author,
                published = Time.FromMs(a.PublishedMs), firstSeen = Time.FromMs(a.FirstSeenMs), a.Version, a.Sightings, hints = a.Hints,
            })));
        api.MapGet("/articles/{id:long}/clustering", async Task<IResult> (long id, ClusterStore clusters, CancellationToken ct) =>
            await ClusterExplanation.LoadAsync(clusters, id, ct) is { } why ? TypedResults.Ok(why) : TypedResults.NotFound());
        api.MapGet("/articles/{id:long}/trace", async Task<IResult> (long id, NewsAggregator.Core.Provenance.ProvenanceStore provenance, CancellationToken ct) =>
            await provenance.ChainAsync(id, ct) is { } chain ? TypedResults.Ok(chain) : TypedResults.NotFound());
        api.MapGet("/stats", async (ArticleStore articles, CancellationToken ct) => TypedResults.Ok(await articles.CountsAsync(ct)));
        api.MapGet("/stats/outlets", async (Database database, CancellationToken ct) =>
            TypedResults.Ok(await Core.Research.OutletStatistics.LoadAsync(new Core.Research.ResearchStore(database), ct)));
        // The rows `newsagg export` writes, one table per request, streamed as they are read (no manifest).
        api.MapGet("/export/{what}", IResult (string what, string? format, string? since, string? until, Database database, TimeProvider time, CancellationToken ct) =>
        {
            if (!Core.Research.ExportRequest.TryParseTables([what], out var tables, out var error, "what")
                || !Core.Research.ExportRequest.TryParseFormat(format ?? "jsonl", [Core.Research.ExportFormat.Jsonl, Core.Research.ExportFormat.Csv], out var chosen, out error, "format")
                || !Core.Research.ExportRange.TryParse(since, until, out var range, out error, "since", "until"))
                return TypedResults.BadRequest(new { error });
            if (tables.Count != 1)
                return TypedResults.BadRequest(new { error = "one table per request: " + string.Join(", ", Core.Research.ExportRequest.TableNames) });
            var writer = new Core.Research.ExportWriter(database, time);
            return TypedResults.Stream(stream => writer.WriteTableAsync(tables[0], chosen, range, stream, ct),
                Core.Research.TableWriter.ContentType(chosen), $"{Core.Research.ExportRequest.Name(tables[0])}.{Core.Research.TableWriter.Extension(chosen)}");
        });
        app.MapGet("/healthz", async (ArticleStore articles, CancellationToken ct) =>
        {
            await articles.CountsAsync(ct);
            return TypedResults.Text("ok");
        });
        return app;
    }

    private static object FeedJson(FeedRow f) => new
    {
        f.Id, f.Key, outlet = f.OutletId, f.Url, f.Title, f.Enabled, f.Status, f.LastError, f.LastStatusCode,
        lastPolled = Time.FromMs(f.LastPolledMs), lastSuccess = Time.FromMs(f.LastSuccessMs), nextPoll = Time.FromMs(f.NextPollMs),
        intervalSeconds = f.IntervalS, f.ConsecutiveFailures, f.Polls, f.ArticlesNew,
    };

    private static async Task<IResult> RenderAsync(FeedStore feeds, ArticleStore articles, OutletNames names, CancellationToken ct)
    {
        var feedRows = await feeds.ListAsync(includeDisabled: false, ct);
        var recent = await articles.RecentAsync(200, ct);
        var counts = await articles.CountsAsync(ct);
        var html = new StringBuilder(64 * 1024);
        var e = HtmlEncoder.Default;
        html.Append("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="15">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>NewsAggregator</title>
            <style>
            body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem;color:#222}
            table{border-collapse:collapse;width:100%;margin-bottom:2rem}
            th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
            th{background:#f4f4f4}.active{color:#176d2c}.failing{color:#a15c00}.dead{color:#b00020}
            .muted{color:#777}.num{text-align:right}
            </style></head><body>
            <h1>NewsAggregator</h1>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"counts\">{counts.Articles} articles, {counts.Versions} versions, {counts.Sightings} sightings, {counts.Feeds} feeds, {counts.Queued} queued for clustering. Refreshes every 15 s.</p>");
        html.Append("<h2>Feeds</h2><table id=\"feeds\"><thead><tr><th>Feed</th><th>Outlet</th><th>Status</th><th class=\"num\">Polls</th><th class=\"num\">Articles</th><th>Last poll</th><th>Next poll</th><th>Last error</th></tr></thead><tbody>");
        foreach (var f in feedRows)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td title=\"{e.Encode(f.Url)}\">{e.Encode(f.Key)}</td><td>{e.Encode(names.Name(f.OutletId))}</td><td class=\"{e.Encode(f.Status)}\">{e.Encode(f.Status)}</td>" +
                $"<td class=\"num\">{f.Polls}</td><td class=\"num\">{f.ArticlesNew}</td><td>{When(f.LastPolledMs)}</td><td>{When(f.NextPollMs)}</td><td>{e.Encode(f.LastError ?? "")}</td></tr>");
        }
        html.Append("</tbody></table><h2>Newest articles</h2><table id=\"articles\"><thead><tr><th>Published (UTC)</th><th>Outlet</th><th>Title</th><th class=\"num\">Version</th><th class=\"num\">Feeds</th></tr></thead><tbody>");
        foreach (var a in recent)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{When(a.PublishedMs)}</td><td>{e.Encode(a.OutletName ?? a.OutletId)}</td><td><a href=\"{e.Encode(a.CanonicalUrl)}\" rel=\"noopener noreferrer\">{e.Encode(a.Title)}</a></td>" +
                $"<td class=\"num\">{a.Version}</td><td class=\"num\">{a.Sightings}</td></tr>");
        }
        html.Append("</tbody></table></body></html>");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static string When(long? ms) => ms is { } v ? Time.FromMs(v).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "<span class=\"muted\">–</span>";
}
