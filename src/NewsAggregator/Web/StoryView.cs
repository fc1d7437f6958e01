using System.Text.Json;
using NewsAggregator.Core.Editorial;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Web;

/// <summary>A member as the story page and /api/stories/{id} show it.</summary>
public sealed record StoryMemberView(
    long ArticleId, string Title, string OutletId, string OutletName, DateTimeOffset Published, string Relation,
    long? NearestArticleId, double Score, string CanonicalUrl, string Reason);

/// <summary>A chosen provenance edge with its evidence in words: spans for credits, shared sentences for copies and rewrites.</summary>
public sealed record ChainEdgeView(
    long ArticleId, long? SourceArticleId, string SourceOutletId, string SourceOutletName, bool SourceExternal,
    string Kind, double Confidence, long? GapMs, IReadOnlyList<string> Evidence, string? Detail);

/// <summary>Everything the story page shows, read once for both the page and the API.</summary>
public sealed record StoryView(
    StoryHeader Story, StoryOrigin? Origin, IReadOnlyList<StoryMemberView> Members, IReadOnlyList<ChainEdgeView> Chain,
    IReadOnlyList<CarriedBy> CarriedBy, IReadOnlyList<Core.Editorial.CorrectionRow> Corrections, int Outlets, string Character)
{
    /// <summary>Evidence spans shown per edge, at most.</summary>
    private const int MaxSpans = 3;

    public static async Task<StoryView?> LoadAsync(long storyId, EditorQueries queries, ClusterStore clusters, CorrectionStore corrections, OutletNames names, CancellationToken ct)
    {
        var story = await queries.StoryAsync(storyId, ct);
        if (story is null)
            return null;
        var origin = await queries.OriginAsync(storyId, ct);
        var members = await clusters.MembersAsync(storyId, ct);
        var edges = await queries.EdgesAsync(storyId, ct);
        var decisions = (await queries.DecisionsAsync(storyId, ct)).ToDictionary(d => d.ArticleId);
        var carried = await queries.CarriedByAsync(storyId, ct);
        var fixes = await corrections.ForStoryAsync(storyId, ct);

        // Text edges carry scores, not spans: their evidence is the sentences the two texts share.
        var textEdges = edges.Where(e => e.SourceArticleId is not null && e.Kind is "copy" or "rewrite").ToList();
        var texts = textEdges.Count == 0 ? new Dictionary<long, ArticleText>()
            : await queries.TextsAsync(textEdges.SelectMany(e => new[] { e.ArticleId, e.SourceArticleId!.Value }), ct);

        var byId = members.ToDictionary(m => m.ArticleId);
        string? Label(long? id) => id is { } v && byId.TryGetValue(v, out var m) ? $"{names.Name(m.OutletId)}'s “{m.Title}”" : null;
        var views = members.Select(m => new StoryMemberView(m.ArticleId, m.Title, m.OutletId, names.Name(m.OutletId), Time.FromMs(m.PublishedMs), m.Relation,
            m.NearestArticleId, m.Score, m.CanonicalUrl,
            GroupingReason.Describe(decisions.TryGetValue(m.ArticleId, out var d) ? GroupingFacts.From(d) : null, m.Relation, Label(m.NearestArticleId)))).ToList();
        var chain = edges.Select(e => Edge(e, texts)).ToList();
        var relations = members.GroupBy(m => m.Relation).ToDictionary(g => g.Key, g => g.Count());
        var character = StoryCharacter.Describe(members.Count, relations.GetValueOrDefault("duplicate"), relations.GetValueOrDefault("rewrite"), relations.GetValueOrDefault("related"));
        return new StoryView(story, origin, views, chain, carried, fixes, members.Select(m => m.OutletId).Distinct().Count(), character);
    }

    private static ChainEdgeView Edge(StoryEdge e, IReadOnlyDictionary<long, ArticleText> texts)
    {
        var spans = new List<string>();
        string? detail = null;
        using (var json = JsonDocument.Parse(e.EvidenceJson))
        {
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("spans", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var span in list.EnumerateArray().Take(MaxSpans))
                {
                    if (span.TryGetProperty("span", out var s) && s.GetString() is { Length: > 0 } text)
                        spans.Add(text);
                }
            }
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("sharedSentences", out var shared) && shared.ValueKind == JsonValueKind.Number && shared.TryGetDouble(out var share))
            {
                detail = $"shares {GroupingReason.Pct(share)} of its long sentences";
                if (root.TryGetProperty("resemblance", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetDouble(out var resemblance))
                    detail += $", {GroupingReason.Pct(resemblance)} of its wording";
            }
        }
        if (e.SourceArticleId is { } source && texts.TryGetValue(e.ArticleId, out var derived) && texts.TryGetValue(source, out var original))
            spans.AddRange(SharedPassages.Shared(derived.Body, original.Body).Take(MaxSpans - spans.Count));
        return new ChainEdgeView(e.ArticleId, e.SourceArticleId, e.SourceOutletId, e.SourceOutletName, e.SourceExternal, e.Kind, e.Confidence, e.GapMs, spans, detail);
    }
}
