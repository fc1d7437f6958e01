namespace NewsAggregator.Core.Configuration;

/// <summary>
/// Section "Retention": removing old articles (off by default). An article first seen more than <see cref="Days"/>
/// days ago is removed with everything that refers to it, and leaves a tombstone so that a feed still carrying it does
/// not bring it back.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Articles first seen more than this many days ago are removed. 0: retention is off (nothing is ever removed).</summary>
    public int Days { get; set; }

    /// <summary>How often the retention job runs while the service runs.</summary>
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>Articles removed per write transaction: ingest and clustering take their turns between batches.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>A tombstone is forgotten this many days after the last poll that still carried its item.</summary>
    public int TombstoneDays { get; set; } = 90;

    public bool Enabled => Days > 0;

    /// <summary>Every misconfigured key; <paramref name="clusteringWindowHours"/> is Clustering:WindowHours.</summary>
    public IEnumerable<string> Validate(double clusteringWindowHours)
    {
        if (Days is < 0 or > 36_500)
            yield return $"{Section}:Days must be 0 (off) or between 1 and 36500 (got {Days})";
        // The clustering consumer keeps the articles of its window in memory and joins new ones to their stories:
        // an article removed from the database while still in that window would be a candidate that no longer exists.
        else if (Days > 0 && Days * 24.0 < clusteringWindowHours)
            yield return $"{Section}:Days must be at least Clustering:WindowHours in days ({Math.Ceiling(clusteringWindowHours / 24):0}), so that no article in the clustering window is removed (got {Days})";
        if (IntervalMinutes is < 1 or > 10_080)
            yield return $"{Section}:IntervalMinutes must be between 1 and 10080 (got {IntervalMinutes})";
        if (BatchSize is < 1 or > 100_000)
            yield return $"{Section}:BatchSize must be between 1 and 100000 (got {BatchSize})";
        if (TombstoneDays is < 1 or > 36_500)
            yield return $"{Section}:TombstoneDays must be between 1 and 36500 (got {TombstoneDays})";
    }
}
