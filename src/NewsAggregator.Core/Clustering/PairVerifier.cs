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
    // The compared texts are already normalized tokens joined by single spaces: splitting on the space gives the
    // tokens SimMetrics' own whitespace tokeniser would, without its scan of the rest of the text per token.
    private readonly CosineSimilarity _cosine = new(new SpaceTokeniser());
    private readonly DiceSimilarity _dice = new(new SpaceTokeniser());
    private readonly OverlapCoefficient _overlap = new(new SpaceTokeniser());
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
        Informative(features, SplitText.Of(features.TitleText), SplitText.Of(features.LeadText), informative);

    /// <summary>As above, from the title and lead already split (the engine splits each article once, not once per pair).</summary>
    public static ArticleFeatures Informative(ArticleFeatures features, SplitText title, SplitText lead, Func<uint, bool> informative) =>
        features with { TitleText = title.Keep(informative), LeadText = lead.Keep(informative) };

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

    // SimMetrics returns NaN for some degenerate inputs; a missing score is no evidence.
    private static double Clean(double value) => double.IsFinite(value) ? Math.Clamp(value, 0, 1) : 0;
}

/// <summary>A normalized text split once into its tokens and their term ids.</summary>
public sealed class SplitText
{
    private SplitText(string[] tokens)
    {
        Tokens = tokens;
        Ids = Array.ConvertAll(tokens, TextTokens.Hash);
    }

    public string[] Tokens { get; }
    public uint[] Ids { get; }

    public static SplitText Of(string text) => new(text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The tokens <paramref name="keep"/> accepts, joined by spaces, in order.</summary>
    public string Keep(Func<uint, bool> keep)
    {
        var kept = new System.Text.StringBuilder(Tokens.Length * 8);
        for (var i = 0; i < Tokens.Length; i++)
        {
            if (!keep(Ids[i]))
                continue;
            if (kept.Length > 0)
                kept.Append(' ');
            kept.Append(Tokens[i]);
        }
        return kept.ToString();
    }
}

/// <summary>SimMetrics' tokeniser interface over text whose tokens are separated by single spaces.</summary>
internal sealed class SpaceTokeniser : SimMetrics.Net.API.ITokeniser
{
    public System.Collections.ObjectModel.Collection<string> Tokenize(string word) =>
        new(word.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public System.Collections.ObjectModel.Collection<string> TokenizeToSet(string word) =>
        new(word.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList());

    public string Delimiters => " ";
    public string ShortDescriptionString => "SpaceTokeniser";
    public SimMetrics.Net.API.ITermHandler StopWordHandler { get; set; } = new SimMetrics.Net.Utilities.DummyStopTermHandler();
}
