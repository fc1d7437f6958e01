using System.Globalization;
using System.Text.Json.Serialization;

namespace NewsAggregator.Core.Research;

/// <summary>An outlet another one takes from, with the number of chosen edges pointing there.</summary>
public sealed record UpstreamSource(string OutletId, long Edges);

/// <summary>
/// Who copies whom and how fast, per outlet, from the chosen provenance edges (the one edge per derived article
/// that its chain follows). An article is derived when it has a chosen edge and original otherwise; "copied" counts
/// the chosen edges whose source is this outlet and whose derived article belongs to another outlet, and the median
/// delay is the median time gap of those edges. Upstream sources are where this outlet's chosen edges point, its
/// own articles included (an outlet re-running its own story). Outlets with neither articles nor copies are left out.
/// </summary>
public sealed record OutletStatistics(
    string OutletId,
    string? Name,
    long Articles,
    long Originals,
    long Derived,
    double? ShareOriginal,
    long TimesCopied,
    double? MedianCopyDelaySeconds,
    IReadOnlyList<UpstreamSource> TopSources)
{
    public const int TopSourceCount = 3;

    public static IReadOnlyList<string> Columns { get; } =
        ["outlet_id", "outlet_name", "articles", "originals", "derived", "share_original", "times_copied", "median_copy_delay_seconds", "top_sources"];

    /// <summary>The figures as CSV values; top sources as "id:edges" joined by "; ".</summary>
    public object?[] Values() =>
        [OutletId, Name, Articles, Originals, Derived, ShareOriginal, TimesCopied, MedianCopyDelaySeconds, TopSourcesText];

    [JsonIgnore]
    public string TopSourcesText => string.Join("; ", TopSources.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.OutletId}:{s.Edges}")));

    /// <summary>Most articles first, then most copied, then by id.</summary>
    public static async Task<IReadOnlyList<OutletStatistics>> LoadAsync(ResearchStore store, CancellationToken ct = default)
    {
        var names = await store.OutletNamesAsync(ct);
        var articles = await store.ArticlesPerOutletAsync(ct);
        var derived = await store.DerivedPerOutletAsync(ct);
        var pairs = await store.ChosenEdgesByOutletPairAsync(ct);

        var copied = pairs.Where(p => p.OutletId != p.SourceOutletId)
            .GroupBy(p => p.SourceOutletId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Edges), StringComparer.Ordinal);
        var upstream = pairs.GroupBy(p => p.OutletId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<UpstreamSource>)g.OrderByDescending(p => p.Edges).ThenBy(p => p.SourceOutletId, StringComparer.Ordinal)
                .Take(TopSourceCount).Select(p => new UpstreamSource(p.SourceOutletId, p.Edges)).ToList(),
            StringComparer.Ordinal);

        var rows = new List<OutletStatistics>();
        foreach (var id in articles.Keys.Union(copied.Keys).Order(StringComparer.Ordinal))
        {
            var total = articles.GetValueOrDefault(id);
            var taken = derived.GetValueOrDefault(id);
            var timesCopied = copied.GetValueOrDefault(id);
            var medianMs = timesCopied > 0 ? await store.MedianCopyGapMsAsync(id, ct) : null;
            rows.Add(new OutletStatistics(
                id,
                names.GetValueOrDefault(id),
                total,
                total - taken,
                taken,
                total > 0 ? (double)(total - taken) / total : null,
                timesCopied,
                medianMs / 1000.0,
                upstream.GetValueOrDefault(id) ?? []));
        }
        return rows.OrderByDescending(r => r.Articles).ThenByDescending(r => r.TimesCopied).ThenBy(r => r.OutletId, StringComparer.Ordinal).ToList();
    }
}
