using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using NewsAggregator.Core.Editorial;
using static NewsAggregator.Web.Html;

namespace NewsAggregator.Web;

/// <summary>The story page's markup: where the story came from, its members, why they were grouped, its chain and corrections.</summary>
public static class StoryPageHtml
{
    /// <param name="tokens">The anti-forgery tokens when an editor is signed in (correction forms shown), else null.</param>
    public static string Render(StoryView view, AntiforgeryTokenSet? tokens)
    {
        var s = view.Story;
        var html = new StringBuilder(32 * 1024);
        html.Append($"<h1>{E(s.Headline)}</h1>");
        Origin(html, view);
        html.Append($"<p class=\"summary\">{E(s.Members)} article(s) from {E(view.Outlets)} outlet(s), first seen {When(s.OldestMs)}, last seen {When(s.NewestMs)}: {E(view.Character)}.</p>");
        Timeline(html, view, tokens);
        Grouping(html, view);
        Chain(html, view);
        CarriedBy(html, view);
        Corrections(html, view, tokens);
        return html.ToString();
    }

    private static void Origin(StringBuilder html, StoryView view)
    {
        html.Append("<p id=\"origin\">");
        if (view.Origin is not { } o)
        {
            html.Append("Where this story came from is not traced yet.</p>");
            return;
        }
        html.Append($"Original outlet: <strong class=\"{(o.External ? "external" : "")}\">{Outlet(o.OutletId, o.OutletName, o.External)}</strong>");
        if (o.ArticleId is { } original)
            html.Append($", with its article <a href=\"/articles/{E(original)}\">{E(o.ArticleTitle ?? $"#{original}")}</a>");
        else
            html.Append(" (none of its articles is stored here: the story names it)");
        html.Append(". ").Append(E(Basis(o.Basis))).Append("</p>");
    }

    /// <summary>The basis of a story's origin in words.</summary>
    public static string Basis(string basis) => basis switch
    {
        "chain" => "Found by following the chain of copies and credits back to where it ends.",
        "earliest" => "No member derives from another outlet's report, so the earliest report counts as the original.",
        "editor" or "correction" or "set-origin" => "Set by an editor.",
        _ => $"Basis: {basis}.",
    };

    private static void Timeline(StringBuilder html, StoryView view, AntiforgeryTokenSet? tokens)
    {
        html.Append("<h2>Timeline</h2>");
        // Signed in, the timeline is the split form: one checkbox per member in its row.
        if (tokens is not null)
            html.Append($"<form id=\"split\" class=\"correction\" method=\"post\" action=\"/stories/{E(view.Story.Id)}/split\">{Token(tokens)}");
        html.Append("<div class=\"scroll\"><table id=\"timeline\" class=\"cards\"><thead><tr>");
        if (tokens is not null)
            html.Append("<th>Split out</th>");
        html.Append("<th>Outlet</th><th>Published</th><th>Relation</th><th class=\"num\">Score</th><th>Article</th><th>Compare</th></tr></thead><tbody>");
        var nearest = view.Chain.ToDictionary(c => c.ArticleId, c => c.SourceArticleId);
        foreach (var m in view.Members)
        {
            html.Append($"<tr data-article-id=\"{E(m.ArticleId)}\">");
            if (tokens is not null)
                html.Append($"<td data-label=\"Split out\"><input type=\"checkbox\" name=\"article\" value=\"{E(m.ArticleId)}\" aria-label=\"split out {E(m.Title)}\"></td>");
            html.Append($"<td class=\"outlet\" data-label=\"Outlet\">{Outlet(m.OutletId, m.OutletName, false)}</td>")
                .Append($"<td class=\"published\" data-label=\"Published\">{E(m.Published.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))} UTC</td>")
                .Append($"<td class=\"relation relation-{E(m.Relation)}\" data-label=\"Relation\">{E(m.Relation)}</td>")
                .Append($"<td class=\"score\" data-label=\"Score\">{(m.Relation == "original" ? "–" : Number(m.Score))}</td>")
                .Append($"<td class=\"title\" data-label=\"Article\"><a href=\"/articles/{E(m.ArticleId)}\">{E(m.Title)}</a> <a class=\"hint\" href=\"/articles/{E(m.ArticleId)}/why\">why here?</a></td>");
            var source = nearest.GetValueOrDefault(m.ArticleId) ?? m.NearestArticleId;
            html.Append(source is { } src
                ? $"<td class=\"compare\" data-label=\"Compare\"><a href=\"/stories/{E(view.Story.Id)}/compare?article={E(m.ArticleId)}&amp;source={E(src)}\">beside its source</a></td>"
                : "<td class=\"compare\" data-label=\"Compare\"></td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table></div>");
        if (tokens is not null)
            html.Append("<p><button type=\"submit\">Split the ticked articles into a story of their own</button></p></form>");
        html.Append("<p class=\"hint\">Relation to the nearest earlier member: <b>duplicate</b> repeats its text, <b>rewrite</b> reuses its passages or credits it, <b>related</b> reports the same event independently; <b>original</b> started the story. Score: how well the story matched the article when it joined (0–1).</p>");
    }

    private static void Grouping(StringBuilder html, StoryView view)
    {
        html.Append("<section id=\"grouping\"><h2>Why these articles are grouped</h2>");
        html.Append("<p class=\"hint\">Each article was compared with recent stories when it arrived: by shared wording, reused sentences and the rare words and names of its title and lead. It joined the best story when that story's score reached the join threshold.</p><ul>");
        foreach (var m in view.Members)
            html.Append($"<li data-article-id=\"{E(m.ArticleId)}\"><a href=\"/articles/{E(m.ArticleId)}\">{E(m.OutletName)}</a>: {E(m.Reason)} <a class=\"hint\" href=\"/articles/{E(m.ArticleId)}/why\">all figures</a></li>");
        html.Append("</ul></section>");
    }

    private static void Chain(StringBuilder html, StoryView view)
    {
        html.Append("<section id=\"chain\"><h2>Where the text came from</h2>");
        if (view.Chain.Count == 0)
        {
            html.Append("<p>No article of this story derives from another: each was written on its own.</p></section>");
            return;
        }
        html.Append("<p class=\"hint\">Each article below took its text from the one above it; the quoted lines are the evidence.</p>");
        var members = view.Members.ToDictionary(m => m.ArticleId);
        var edges = view.Chain.ToDictionary(c => c.ArticleId);
        // Children by parent: an article parent, or an outlet node ("o:ID") for sources that are not stored here.
        var children = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        var roots = new List<string>();
        foreach (var m in view.Members)
        {
            string parent;
            if (edges.TryGetValue(m.ArticleId, out var e))
                parent = e.SourceArticleId is { } src && members.ContainsKey(src) ? $"a:{src}" : $"o:{e.SourceOutletId}";
            else
                parent = "";
            if (parent.StartsWith("o:", StringComparison.Ordinal) && !children.ContainsKey(parent))
                roots.Add(parent);
            if (parent.Length == 0)
                roots.Add($"a:{m.ArticleId}");
            else
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(m.ArticleId);
        }
        // Articles that neither derive nor are derived from are left out: the tree shows who took from whom.
        roots = roots.Where(r => r.StartsWith("o:", StringComparison.Ordinal) || children.ContainsKey(r)).ToList();
        html.Append("<ul>");
        var seen = new HashSet<long>();
        foreach (var root in roots)
        {
            html.Append("<li>");
            if (root.StartsWith("o:", StringComparison.Ordinal))
            {
                var e = view.Chain.First(c => $"o:{c.SourceOutletId}" == root);
                html.Append($"{Outlet(e.SourceOutletId, e.SourceOutletName, e.SourceExternal)} <span class=\"hint\">(outlet; its article is not stored here)</span>");
            }
            else
            {
                Node(html, members[long.Parse(root.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture)], null);
            }
            Children(html, root, children, members, edges, seen);
            html.Append("</li>");
        }
        html.Append("</ul></section>");
    }

    private static void Children(StringBuilder html, string parent, Dictionary<string, List<long>> children, Dictionary<long, StoryMemberView> members,
        Dictionary<long, ChainEdgeView> edges, HashSet<long> seen)
    {
        if (!children.TryGetValue(parent, out var list))
            return;
        html.Append("<ul>");
        foreach (var id in list.Where(seen.Add))
        {
            html.Append("<li>");
            Node(html, members[id], edges.GetValueOrDefault(id));
            Children(html, $"a:{id}", children, members, edges, seen);
            html.Append("</li>");
        }
        html.Append("</ul>");
    }

    private static void Node(StringBuilder html, StoryMemberView m, ChainEdgeView? edge)
    {
        html.Append($"<a href=\"/outlets/{Uri.EscapeDataString(m.OutletId)}\">{E(m.OutletName)}</a>: <a href=\"/articles/{E(m.ArticleId)}\">{E(m.Title)}</a>");
        if (edge is null)
            return;
        var gap = edge.GapMs is { } ms ? $", {Gap(ms)}" : "";
        html.Append($" <span class=\"edge\">{E(edge.Kind)}, confidence {Number(edge.Confidence)}{E(gap)}{(edge.Detail is null ? "" : "; " + E(edge.Detail))}</span>");
        foreach (var span in edge.Evidence)
            html.Append($"<q class=\"evidence\">{E(span)}</q>");
    }

    /// <summary>A time gap in words: "12 min later", "3.5 h later", "8 min earlier".</summary>
    public static string Gap(long ms)
    {
        var minutes = Math.Abs(ms) / 60_000.0;
        var size = minutes < 90 ? $"{Number(minutes, "0")} min" : $"{Number(minutes / 60, "0.#")} h";
        return size + (ms >= 0 ? " later" : " earlier");
    }

    private static void CarriedBy(StringBuilder html, StoryView view)
    {
        html.Append("<section id=\"carried-by\"><h2>Also carried by</h2>");
        if (view.CarriedBy.Count == 0)
        {
            html.Append("<p>No feed sighting is stored.</p></section>");
            return;
        }
        html.Append("<ul>");
        foreach (var c in view.CarriedBy)
            html.Append($"<li>{E(c.FeedTitle ?? c.FeedKey)} <span class=\"muted\">({E(c.FeedKey)}, {E(c.Articles)} article(s))</span></li>");
        html.Append("</ul></section>");
    }

    private static void Corrections(StringBuilder html, StoryView view, AntiforgeryTokenSet? tokens)
    {
        var id = E(view.Story.Id);
        html.Append("<section id=\"corrections\"><h2>Corrections</h2>");
        if (view.Corrections.Count == 0)
            html.Append("<p>No editor has corrected this story.</p>");
        else
        {
            html.Append("<ul>");
            foreach (var c in view.Corrections)
            {
                var status = c.UndoneBy is not null ? "undone" : c.Status;
                html.Append($"<li data-correction-id=\"{E(c.Id)}\"><span class=\"kind\">{E(c.Kind)}</span> by <span class=\"editor\">{E(c.Editor)}</span>, <span class=\"time\">{When(c.RequestedMs)}</span>: <span class=\"status\">{E(status)}</span>");
                if (!string.IsNullOrEmpty(c.Note))
                    html.Append($" — “{E(c.Note)}”");
                if (c.Error is { Length: > 0 } error)
                    html.Append($" <span class=\"muted\">({E(error)})</span>");
                if (tokens is not null && c.Status == "applied" && c.UndoneBy is null && c.Kind != "undo")
                    html.Append($"<form class=\"undo\" method=\"post\" action=\"/corrections/{E(c.Id)}/undo\">{Token(tokens)}<button type=\"submit\">Undo</button></form>");
                html.Append("</li>");
            }
            html.Append("</ul>");
        }
        if (tokens is null)
        {
            html.Append("<p><a href=\"/signin\">Sign in to correct</a> this story (merge, split, keep apart, set its original outlet).</p></section>");
            return;
        }
        html.Append($"""
            <form id="merge" class="correction" method="post" action="/stories/{id}/merge">{Token(tokens)}
            <label>Merge story number <input name="other" inputmode="numeric" required></label>
            <label>Note <input name="note"></label><button type="submit">Merge into this story</button></form>
            <form id="apart" class="correction" method="post" action="/stories/{id}/apart">{Token(tokens)}
            <label>Article <input name="a" inputmode="numeric" required></label><label>and article <input name="b" inputmode="numeric" required></label>
            <button type="submit">are not the same story</button></form>
            <form id="origin-form" class="correction" method="post" action="/stories/{id}/origin">{Token(tokens)}
            <label>Original outlet id <input name="outlet"></label><label>original article <input name="article" inputmode="numeric"></label>
            <button type="submit">Set the original</button></form>
            """);
        html.Append("</section>");
    }

    private static string Token(AntiforgeryTokenSet tokens) =>
        $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
}
