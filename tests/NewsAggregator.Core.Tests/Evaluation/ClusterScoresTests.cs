using NewsAggregator.Core.Evaluation;

namespace NewsAggregator.Core.Tests.Evaluation;

public sealed class ClusterScoresTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Score_TextbookExample_MatchesHandComputedFigures()
    {
        // Gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}.
        // B-cubed precision per article: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3 -> 11/15; recall: a 2/3, b 2/3, c 1/3, d 1, e 1 -> 11/15.
        // Pairs: together in both {a,b} {d,e} = 2; predicted pairs 1 + 3 = 4; gold pairs 3 + 1 = 4.
        var (bcubed, pairwise) = ClusterScores.Score(new[] { ("g1", "p1"), ("g1", "p1"), ("g1", "p2"), ("g2", "p2"), ("g2", "p2") });

        Assert.Equal(11.0 / 15, bcubed.Precision, Tolerance);
        Assert.Equal(11.0 / 15, bcubed.Recall, Tolerance);
        Assert.Equal(0.5, pairwise.Precision, Tolerance);
        Assert.Equal(0.5, pairwise.Recall, Tolerance);
        Assert.Equal(0.5, pairwise.F1, Tolerance);
    }

    [Fact]
    public void Score_EverythingInOneStory_HasFullRecallAndPrecisionOfStoryShares()
    {
        // Gold {a,b} {c,d}; predicted all together: each article's precision is 2/4, recall 1.
        var (bcubed, pairwise) = ClusterScores.Score(new[] { ("g1", 0), ("g1", 0), ("g2", 0), ("g2", 0) });

        Assert.Equal(0.5, bcubed.Precision, Tolerance);
        Assert.Equal(1.0, bcubed.Recall, Tolerance);
        Assert.Equal(2.0 / 3, bcubed.F1, Tolerance);
        Assert.Equal(2.0 / 6, pairwise.Precision, Tolerance);
        Assert.Equal(1.0, pairwise.Recall, Tolerance);
    }

    [Fact]
    public void Score_Singletons_HaveFullPrecisionAndRecallOfOneOverStorySize()
    {
        var (bcubed, _) = ClusterScores.Score(new[] { ("g1", 1), ("g1", 2), ("g1", 3) });

        Assert.Equal(1.0, bcubed.Precision, Tolerance);
        Assert.Equal(1.0 / 3, bcubed.Recall, Tolerance);
    }

    [Fact]
    public void Score_PerfectClustering_IsOneEverywhere()
    {
        var (bcubed, pairwise) = ClusterScores.Score(new[] { ("x", "A"), ("x", "A"), ("y", "B") });

        Assert.Equal(1.0, bcubed.F1, Tolerance);
        Assert.Equal(1.0, pairwise.F1, Tolerance);
    }
}
