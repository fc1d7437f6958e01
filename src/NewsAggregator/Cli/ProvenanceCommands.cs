using System.Globalization;
using System.Text.Json;
using NewsAggregator.Core.Normalizing;
using NewsAggregator.Core.Provenance;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Cli;

/// <summary>`newsagg trace`: an article's provenance chain, edge by edge, with the evidence behind each.</summary>
public static class ProvenanceCommands
{
    public static Task<int> TraceAsync(string[] args, string article, bool json, CancellationToken ct) => Commands.WithSchemaAsync(args, async services =>
    {
        var articles = services.GetRequiredService<ArticleStore>();
        long? id = long.TryParse(article, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : UrlCanonicalizer.Canonicalize(article) is { } url ? (await articles.FindByUrlAsync(url, ct))?.Id : null;
        var chain = id is { } found ? await services.GetRequiredService<ProvenanceStore>().ChainAsync(found, ct) : null;
        if (chain is null)
        {
            await Console.Error.WriteLineAsync($"{article}: no article with this id or URL");
            return 1;
        }
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(chain, Commands.JsonOut));
            return 0;
        }
        Console.Write(Render(chain));
        return 0;
    });

    /// <summary>The chain as text: each article, then the edge leaving it with its kind, confidence, gap and evidence spans.</summary>
    public static string Render(Chain chain)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < chain.Articles.Count; i++)
        {
            var a = chain.Articles[i];
            text.AppendLine(string.Create(inv, $"{(i == 0 ? "" : "↳ ")}article {a.Id} · {a.OutletName} · published {DateTimeOffset.FromUnixTimeMilliseconds(a.PublishedMs):u} · first seen {DateTimeOffset.FromUnixTimeMilliseconds(a.FirstSeenMs):u}"));
            text.AppendLine($"  {a.Title}");
            text.AppendLine($"  {a.CanonicalUrl}");
            if (i >= chain.Edges.Count)
                continue;
            var e = chain.Edges[i];
            var gap = e.GapMs is { } g ? string.Create(inv, $", {TimeSpan.FromMilliseconds(g).TotalHours:F1} h after its source") : "";
            var target = e.SourceArticleId is { } s ? $"article {s} ({e.SourceOutletName})" : $"{e.SourceOutletName} (outlet, no article ingested)";
            text.AppendLine(string.Create(inv, $"  ─ {e.Kind} → {target}, confidence {e.Confidence:F2}{gap}"));
            foreach (var line in EvidenceLines(e.EvidenceJson))
                text.AppendLine($"      {line}");
        }
        text.AppendLine($"root: {chain.RootOutletName}");
        if (chain.StoryId is { } story)
            text.AppendLine($"story {story}: original outlet {chain.StoryOriginOutletName ?? "(not yet decided)"}");
        if (chain.Evidence.Count > 0)
        {
            text.AppendLine("evidence:");
            foreach (var e in chain.Evidence)
                text.AppendLine($"  article {e.ArticleId} {e.Kind}: {e.Value}{(e.OutletId is null ? "" : $" [{e.OutletId}]")} — “{e.Span}”");
        }
        return text.ToString();
    }

    // The spans and scores of an edge's evidence JSON, one per line.
    private static IEnumerable<string> EvidenceLines(string json)
    {
        using var doc = JsonDocument.Parse(json);
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            if (property.Name == "spans" && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var span in property.Value.EnumerateArray())
                    yield return $"{span.GetProperty("kind").GetString()}: “{span.GetProperty("span").GetString()}”";
            }
            else
                yield return $"{property.Name}: {property.Value.GetRawText()}";
        }
    }
}
