using System.Text.Json;
using System.Text.Json.Serialization;
using NewsAggregator.Core.Configuration;

namespace NewsAggregator.Core.Evaluation;

/// <summary>One line of a labelled corpus (format in ../shared/eval/README.md).</summary>
public sealed record EvalArticle
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("outlet")] public required string Outlet { get; init; }
    [JsonPropertyName("url")] public required string Url { get; init; }
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("body")] public string Body { get; init; } = "";
    [JsonPropertyName("published")] public required DateTimeOffset Published { get; init; }
    [JsonPropertyName("story")] public string? Story { get; init; }
    /// <summary>Gold source id; null = known independent. <see cref="DerivedFromKnown"/> tells null from absent.</summary>
    [JsonPropertyName("derived_from")] public string? DerivedFrom { get; init; }
    [JsonIgnore] public bool DerivedFromKnown { get; init; }
    [JsonPropertyName("original_outlet")] public string? OriginalOutlet { get; init; }
    [JsonPropertyName("relation")] public string? Relation { get; init; }
}

/// <summary>A read corpus and what was odd about it (reported, never hidden).</summary>
public sealed record EvalCorpusFile(IReadOnlyList<EvalArticle> Articles, IReadOnlyList<string> Warnings);

/// <summary>
/// Reads a JSON Lines corpus. A line that is not an article stops the read with its file and line number. A repeated
/// id (the BASIL dev file has one) keeps the article under "id#line" with a warning: dropping it would change the
/// scores, and a reference to that id cannot say which of the two it meant.
/// </summary>
public static class EvalCorpus
{
    public static EvalCorpusFile Read(string path)
    {
        var warnings = new List<string>();
        var articles = Stream(path, warnings).ToList();
        return new EvalCorpusFile(articles, warnings);
    }

    /// <summary>The articles one at a time, for corpora too large to hold (the benchmark's million lines).</summary>
    public static IEnumerable<EvalArticle> Stream(string path, List<string> warnings)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            EvalArticle article;
            try
            {
                using var document = JsonDocument.Parse(line);
                article = document.Deserialize<EvalArticle>()! with { DerivedFromKnown = document.RootElement.TryGetProperty("derived_from", out _) };
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                throw new ConfigurationException($"{path}:{number}: not a corpus article ({e.Message})");
            }
            if (!ids.Add(article.Id))
            {
                warnings.Add($"{path}:{number}: id \"{article.Id}\" repeats an earlier line; kept as \"{article.Id}#{number}\"");
                article = article with { Id = $"{article.Id}#{number}" };
                ids.Add(article.Id);
            }
            yield return article;
        }
    }
}
