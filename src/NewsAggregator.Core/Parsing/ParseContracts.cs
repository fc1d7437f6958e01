namespace NewsAggregator.Core.Parsing;

public enum FeedFormat
{
    Unknown,
    Rss,
    Rdf,
    Atom,
    JsonFeed,
}

/// <summary>Why a body was rejected as a feed, as an operator reads it on the feed.</summary>
public enum ParseFailureKind
{
    None,
    Empty,
    TooLarge,
    /// <summary>Bytes that no detected or declared encoding decodes.</summary>
    Encoding,
    /// <summary>Nesting deeper than the configured limit (stack-overflow attacks).</summary>
    TooDeep,
    /// <summary>Entity expansion beyond the limit (billion laughs).</summary>
    EntityExpansion,
    /// <summary>XML that is not well-formed even after repairing entities and ampersands.</summary>
    MalformedXml,
    MalformedJson,
    /// <summary>Well-formed, but not RSS, RDF, Atom or JSON Feed (an HTML page, say).</summary>
    NotAFeed,
}

public sealed record ParsedItem
{
    /// <summary>guid / atom:id / JSON Feed id.</summary>
    public string? Id { get; init; }
    public string? Link { get; init; }
    public string? Title { get; init; }
    /// <summary>description / summary, as HTML (or text) exactly as the feed had it.</summary>
    public string? SummaryHtml { get; init; }
    /// <summary>content:encoded / atom:content / content_html, as HTML.</summary>
    public string? ContentHtml { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public string? Author { get; init; }
    /// <summary>RSS &lt;source&gt; text or atom:source title: a declared source.</summary>
    public string? SourceName { get; init; }
    /// <summary>RSS &lt;source url&gt; or atom:source link.</summary>
    public string? SourceUrl { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
}

public sealed record ParsedFeed
{
    public required FeedFormat Format { get; init; }
    public string? Title { get; init; }
    public string? Link { get; init; }
    public string? Language { get; init; }
    public required IReadOnlyList<ParsedItem> Items { get; init; }
    /// <summary>The encoding the bytes were decoded with (web name).</summary>
    public string? Encoding { get; init; }
    /// <summary>True when the strict parse failed and HTML entities or bare ampersands were repaired.</summary>
    public bool Repaired { get; init; }
    /// <summary>What was tolerated on the way (an unknown encoding name, items beyond the limit), for the feed's log.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

public sealed record FeedParseResult(ParsedFeed? Feed, ParseFailureKind Failure, string? Error)
{
    public bool Succeeded => Feed is not null;

    public static FeedParseResult Ok(ParsedFeed feed) => new(feed, ParseFailureKind.None, null);

    public static FeedParseResult Fail(ParseFailureKind kind, string error) => new(null, kind, error);
}
