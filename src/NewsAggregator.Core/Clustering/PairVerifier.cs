using NewsAggregator.Core.Configuration;
using SimMetrics.Net.Metric;

namespace NewsAggregator.Core.Clustering;

/// <summary>Every score behind one pair decision, as stored and shown (short names keep the stored JSON small).</summary>
public sealed record PairScores
{
    /// <summary>SimMetrics Cosine on title + lead terms.</summary>
    public double Cosine { get; init; }
    /// <summary>SimMetrics Dice on title + lead terms.</summary>
    public double Dice { get; init; }
    /// <summary>SimMetrics Overlap coefficient on title terms.</summary>
    public double Overlap { get; init; }
    /// <summary>SimMetrics Jaro-Winkler on title terms (an edit metric: titles only).</summary>
    public double JaroWinkler { get; init; }
    /// <summary>Estimated shingle resemblance from the MinHash signatures.</summary>
    public double Resemblance { get; init; }
    /// <summary>Share of the smaller article's long sentences found verbatim in the other.</summary>
    public double SharedSentences { get; init; }
    /// <summary>Weighted mean of the four SimMetrics scores.</summary>
    public double Text { get; init; }
    /// <summary>The pair's score: the higher of <see cref="Text"/> and <see cref="Resemblance"/>.</summary>
    public double Combined { get; init; }
}

/// <summary>
/// Scores a candidate pair with SimMetrics.Net on bounded, normalized text (ARCHITECTURE, "SimMetrics.Net verifies,
/// it does not search"). SimMetrics metric objects keep state between calls: a verifier belongs to one thread.
/// </summary>
public sealed class PairVerifier
{
    private readonly CosineSimilarity _cosine = new();
    private readonly DiceSimilarity _dice = new();
    private readonly OverlapCoefficient _overlap = new();
    private readonly JaroWinkler _jaroWinkler = new();
    private readonly ClusteringOptions _options;
    private readonly double _weightSum;

    public PairVerifier(ClusteringOptions options)
    {
        _options = options;
        _weightSum = options.TitleLeadCosineWeight + options.TitleLeadDiceWeight + options.TitleOverlapWeight + options.TitleJaroWinklerWeight;
    }

    /// <summary>
    /// The features with only the terms <paramref name="informative"/> keeps in the compared texts: the engine
    /// leaves out words that many unrelated stories share, so that two strike reports are compared on their unions
    /// and cities, not on "walk out over pay".
    /// </summary>
    public static ArticleFeatures Informative(ArticleFeatures features, Func<uint, bool> informative) =>
        features with { TitleText = Keep(features.TitleText, informative), LeadText = Keep(features.LeadText, informative) };

    public PairScores Score(ArticleFeatures a, ArticleFeatures b)
    {
        var o = _options;
        var bothLeads = a.LeadText.Length > 0 && b.LeadText.Length > 0;
        var bothTitles = a.TitleText.Length > 0 && b.TitleText.Length > 0;
        var cosine = bothLeads && o.TitleLeadCosineWeight > 0 ? _cosine.GetSimilarity(a.LeadText, b.LeadText) : 0;
        var dice = bothLeads && o.TitleLeadDiceWeight > 0 ? _dice.GetSimilarity(a.LeadText, b.LeadText) : 0;
        var overlap = bothTitles && o.TitleOverlapWeight > 0 ? _overlap.GetSimilarity(a.TitleText, b.TitleText) : 0;
        var jaroWinkler = bothTitles && o.TitleJaroWinklerWeight > 0 ? _jaroWinkler.GetSimilarity(a.TitleText, b.TitleText) : 0;
        var text = (o.TitleLeadCosineWeight * cosine + o.TitleLeadDiceWeight * dice + o.TitleOverlapWeight * overlap
                    + o.TitleJaroWinklerWeight * jaroWinkler) / _weightSum;
        var resemblance = MinHasher.Resemblance(a.MinHash, b.MinHash);
        var shared = FeatureExtractor.SharedSentences(a.Sentences, b.Sentences).Share;
        return new PairScores
        {
            Cosine = Clean(cosine), Dice = Clean(dice), Overlap = Clean(overlap), JaroWinkler = Clean(jaroWinkler),
            Resemblance = resemblance, SharedSentences = shared, Text = Clean(text), Combined = Math.Max(Clean(text), resemblance),
        };
    }

    private static string Keep(string text, Func<uint, bool> informative)
    {
        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!informative(TextTokens.Hash(token)))
                continue;
            if (kept.Length > 0)
                kept.Append(' ');
            kept.Append(token);
        }
        return kept.ToString();
    }

    // SimMetrics returns NaN for some degenerate inputs; a missing score is no evidence.
    private static double Clean(double value) => double.IsFinite(value) ? Math.Clamp(value, 0, 1) : 0;
}
