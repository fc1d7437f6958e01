namespace NewsAggregator.Core.Normalizing;

public enum HintKind
{
    /// <summary>RSS &lt;source&gt; or atom:source.</summary>
    Declared,
    /// <summary>A link rel=canonical or an item link pointing at another outlet's domain.</summary>
    Canonical,
    /// <summary>A link in the content to another site.</summary>
    Link,
    /// <summary>A wire credit such as "(Reuters) -" or "— AP".</summary>
    WireCredit,
    /// <summary>An attribution phrase such as "according to The Guardian" or "a report by X revealed".</summary>
    Attribution,
}

/// <summary>A clue to where an article came from, kept as data for provenance (ARCHITECTURE step 7).</summary>
public sealed record ProvenanceHint(HintKind Kind, string Value, string? Evidence = null);

/// <summary>What the feed we polled says about itself: the context an item is normalized in.</summary>
public sealed record FeedContext(long FeedId, string OutletId, string OutletName, Uri FeedUrl, string? SiteLink = null);

public sealed record NormalizedArticle
{
    public required string CanonicalUrl { get; init; }
    public string? Guid { get; init; }
    public required string Title { get; init; }
    /// <summary>Plain text, paragraphs separated by a blank line, boilerplate removed.</summary>
    public required string Body { get; init; }
    public string? Author { get; init; }
    public required DateTimeOffset PublishedUtc { get; init; }
    /// <summary>True when the feed gave no usable date and first-seen time was used.</summary>
    public bool PublishedIsFirstSeen { get; init; }
    public DateTimeOffset? UpdatedUtc { get; init; }
    /// <summary>Hex SHA-256 over title and body: a change means a new version.</summary>
    public required string ContentHash { get; init; }
    public IReadOnlyList<ProvenanceHint> Hints { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>
    /// The feed's own HTML (content, else summary), as fetched and cut at <see cref="ArticleNormalizer.MaxContentHtmlChars"/>;
    /// null when the item has none. Never shown as is: the page sanitises it.
    /// </summary>
    public string? ContentHtml { get; init; }
}
