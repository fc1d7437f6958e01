namespace NewsAggregator.Core.Editorial;

/// <summary>A story's own row; <see cref="MergedInto"/> set when it was merged into another.</summary>
public sealed record StoryHeader
{
    public long Id { get; init; }
    public int Members { get; init; }
    public long OldestMs { get; init; }
    public long NewestMs { get; init; }
    public long? MergedInto { get; init; }
    /// <summary>The title of the story's first article (a story's id is its first article's id).</summary>
    public string Headline { get; init; } = "";
}

/// <summary>A story's original outlet: the root of its earliest chain (basis "chain") or its earliest report ("earliest").</summary>
public sealed record StoryOrigin
{
    public string OutletId { get; init; } = "";
    public string OutletName { get; init; } = "";
    public bool External { get; init; }
    public long? ArticleId { get; init; }
    public string? ArticleTitle { get; init; }
    public string Basis { get; init; } = "";
}

/// <summary>A chosen provenance edge of a story member (the one its chain follows).</summary>
public sealed record StoryEdge
{
    public long ArticleId { get; init; }
    public long? SourceArticleId { get; init; }
    public string SourceOutletId { get; init; } = "";
    public string SourceOutletName { get; init; } = "";
    public bool SourceExternal { get; init; }
    public string Kind { get; init; } = "";
    public double Confidence { get; init; }
    public long? GapMs { get; init; }
    public string EvidenceJson { get; init; } = "{}";
}

/// <summary>A feed that carried members of a story ("also carried by").</summary>
public sealed record CarriedBy
{
    public long FeedId { get; init; }
    public string FeedKey { get; init; } = "";
    public string? FeedTitle { get; init; }
    public string OutletId { get; init; } = "";
    public int Articles { get; init; }
}

/// <summary>The latest clustering decision of a member, as stored (JSON left for the reader to parse).</summary>
public sealed record MemberDecision
{
    public long ArticleId { get; init; }
    public string Action { get; init; } = "";
    public string Relation { get; init; } = "";
    public long? NearestArticleId { get; init; }
    public double Score { get; init; }
    public string CandidatesJson { get; init; } = "[]";
    public string StoriesJson { get; init; } = "[]";
    public string AlgorithmVersion { get; init; } = "";
    public string SettingsJson { get; init; } = "{}";
}

/// <summary>An article with what the article page shows beside its text.</summary>
public sealed record ArticleDetail
{
    public long Id { get; init; }
    public string CanonicalUrl { get; init; } = "";
    public string OutletId { get; init; } = "";
    public string OutletName { get; init; } = "";
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public string? Author { get; init; }
    public long PublishedMs { get; init; }
    public long FirstSeenMs { get; init; }
    public int Version { get; init; }
    public long? StoryId { get; init; }
    public string? Relation { get; init; }
    public long? NearestArticleId { get; init; }
    public double? Score { get; init; }
}

/// <summary>One stored version of an article; <see cref="ContentHtml"/> is the feed's HTML as fetched (unsafe until sanitised).</summary>
public sealed record ArticleVersionRow
{
    public int Version { get; init; }
    public string Title { get; init; } = "";
    public long SeenMs { get; init; }
    public string? FeedKey { get; init; }
    public string? ContentHtml { get; init; }
}

/// <summary>A feed that carried an article, and when.</summary>
public sealed record SightingRow
{
    public long FeedId { get; init; }
    public string FeedKey { get; init; } = "";
    public string OutletId { get; init; } = "";
    public long FirstSeenMs { get; init; }
    public long LastSeenMs { get; init; }
}

/// <summary>An outlet as stored (directory outlets and external ones found only in attributions).</summary>
public sealed record OutletRow
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Kind { get; init; } = "";
    public string? Country { get; init; }
    public bool External { get; init; }
}

/// <summary>An article's text for the side-by-side view.</summary>
public sealed record ArticleText
{
    public long Id { get; init; }
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public string OutletId { get; init; } = "";
    public string OutletName { get; init; } = "";
    public long PublishedMs { get; init; }
    public string CanonicalUrl { get; init; } = "";
}
