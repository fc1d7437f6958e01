using NewsAggregator.Core.Clustering;
using NewsAggregator.Core.Configuration;
using SimMetrics.Net.Metric;

namespace NewsAggregator.Core.Tests.Clustering;

public sealed class PairVerifierTests
{
    [Fact]
    public void Scores_WithOwnTokeniser_EqualSimMetricsDefaultTokeniser()
    {
        // The verifier hands SimMetrics a tokeniser that splits on single spaces; on the normalized texts it
        // compares, every token metric must score exactly as SimMetrics' own whitespace tokeniser does.
        var pairs = new[]
        {
            (Articles.DamTitle, Articles.DamBody, Articles.DamTitle, Articles.DamCopyBody),
            (Articles.DamTitle, Articles.DamBody, Articles.ChipTitle, Articles.ChipBody),
        };
        var verifier = new PairVerifier(new ClusteringOptions { TitleLeadDiceWeight = 1 });
        foreach (var (t1, b1, t2, b2) in pairs)
        {
            var a = Articles.Features(1, t1, b1);
            var b = Articles.Features(2, t2, b2);
            var scores = verifier.Score(a, b);
            Assert.Equal(new CosineSimilarity().GetSimilarity(a.LeadText, b.LeadText), scores.Cosine, 12);
            Assert.Equal(new DiceSimilarity().GetSimilarity(a.LeadText, b.LeadText), scores.Dice, 12);
            Assert.Equal(new OverlapCoefficient().GetSimilarity(a.TitleText, b.TitleText), scores.Overlap, 12);
            Assert.Equal(new JaroWinkler().GetSimilarity(a.TitleText, b.TitleText), scores.JaroWinkler, 12);
        }
    }

    [Fact]
    public void Informative_KeepsOnlyAcceptedTerms_InOrder()
    {
        var f = Articles.Features(1, "Varnholt dam bursts after storm", "");
        var kept = PairVerifier.Informative(f, t => t != TextTokens.Hash("storm") && t != TextTokens.Hash("dam"));
        Assert.Equal("varnholt burst", kept.TitleText);
        Assert.Equal("varnholt burst", kept.LeadText);
    }
}
