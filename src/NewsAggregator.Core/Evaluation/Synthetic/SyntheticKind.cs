namespace NewsAggregator.Core.Evaluation.Synthetic;

/// <summary>
/// How a synthetic article came to be. Finer than the gold <c>relation</c> (a verbatim copy and a light edit are both
/// "duplicate"; a rewrite and an update are both "rewrite") so that tests and benchmarks can check each on its own.
/// </summary>
public enum SyntheticKind
{
    /// <summary>First article of a story of two or more.</summary>
    Root,
    /// <summary>The only article of its story ("unrelated news").</summary>
    Singleton,
    /// <summary>Same title and body under another outlet's boilerplate.</summary>
    Verbatim,
    /// <summary>Headline reworded, one paragraph dropped or one sentence trimmed.</summary>
    LightEdit,
    /// <summary>New headline, facts rephrased, one or two sentences or a quote kept, the source credited.</summary>
    Rewrite,
    /// <summary>Another outlet's own report of the same event: no copied sentence, no credit.</summary>
    Independent,
    /// <summary>A later article of the same outlet with new facts, keeping about half of its earlier text.</summary>
    Update,
}
