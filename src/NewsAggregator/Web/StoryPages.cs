using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using NewsAggregator.Core.Editorial;
using NewsAggregator.Core.Storage;
using static NewsAggregator.Web.Html;

namespace NewsAggregator.Web;

/// <summary>
/// The editor's read-only pages: the stories list (also the home page), a story, and a member beside its source.
/// Rendered on the server, no script. Correction forms post to endpoints owned elsewhere.
/// </summary>
public static class StoryPages
{
    /// <summary>Maps every editor page, the stylesheet, the JSON API and its OpenAPI document.</summary>
    public static IEndpointRouteBuilder MapEditorPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/static/site.css", SiteStylesheet.Serve).ExcludeFromDescription();
        app.MapGet("/", ListAsync).ExcludeFromDescription();
        app.MapGet("/stories", ListAsync).ExcludeFromDescription();
        app.MapGet("/stories/{id:long}", StoryAsync).ExcludeFromDescription();
        app.MapGet("/stories/{id:long}/compare", CompareAsync).ExcludeFromDescription();
        app.MapArticlePages();
        app.MapEditorApi();
        return app;
    }

    private static async Task<IResult> ListAsync(EditorQueries queries, string? sort, string? outlet, string? since, string? until, string? relation, string? q, string? after, CancellationToken ct)
    {
        if (!StoryListRequest.TryParse(sort, outlet, since, until, relation, q, after, null, out var query, out var error))
            return BadRequest(error);
        var page = await queries.StoriesAsync(query, ct);
        var outlets = await queries.OutletsAsync(ct);
        var html = new StringBuilder(32 * 1024);
        html.Append("<h1>Stories</h1>");
        Filters(html, query, since, until, outlets);
        if (query.Search is not null)
            html.Append($"<p class=\"hint\">Searching titles and bodies for every word of “{E(query.Search)}” (the newest {EditorQueries.MaxSearchArticles:N0} matching articles).</p>");
        html.Append("""
            <div class="scroll"><table id="stories" class="cards"><thead><tr><th>Story</th><th>Original outlet</th><th class="num">Articles</th>
            <th class="num">Outlets</th><th>First seen</th><th>Last seen</th><th>Mostly</th></tr></thead><tbody>
            """);
        foreach (var s in page.Stories)
        {
            var origin = s.OriginOutletId is null ? "<td class=\"origin\" data-label=\"Original\"><span class=\"muted\">not traced yet</span></td>"
                : $"<td class=\"origin{(s.OriginExternal ? " external" : "")}\" data-label=\"Original\">{Outlet(s.OriginOutletId, s.OriginOutletName ?? s.OriginOutletId, s.OriginExternal)}</td>";
            html.Append($"<tr data-story-id=\"{E(s.Id)}\"><td class=\"headline\"><a href=\"/stories/{E(s.Id)}\">{E(s.Headline)}</a></td>{origin}")
                .Append($"<td class=\"members\" data-label=\"Articles\">{E(s.Members)}</td><td class=\"outlets\" data-label=\"Outlets\">{E(s.Outlets)}</td>")
                .Append($"<td class=\"first-seen\" data-label=\"First seen\">{When(s.OldestMs)}</td><td class=\"last-seen\" data-label=\"Last seen\">{When(s.NewestMs)}</td>")
                .Append($"<td class=\"character\" data-label=\"Mostly\">{E(s.Character)}</td></tr>");
        }
        html.Append("</tbody></table></div>");
        if (page.Stories.Count == 0)
            html.Append("<p>No story matches.</p>");
        html.Append("<nav class=\"pager\">");
        if (query.After is not null)
            html.Append($"<a href=\"/stories{E(StoryListRequest.QueryString(query, null, since, until))}\">First page</a> ");
        if (page.Next is { } next)
            html.Append($"<a rel=\"next\" href=\"/stories{E(StoryListRequest.QueryString(query, next, since, until))}\">Next page</a>");
        html.Append("</nav>");
        html.Append("""
            <p class="hint">A story is the articles that report one event. “Mostly copies”: most articles repeat or rewrite another one's text;
            “independent reports”: most were written separately. The original outlet is where the story's chain of copies and credits ends,
            or its earliest report. Outlets marked <span class="tag external">external</span> are not polled: they are known only because articles credit them.</p>
            """);
        return Result("Stories", html.ToString());
    }

    private static void Filters(StringBuilder html, StoryListQuery query, string? since, string? until, IReadOnlyList<OutletRow> outlets)
    {
        static string Selected(bool on) => on ? " selected" : "";
        html.Append("<form class=\"filters\" method=\"get\" action=\"/stories\">");
        html.Append("<label>Order<select name=\"sort\">");
        foreach (var (value, label) in new[] { ("newest", "Newest"), ("biggest", "Biggest"), ("growing", "Fastest growing") })
            html.Append($"<option value=\"{value}\"{Selected(StoryListQuery.Name(query.Sort) == value)}>{label}</option>");
        html.Append("</select></label><label>Outlet<select name=\"outlet\"><option value=\"\">any</option>");
        foreach (var o in outlets.Where(o => !o.External))
            html.Append($"<option value=\"{E(o.Id)}\"{Selected(o.Id == query.OutletId)}>{E(o.Name)}</option>");
        html.Append("</select></label>");
        html.Append($"<label>Since<input type=\"date\" name=\"since\" value=\"{E(since)}\"></label><label>Until<input type=\"date\" name=\"until\" value=\"{E(until)}\"></label>");
        html.Append("<label>Has a<select name=\"relation\"><option value=\"\">any relation</option>");
        foreach (var r in StoryListQuery.Relations)
            html.Append($"<option value=\"{r}\"{Selected(query.Relation == r)}>{r}</option>");
        html.Append("</select></label>");
        html.Append($"<label>Search<input type=\"search\" name=\"q\" value=\"{E(query.Search)}\" placeholder=\"words in titles and text\"></label>");
        html.Append("<button type=\"submit\">Show</button></form>");
    }

    private static async Task<IResult> StoryAsync(long id, HttpContext http, EditorQueries queries, ClusterStore clusters, CorrectionStore corrections, OutletNames names, IAntiforgery antiforgery, CancellationToken ct)
    {
        var survivor = await queries.SurvivorAsync(id, ct);
        if (survivor is null)
            return NotFound($"There is no story {id}.");
        if (survivor != id)
            return TypedResults.Redirect($"/stories/{survivor}");
        var view = await StoryView.LoadAsync(id, queries, clusters, corrections, names, ct);
        if (view is null)
            return NotFound($"There is no story {id}.");
        var signedIn = http.User.Identity?.IsAuthenticated == true;
        var tokens = signedIn ? antiforgery.GetAndStoreTokens(http) : null;
        return Result(view.Story.Headline, StoryPageHtml.Render(view, tokens));
    }

    private static async Task<IResult> CompareAsync(long id, long? article, long? source, EditorQueries queries, ClusterStore clusters, CancellationToken ct)
    {
        if (article is null)
            return BadRequest("article must name a member of the story");
        var member = await clusters.MemberAsync(article.Value, ct);
        if (member is null || member.StoryId != id)
            return NotFound($"Article {article} is not in story {id}.");
        var from = source ?? member.NearestArticleId;
        if (from is null)
            return NotFound($"Article {article} has no source to compare with.");
        var texts = await queries.TextsAsync([article.Value, from.Value], ct);
        if (!texts.TryGetValue(article.Value, out var a) || !texts.TryGetValue(from.Value, out var b))
            return NotFound("One of the two articles is not stored.");
        var html = new StringBuilder();
        html.Append($"<p><a href=\"/stories/{E(id)}\">← the story</a></p><h1>Side by side</h1>");
        html.Append($"<p class=\"summary\">Highlighted: sentences found in both. The left article repeats {GroupingReason.Pct(SharedPassages.Share(a.Body, b.Body))} of its long sentences from the right one; the right one's text appears to {GroupingReason.Pct(SharedPassages.Share(b.Body, a.Body))} on the left.</p>");
        html.Append("<div class=\"columns\">");
        Column(html, "member", a, b);
        Column(html, "source", b, a);
        html.Append("</div>");
        return Result("Side by side", html.ToString());
    }

    private static void Column(StringBuilder html, string role, ArticleText text, ArticleText other)
    {
        html.Append($"<article class=\"{role}\"><h2><a href=\"/articles/{E(text.Id)}\">{E(text.Title)}</a></h2>")
            .Append($"<p class=\"muted\">{E(text.OutletName)} · {When(text.PublishedMs)}</p>");
        html.Append("<div class=\"text\">");
        foreach (var segment in SharedPassages.Mark(text.Body, other.Body))
            html.Append(segment.Shared ? $"<mark>{E(segment.Text)}</mark>" : E(segment.Text));
        html.Append("</div></article>");
    }
}
