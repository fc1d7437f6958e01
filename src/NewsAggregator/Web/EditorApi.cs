using Microsoft.AspNetCore.Http.HttpResults;
using NewsAggregator.Core.Editorial;
using NewsAggregator.Core.Research;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Web;

/// <summary>A story as the stories list shows it.</summary>
public sealed record StoryListItem(
    long Id, string Headline, string? OriginOutletId, string? OriginOutletName, bool OriginExternal, long? OriginArticleId,
    int Members, int Outlets, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, string Character, int Duplicates, int Rewrites, int Related);

/// <summary>A page of a list; <see cref="Next"/> is the cursor of the following page (pass it as <c>after</c>), null on the last.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>/api/stories/{id}: what the story page shows.</summary>
public sealed record StoryResponse(
    long Id, string Headline, int Members, int Outlets, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, string Character,
    StoryOrigin? Origin, string? OriginBasis, IReadOnlyList<StoryMemberView> Timeline, IReadOnlyList<ChainEdgeView> Chain,
    IReadOnlyList<CarriedBy> CarriedBy, IReadOnlyList<CorrectionRow> Corrections);

/// <summary>/api/stories/{id}/compare: both texts cut into sentences, shared ones marked.</summary>
public sealed record CompareResponse(long ArticleId, long SourceId, double ShareOfArticle, IReadOnlyList<TextSegment> Article, IReadOnlyList<TextSegment> Source);

/// <summary>/api/articles/{id}: an article with its versions (without the feed HTML) and sightings.</summary>
public sealed record ArticleResponse(ArticleDetail Article, IReadOnlyList<ArticleVersionSummary> Versions, IReadOnlyList<SightingRow> Sightings);

public sealed record ArticleVersionSummary(int Version, string Title, DateTimeOffset Seen, string? Feed, bool HasHtml);

/// <summary>/api/outlets/{id}: the outlet, its syndication figures and a page of its newest articles.</summary>
public sealed record OutletResponse(OutletRow Outlet, OutletStatistics? Statistics, Paged<OutletArticle> Articles);

public sealed record OutletArticle(long Id, string Title, DateTimeOffset Published, string Url);

/// <summary>The editor's JSON API: everything the pages show, paged by cursor, described at /openapi/v1.json.</summary>
public static class EditorApi
{
    public static IEndpointRouteBuilder MapEditorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("editor");
        api.MapGet("/stories", ListAsync).WithSummary("Stories, newest, biggest or fastest-growing first, filtered; paged by the `next` cursor");
        api.MapGet("/stories/{id:long}", StoryAsync).WithSummary("A story: origin, timeline with grouping reasons, provenance chain, feeds, corrections (a merged story redirects)");
        api.MapGet("/stories/{id:long}/compare", CompareAsync).WithSummary("A member and its source sentence by sentence, shared sentences marked");
        api.MapGet("/articles/{id:long}", ArticleAsync).WithSummary("An article with its versions and sightings");
        api.MapGet("/outlets/{id}", OutletAsync).WithSummary("An outlet, its syndication statistics and its newest articles (paged)");
        return app;
    }

    private static async Task<Results<Ok<Paged<StoryListItem>>, BadRequest<ApiError>>> ListAsync(EditorQueries queries,
        string? sort, string? outlet, string? since, string? until, string? relation, string? q, string? after, int? limit, CancellationToken ct)
    {
        if (!StoryListRequest.TryParse(sort, outlet, since, until, relation, q, after, limit, out var query, out var error))
            return TypedResults.BadRequest(new ApiError(error));
        var page = await queries.StoriesAsync(query, ct);
        return TypedResults.Ok(new Paged<StoryListItem>(page.Stories.Select(s => new StoryListItem(s.Id, s.Headline, s.OriginOutletId, s.OriginOutletName, s.OriginExternal,
            s.OriginArticleId, s.Members, s.Outlets, Time.FromMs(s.OldestMs), Time.FromMs(s.NewestMs), s.Character, s.Duplicates, s.Rewrites, s.Related)).ToList(),
            page.Next?.ToString()));
    }

    private static async Task<Results<Ok<StoryResponse>, RedirectHttpResult, NotFound>> StoryAsync(long id, EditorQueries queries, ClusterStore clusters,
        CorrectionStore corrections, OutletNames names, CancellationToken ct)
    {
        var survivor = await queries.SurvivorAsync(id, ct);
        if (survivor is null)
            return TypedResults.NotFound();
        if (survivor != id)
            return TypedResults.Redirect($"/api/stories/{survivor}");
        var v = await StoryView.LoadAsync(id, queries, clusters, corrections, names, ct);
        if (v is null)
            return TypedResults.NotFound();
        return TypedResults.Ok(new StoryResponse(v.Story.Id, v.Story.Headline, v.Story.Members, v.Outlets, Time.FromMs(v.Story.OldestMs), Time.FromMs(v.Story.NewestMs),
            v.Character, v.Origin, v.Origin is null ? null : StoryPageHtml.Basis(v.Origin.Basis), v.Members, v.Chain, v.CarriedBy, v.Corrections));
    }

    private static async Task<Results<Ok<CompareResponse>, NotFound, BadRequest<ApiError>>> CompareAsync(long id, long? article, long? source,
        EditorQueries queries, ClusterStore clusters, CancellationToken ct)
    {
        if (article is null)
            return TypedResults.BadRequest(new ApiError("article must name a member of the story"));
        var member = await clusters.MemberAsync(article.Value, ct);
        if (member is null || member.StoryId != id || (source ?? member.NearestArticleId) is not { } from)
            return TypedResults.NotFound();
        var texts = await queries.TextsAsync([article.Value, from], ct);
        if (!texts.TryGetValue(article.Value, out var a) || !texts.TryGetValue(from, out var b))
            return TypedResults.NotFound();
        return TypedResults.Ok(new CompareResponse(a.Id, b.Id, SharedPassages.Share(a.Body, b.Body), SharedPassages.Mark(a.Body, b.Body), SharedPassages.Mark(b.Body, a.Body)));
    }

    private static async Task<Results<Ok<ArticleResponse>, NotFound>> ArticleAsync(long id, EditorQueries queries, CancellationToken ct)
    {
        var a = await queries.ArticleAsync(id, ct);
        if (a is null)
            return TypedResults.NotFound();
        var versions = (await queries.VersionsAsync(id, ct)).Select(v => new ArticleVersionSummary(v.Version, v.Title, Time.FromMs(v.SeenMs), v.FeedKey, v.ContentHtml is not null)).ToList();
        return TypedResults.Ok(new ArticleResponse(a, versions, await queries.SightingsAsync(id, ct)));
    }

    private static async Task<Results<Ok<OutletResponse>, NotFound, BadRequest<ApiError>>> OutletAsync(string id, string? after, int? limit, EditorQueries queries, Database database, CancellationToken ct)
    {
        var outlet = await queries.OutletAsync(id, ct);
        if (outlet is null)
            return TypedResults.NotFound();
        long? beforeMs = null, beforeId = null;
        if (!string.IsNullOrEmpty(after))
        {
            if (!StoryCursor.TryParse(after, out var c))
                return TypedResults.BadRequest(new ApiError("after must be a cursor from a previous page"));
            (beforeMs, beforeId) = (c.Key, c.Id);
        }
        var take = Math.Clamp(limit ?? 50, 1, 200);
        var rows = await queries.OutletArticlesAsync(id, beforeMs, beforeId, take + 1, ct);
        var next = rows.Count > take ? new StoryCursor(rows[take - 1].PublishedMs, rows[take - 1].Id).ToString() : null;
        var stats = (await OutletStatistics.LoadAsync(new ResearchStore(database), ct)).FirstOrDefault(s => s.OutletId == id);
        return TypedResults.Ok(new OutletResponse(outlet, stats, new Paged<OutletArticle>(rows.Take(take).Select(r => new OutletArticle(r.Id, r.Title, Time.FromMs(r.PublishedMs), r.CanonicalUrl)).ToList(), next)));
    }
}

/// <summary>Why a request was refused, naming the parameter.</summary>
public sealed record ApiError(string Error);
