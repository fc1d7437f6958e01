using System.Globalization;

namespace NewsAggregator.Core.Evaluation.Synthetic;

/// <summary>
/// The range of one number slot of an event type. Ranges of an update's {n5} start above the figure it revises
/// (a death toll that rises), so an update never contradicts the report it updates. Decimals is 0, 1 or 2.
/// </summary>
internal readonly record struct SyntheticNumber(double Min, double Max, int Decimals = 0, int Step = 1)
{
    /// <summary>How many different values <see cref="Draw"/> returns.</summary>
    public int Count => Decimals > 0
        ? (int)Math.Round(Max * (Decimals == 1 ? 10.0 : 100.0)) - (int)Math.Round(Min * (Decimals == 1 ? 10.0 : 100.0)) + 1
        : (int)((Max - Min) / Step) + 1;

    public string Draw(SyntheticRandom random)
    {
        if (Decimals > 0)
        {
            var scale = Decimals == 1 ? 10.0 : 100.0;
            var value = random.Between((int)Math.Round(Min * scale), (int)Math.Round(Max * scale)) / scale;
            return value.ToString("F" + Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }
        var steps = (int)((Max - Min) / Step);
        var whole = (long)Min + (long)random.Between(0, steps) * Step;
        return whole.ToString("N0", CultureInfo.InvariantCulture);
    }
}
