namespace NewsAggregator.Core.Evaluation.Synthetic;

/// <summary>What <see cref="SyntheticCorpus.WriteAsync"/> wrote.</summary>
public sealed record SyntheticSummary(int Articles, int Stories, long Bytes);
