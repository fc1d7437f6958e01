namespace NewsAggregator.Core.Clustering;

/// <summary>How a member relates to its nearest earlier neighbour in its story.</summary>
public enum MemberRelation
{
    /// <summary>The first article of its story.</summary>
    Original,
    /// <summary>The same text, give or take boilerplate and light edits.</summary>
    Duplicate,
    /// <summary>Another text that reuses passages of its neighbour.</summary>
    Rewrite,
    /// <summary>The same story told independently: no reused passages.</summary>
    Related,
}

public enum ClusterAction
{
    NewStory,
    Joined,
    /// <summary>Joined the best story and merged the others it bridges into it.</summary>
    JoinedAndMerged,
    /// <summary>A new version of a clustered article: it stays in its story with its new features.</summary>
    Updated,
}

/// <summary>Which index proposed a candidate.</summary>
[Flags]
public enum CandidateChannel
{
    None = 0,
    /// <summary>MinHash LSH over shingles: copies and near-copies.</summary>
    Shingles = 1,
    /// <summary>Inverted index of rare title and lead terms: rewrites and independent reports.</summary>
    Terms = 2,
    /// <summary>Index of long sentences: passages reused word for word.</summary>
    Passages = 4,
    /// <summary>The story's article from an outlet the new article credits.</summary>
    Credit = 8,
}

/// <summary>A candidate article and how it scored against the new one.</summary>
public sealed record CandidatePair(long ArticleId, long StoryId, CandidateChannel Channel, double IndexEvidence, double GapHours, PairScores Scores)
{
    /// <summary>The candidate's outlet (for the relation: an article crediting it is its rewrite).</summary>
    public string OutletId { get; init; } = "";
}

/// <summary>A candidate story scored as a whole.</summary>
public sealed record StoryScore(long StoryId, int Members, double Centroid, double BestPair, long BestArticleId, double GapHours, double Score);

/// <summary>What clustering decided for one article and why: stored, and shown to editors.</summary>
public sealed record ClusterDecision
{
    public required long ArticleId { get; init; }
    public required long Version { get; init; }
    public required long StoryId { get; init; }
    public required ClusterAction Action { get; init; }
    public required MemberRelation Relation { get; init; }
    public long? NearestArticleId { get; init; }
    /// <summary>The joined story's score (0 for a new story).</summary>
    public double Score { get; init; }
    /// <summary>Stories merged into <see cref="StoryId"/> because this article bridged them.</summary>
    public IReadOnlyList<long> MergedStories { get; init; } = [];
    public IReadOnlyList<CandidatePair> Candidates { get; init; } = [];
    public IReadOnlyList<StoryScore> Stories { get; init; } = [];
    /// <summary>
    /// The story's members within the window when the article joined it (merged stories included), in clustering
    /// order: what provenance may name as its source. Not stored; a re-clustering gives the same list.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<long> StoryMembers { get; init; } = [];
}
