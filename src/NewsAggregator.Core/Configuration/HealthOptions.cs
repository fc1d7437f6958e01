namespace NewsAggregator.Core.Configuration;

/// <summary>Section "Health": what /readyz and the systemd watchdog call healthy.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// /readyz fails while the oldest article waiting for clustering has waited longer than this. The clustering job
    /// runs every few seconds and takes about a millisecond per article, so minutes of lag mean it is stuck or
    /// far behind (a first import of a large backlog also counts: the stories page is not current until it is done).
    /// </summary>
    public int MaxClusteringLagSeconds { get; set; } = 600;

    /// <summary>Each readiness check (and the watchdog's) gives up after this long and counts as failed.</summary>
    public int CheckTimeoutSeconds { get; set; } = 5;

    public IEnumerable<string> Validate()
    {
        if (MaxClusteringLagSeconds is < 1 or > 604_800)
            yield return $"{Section}:MaxClusteringLagSeconds must be between 1 and 604800 (a week) (got {MaxClusteringLagSeconds})";
        if (CheckTimeoutSeconds is < 1 or > 60)
            yield return $"{Section}:CheckTimeoutSeconds must be between 1 and 60 (got {CheckTimeoutSeconds})";
    }
}
