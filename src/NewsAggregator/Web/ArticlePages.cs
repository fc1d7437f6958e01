using System.Text;
using NewsAggregator.Core.Clustering;
using NewsAggregator.Core.Editorial;
using NewsAggregator.Core.Provenance;
using NewsAggregator.Core.Research;
using NewsAggregator.Core.Storage;
using static NewsAggregator.Web.Html;

namespace NewsAggregator.Web;

/// <summary>The article page, its "why", an outlet's syndication figures and the feeds' health.</summary>
public static class ArticlePages
{
    public static IEndpointRouteBuilder MapArticlePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/articles/{id:long}", ArticleAsync).ExcludeFromDescription();
        app.MapGet("/articles/{id:long}/why", WhyAsync).ExcludeFromDescription();
        app.MapGet("/outlets/{id}", OutletAsync).ExcludeFromDescription();
        app.MapGet("/feeds", FeedsAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ArticleAsync(long id, EditorQueries queries, ProvenanceStore provenance, ContentSanitizer sanitizer, CancellationToken ct)
    {
        var a = await queries.ArticleAsync(id, ct);
        if (a is null)
            return NotFound($"There is no article {id}.");
        var versions = await queries.VersionsAsync(id, ct);
        var sightings = await queries.SightingsAsync(id, ct);
        var chain = await provenance.ChainAsync(id, ct);
        var html = new StringBuilder(16 * 1024);
        html.Append($"<h1>{E(a.Title)}</h1><dl class=\"facts\">")
            .Append($"<dt>Outlet</dt><dd>{Outlet(a.OutletId, a.OutletName, false)}</dd>")
            .Append($"<dt>Published</dt><dd>{When(a.PublishedMs)}</dd><dt>First seen</dt><dd>{When(a.FirstSeenMs)}</dd>")
            .Append($"<dt>Address</dt><dd><a href=\"{E(a.CanonicalUrl)}\" rel=\"noopener noreferrer\">{E(a.CanonicalUrl)}</a></dd>");
        if (a.Author is { Length: > 0 } author)
            html.Append($"<dt>Author</dt><dd>{E(author)}</dd>");
        if (a.StoryId is { } story)
            html.Append($"<dt>Story</dt><dd><a href=\"/stories/{E(story)}\">story {E(story)}</a> as <b>{E(a.Relation)}</b> (<a href=\"/articles/{E(id)}/why\">why?</a>)</dd>");
        else
            html.Append("<dt>Story</dt><dd>not clustered yet</dd>");
        html.Append("</dl>");

        // The feed's HTML when stored, made safe by the sanitiser; otherwise the stored text, encoded.
        html.Append("<h2>Text</h2><div id=\"content\">");
        if (versions.FirstOrDefault(v => v.Version == a.Version)?.ContentHtml is { Length: > 0 } content)
            html.Append(sanitizer.Sanitize(content, a.CanonicalUrl));
        else
            html.Append("<div class=\"text\">").Append(E(a.Body)).Append("</div>");
        html.Append("</div>");

        html.Append("<h2>Versions</h2><div class=\"scroll\"><table id=\"versions\"><thead><tr><th>Version</th><th>Seen</th><th>Feed</th><th>Title</th></tr></thead><tbody>");
        foreach (var v in versions)
            html.Append($"<tr><td class=\"num\">{E(v.Version)}</td><td>{When(v.SeenMs)}</td><td>{E(v.FeedKey)}</td><td>{E(v.Title)}</td></tr>");
        html.Append("</tbody></table></div>");

        html.Append("<h2>Carried by</h2><ul id=\"sightings\">");
        foreach (var s in sightings)
            html.Append($"<li>{E(s.FeedKey)} <span class=\"muted\">first {When(s.FirstSeenMs)}, last {When(s.LastSeenMs)}</span></li>");
        html.Append("</ul>");

        if (chain is not null)
            Trace(html, chain);
        return Result(a.Title, html.ToString());
    }

    private static void Trace(StringBuilder html, Chain chain)
    {
        html.Append("<section id=\"trace\"><h2>Where it came from</h2>");
        if (chain.Edges.Count == 0)
            html.Append("<p>Nothing shows this article took its text from another: it counts as its own report.</p>");
        else
        {
            html.Append("<ol>");
            for (var i = 0; i < chain.Edges.Count; i++)
            {
                var e = chain.Edges[i];
                var from = chain.Articles[i];
                var to = i + 1 < chain.Articles.Count ? $"<a href=\"/articles/{E(chain.Articles[i + 1].Id)}\">{E(chain.Articles[i + 1].Title)}</a> ({E(e.SourceOutletName)})" : Outlet(e.SourceOutletId, e.SourceOutletName, false);
                html.Append($"<li>{E(from.OutletName)} → {to}: <span class=\"edge\">{E(e.Kind)}, confidence {Number(e.Confidence)}</span></li>");
            }
            html.Append("</ol>");
        }
        html.Append($"<p>Root: <b>{E(chain.RootOutletName)}</b>.");
        if (chain.StoryOriginOutletName is { } origin)
            html.Append($" The story's original outlet: <b>{E(origin)}</b>.");
        html.Append("</p>");
        if (chain.Evidence.Count > 0)
        {
            html.Append("<h3>Evidence in this article</h3><ul id=\"evidence\">");
            foreach (var ev in chain.Evidence.Where(ev => ev.ArticleId == chain.Articles[0].Id))
                html.Append($"<li>{E(ev.Kind)} ({E(ev.Value)}): <q class=\"evidence\">{E(ev.Span)}</q></li>");
            html.Append("</ul>");
        }
        html.Append("</section>");
    }

    private static async Task<IResult> WhyAsync(long id, ClusterStore clusters, EditorQueries queries, OutletNames names, CancellationToken ct)
    {
        var why = await ClusterExplanation.LoadAsync(clusters, id, ct);
        if (why is null)
            return NotFound($"Article {id} is not clustered.");
        var article = await queries.ArticleAsync(id, ct);
        var html = new StringBuilder(16 * 1024);
        html.Append($"<p><a href=\"/stories/{E(why.StoryId)}\">← story {E(why.StoryId)}</a></p><h1>Why “{E(article?.Title)}” is in this story</h1>");
        foreach (var d in why.Decisions)
        {
            double Setting(string name) => d.Settings.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.Number && v.TryGetDouble(out var x) ? x : double.NaN;
            html.Append($"<section class=\"decision\"><h2>Version {E(d.Version)}: {E(d.Action)}, {E(d.Relation)}</h2>")
                .Append($"<p>Decided {E(d.Decided.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))} UTC by algorithm <b>{E(d.AlgorithmVersion)}</b>, clustering order {E(d.Seq)}. ")
                .Append($"Story score {Number(d.Score)}; join threshold {Number(Setting("JoinThreshold"))}, merge threshold {Number(Setting("MergeThreshold"))}, ")
                .Append($"a copy from {GroupingReason.Pct(Setting("DuplicateResemblance"))} shared wording, a rewrite from {GroupingReason.Pct(Setting("RewriteSharedSentences"))} reused sentences.</p>");
            html.Append("<h3>Candidate articles</h3><div class=\"scroll\"><table class=\"candidates\"><thead><tr><th>Article</th><th>Story</th><th>Found by</th>")
                .Append("<th class=\"num\">Wording</th><th class=\"num\">Sentences</th><th class=\"num\">Cosine</th><th class=\"num\">Overlap</th><th class=\"num\">Jaro-Winkler</th><th class=\"num\">Text</th><th class=\"num\">Pair</th><th class=\"num\">Gap h</th></tr></thead><tbody>");
            foreach (var c in d.Candidates)
            {
                html.Append($"<tr><td><a href=\"/articles/{E(c.ArticleId)}\">{E(c.ArticleId)}</a> {E(names.Name(c.OutletId))}</td><td><a href=\"/stories/{E(c.StoryId)}\">{E(c.StoryId)}</a></td><td>{E(c.Channel.ToString())}</td>")
                    .Append($"<td class=\"num\">{Number(c.Scores.Resemblance)}</td><td class=\"num\">{Number(c.Scores.SharedSentences)}</td><td class=\"num\">{Number(c.Scores.Cosine)}</td><td class=\"num\">{Number(c.Scores.Overlap)}</td>")
                    .Append($"<td class=\"num\">{Number(c.Scores.JaroWinkler)}</td><td class=\"num\">{Number(c.Scores.Text)}</td><td class=\"num\">{Number(c.Scores.Combined)}</td><td class=\"num\">{Number(c.GapHours, "0.0")}</td></tr>");
            }
            html.Append("</tbody></table></div><h3>Stories scored</h3><div class=\"scroll\"><table class=\"stories-scored\"><thead><tr><th>Story</th><th class=\"num\">Members</th><th class=\"num\">Centroid</th><th class=\"num\">Best pair</th><th class=\"num\">Gap h</th><th class=\"num\">Score</th></tr></thead><tbody>");
            foreach (var st in d.Stories)
                html.Append($"<tr><td><a href=\"/stories/{E(st.StoryId)}\">{E(st.StoryId)}</a></td><td class=\"num\">{E(st.Members)}</td><td class=\"num\">{Number(st.Centroid)}</td><td class=\"num\">{Number(st.BestPair)}</td><td class=\"num\">{Number(st.GapHours, "0.0")}</td><td class=\"num\">{Number(st.Score)}</td></tr>");
            html.Append("</tbody></table></div>");
            if (d.MergedStories.Count > 0)
                html.Append($"<p>Merged into the story: {E(string.Join(", ", d.MergedStories))}.</p>");
            html.Append("</section>");
        }
        html.Append("<p class=\"hint\">Wording: estimated share of shared word triples (MinHash). Sentences: share of long sentences reused word for word. Cosine, Overlap, Jaro-Winkler: SimMetrics on the rare terms of title and lead. A story's score = centroid × weight + best pair × weight − a penalty for the time gap.</p>");
        return Result("Why", html.ToString());
    }

    private static async Task<IResult> OutletAsync(string id, EditorQueries queries, Database database, CancellationToken ct)
    {
        var outlet = await queries.OutletAsync(id, ct);
        if (outlet is null)
            return NotFound($"There is no outlet {id}.");
        // The statistics are computed for every outlet at once (ResearchStore); fine for a page opened now and then.
        var stats = (await OutletStatistics.LoadAsync(new ResearchStore(database), ct)).FirstOrDefault(s => s.OutletId == id);
        var articles = await queries.OutletArticlesAsync(id, null, null, 50, ct);
        var html = new StringBuilder();
        html.Append($"<h1>{E(outlet.Name)}{(outlet.External ? " <span class=\"tag external\">external</span>" : "")}</h1>");
        html.Append($"<dl class=\"facts\"><dt>Kind</dt><dd>{E(outlet.Kind)}</dd><dt>Country</dt><dd>{E(outlet.Country ?? "–")}</dd>");
        if (stats is not null)
        {
            html.Append($"<dt>Articles</dt><dd>{E(stats.Articles)}</dd><dt>Own reports</dt><dd>{E(stats.Originals)} ({(stats.ShareOriginal is { } share ? GroupingReason.Pct(share) : "–")})</dd>")
                .Append($"<dt>Taken from others</dt><dd>{E(stats.Derived)}</dd><dt>Copied by others</dt><dd>{E(stats.TimesCopied)} times")
                .Append(stats.MedianCopyDelaySeconds is { } delay ? $", after {StoryPageHtml.Gap((long)(delay * 1000)).Replace(" later", "", StringComparison.Ordinal)} (median)" : "")
                .Append("</dd><dt>Takes most from</dt><dd>")
                .Append(stats.TopSources.Count == 0 ? "–" : string.Join(", ", stats.TopSources.Select(s => $"<a href=\"/outlets/{Uri.EscapeDataString(s.OutletId)}\">{E(s.OutletId)}</a> ({E(s.Edges)})")))
                .Append("</dd>");
        }
        html.Append("</dl>");
        if (outlet.External)
            html.Append("<p class=\"hint\">External: this outlet is not polled; articles here credit it.</p>");
        html.Append("<h2>Newest articles</h2><ul id=\"outlet-articles\">");
        foreach (var a in articles)
            html.Append($"<li>{When(a.PublishedMs)} <a href=\"/articles/{E(a.Id)}\">{E(a.Title)}</a></li>");
        html.Append("</ul>");
        return Result(outlet.Name, html.ToString());
    }

    private static async Task<IResult> FeedsAsync(FeedStore feeds, OutletNames names, CancellationToken ct)
    {
        var rows = await feeds.ListAsync(includeDisabled: true, ct);
        var html = new StringBuilder(16 * 1024);
        html.Append("<h1>Feeds</h1><p class=\"hint\">active: polled normally; failing: the last polls failed (the reason is shown); dead: gone for days, re-checked daily.</p>");
        html.Append("<div class=\"scroll\"><table id=\"feeds\" class=\"cards\"><thead><tr><th>Feed</th><th>Outlet</th><th>Status</th><th class=\"num\">Polls</th><th class=\"num\">Articles</th><th>Last poll</th><th>Next poll</th><th>Last error</th></tr></thead><tbody>");
        foreach (var f in rows)
        {
            var status = f.Enabled ? f.Status : "disabled";
            html.Append($"<tr data-feed-id=\"{E(f.Id)}\"><td data-label=\"Feed\">{E(f.Key)}</td><td data-label=\"Outlet\">{Outlet(f.OutletId, names.Name(f.OutletId), false)}</td>")
                .Append($"<td class=\"status {E(status)}\" data-label=\"Status\">{E(status)}</td><td class=\"num\" data-label=\"Polls\">{E(f.Polls)}</td><td class=\"num\" data-label=\"Articles\">{E(f.ArticlesNew)}</td>")
                .Append($"<td data-label=\"Last poll\">{When(f.LastPolledMs)}</td><td class=\"next-poll\" data-label=\"Next poll\">{When(f.NextPollMs)}</td><td class=\"last-error\" data-label=\"Last error\">{E(f.LastError ?? "")}</td></tr>");
        }
        html.Append("</tbody></table></div>");
        return Result("Feeds", html.ToString());
    }
}
