namespace NewsAggregator.Core.Evaluation.Synthetic;

/// <summary>A generated article with how it was made (the corpus line holds only <see cref="Article"/>).</summary>
public sealed record SyntheticArticle(EvalArticle Article, SyntheticKind Kind)
{
    /// <summary>The story's event type ("earthquake", "product recall", …).</summary>
    public string EventType { get; init; } = "";
}
