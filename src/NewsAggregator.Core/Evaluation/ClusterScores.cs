namespace NewsAggregator.Core.Evaluation;

public sealed record PrecisionRecall(double Precision, double Recall)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// How a predicted clustering compares with gold stories, as ../shared/eval/README.md defines it: B-cubed (Bagga &amp;
/// Baldwin 1998) averaged over articles, and pairwise over all pairs. Both come from the contingency table of
/// (predicted, gold) counts, so scoring is linear in the number of articles, not quadratic.
/// </summary>
public static class ClusterScores
{
    /// <summary>Scores the articles that have both a gold and a predicted story; the others do not count.</summary>
    public static (PrecisionRecall BCubed, PrecisionRecall Pairwise) Score<TGold, TPredicted>(IEnumerable<(TGold Gold, TPredicted Predicted)> articles)
        where TGold : notnull
        where TPredicted : notnull
    {
        var cells = new Dictionary<(TPredicted, TGold), long>();
        var predictedSizes = new Dictionary<TPredicted, long>();
        var goldSizes = new Dictionary<TGold, long>();
        long n = 0;
        foreach (var (gold, predicted) in articles)
        {
            cells[(predicted, gold)] = cells.GetValueOrDefault((predicted, gold)) + 1;
            predictedSizes[predicted] = predictedSizes.GetValueOrDefault(predicted) + 1;
            goldSizes[gold] = goldSizes.GetValueOrDefault(gold) + 1;
            n++;
        }
        if (n == 0)
            return (new PrecisionRecall(0, 0), new PrecisionRecall(0, 0));

        // Every article of a cell has the same B-cubed precision (cell / its predicted story) and recall (cell / its gold story).
        double precision = 0, recall = 0;
        long samePairs = 0;
        foreach (var ((predicted, gold), count) in cells)
        {
            precision += count * (double)count / predictedSizes[predicted];
            recall += count * (double)count / goldSizes[gold];
            samePairs += Pairs(count);
        }
        var predictedPairs = predictedSizes.Values.Sum(Pairs);
        var goldPairs = goldSizes.Values.Sum(Pairs);
        return (
            new PrecisionRecall(precision / n, recall / n),
            new PrecisionRecall(predictedPairs == 0 ? 1 : samePairs / (double)predictedPairs, goldPairs == 0 ? 1 : samePairs / (double)goldPairs));
    }

    private static long Pairs(long size) => size * (size - 1) / 2;
}
