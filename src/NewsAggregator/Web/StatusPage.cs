using NewsAggregator.Core.Clustering;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Web;

/// <summary>
/// The first JSON endpoints (feeds, newest articles, an article's clustering and trace, counts, exports). The pages
/// are in <see cref="StoryPages"/> and <see cref="ArticlePages"/>; health and metrics in Operations.OperationsApi.
/// </summary>
public static class StatusPage
{
    public static IEndpointRouteBuilder MapStatusPage(this IEndpointRouteBuilder app)
    {
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
        return app;
    }

    private static object FeedJson(FeedRow f) => new
    {
        f.Id, f.Key, outlet = f.OutletId, f.Url, f.Title, f.Enabled, f.Status, f.LastError, f.LastStatusCode,
        lastPolled = Time.FromMs(f.LastPolledMs), lastSuccess = Time.FromMs(f.LastSuccessMs), nextPoll = Time.FromMs(f.NextPollMs),
        intervalSeconds = f.IntervalS, f.ConsecutiveFailures, f.Polls, f.ArticlesNew,
    };
}
