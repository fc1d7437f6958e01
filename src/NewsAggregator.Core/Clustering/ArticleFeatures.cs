namespace NewsAggregator.Core.Clustering;

/// <summary>A term of an article and its weight: 3 per title occurrence, 1 per occurrence in the bounded body.</summary>
public readonly record struct WeightedTerm(uint Term, int Weight);

/// <summary>
/// What clustering knows about one article version, computed once when it is first clustered and stored
/// (table article_features), so that the index can be rebuilt and decisions replayed without re-reading text.
/// </summary>
public sealed record ArticleFeatures
{
    public required long ArticleId { get; init; }
    public required long Version { get; init; }
    public required string OutletId { get; init; }
    public required long PublishedMs { get; init; }
    /// <summary>When the article was first seen (stored): what the index window slides on.</summary>
    public long SeenMs { get; init; }
    /// <summary>Normalized title terms joined by spaces: what edit metrics compare.</summary>
    public required string TitleText { get; init; }
    /// <summary>Title terms then the first lead terms, bounded: what token metrics compare.</summary>
    public required string LeadText { get; init; }
    /// <summary>Distinct terms with their weights, sorted by term; bounded to the heaviest.</summary>
    public required WeightedTerm[] Terms { get; init; }
    /// <summary>Terms posted to the inverted index, chosen by rarity when the article was clustered.</summary>
    public required uint[] IndexTerms { get; init; }
    /// <summary>MinHash signature over word 3-shingles of the bounded body (the title when there is no body).</summary>
    public required uint[] MinHash { get; init; }
    /// <summary>Hashes of the normalized sentences of eight words or more, sorted and distinct.</summary>
    public required uint[] Sentences { get; init; }
    /// <summary>Distinct names of the body (terms capitalised inside a sentence: people, places, organisations), sorted.</summary>
    public uint[] Names { get; init; } = [];
    /// <summary>
    /// Identifiers of the title and lead ("Decree 460"): the kind's term and the kind-with-number term, both also among
    /// <see cref="Terms"/> (so stored). Read from the text when the article is clustered; not stored on their own.
    /// </summary>
    public (uint Kind, uint Full)[] Identifiers { get; init; } = [];
    /// <summary>
    /// Outlets the article credits (attribution phrases, wire credits, declared sources), as outlet ids. Read from
    /// the article's provenance hints when it is clustered; used for its relation, not stored with the features.
    /// </summary>
    public IReadOnlyList<string> CitedOutlets { get; init; } = [];
    /// <summary>Body tokens read (bounded): 0 for a headline without a body.</summary>
    public required int BodyTokens { get; init; }
}
