namespace NewsAggregator.Cli;

/// <summary>The options of `newsagg generate` as given on the command line.</summary>
public sealed record GenerateRequest(int Articles, long Seed, string Out, int PerDay, string Start);
