using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Outlets;

namespace NewsAggregator.Core.Evaluation.Synthetic;

/// <summary>What to generate. The same options always give the same corpus, byte for byte.</summary>
public sealed record SyntheticOptions
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Exactly this many articles are generated.</summary>
    public required int Articles { get; init; }

    public long Seed { get; init; }

    /// <summary>Story roots arrive at a steady rate chosen so that a day holds about this many articles.</summary>
    public int PerDay { get; init; } = 20_000;

    public DateTimeOffset Start { get; init; } = DefaultStart;

    /// <summary>The publishers; demo outlets (fictional, of the bundled samples) are skipped.</summary>
    public required IReadOnlyList<Outlet> Outlets { get; init; }

    /// <summary>Throws a <see cref="ConfigurationException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (Articles < 0)
            throw new ConfigurationException($"articles must be 0 or more (got {Articles})");
        if (PerDay < 1)
            throw new ConfigurationException($"per-day must be 1 or more (got {PerDay})");
        if (!Outlets.Any(o => !o.Demo))
            throw new ConfigurationException("the outlet directory has no outlet that is not a demo outlet");
    }
}
