namespace NewsAggregator.Core.Fetching;

/// <summary>One conditional GET of a feed. Validators are sent back exactly as the server gave them.</summary>
public sealed record FetchRequest(Uri Url, string? ETag = null, string? LastModified = null, string? LastBodyHash = null);

public enum FetchOutcome
{
    /// <summary>A new body arrived (status 200 and a hash different from the last one).</summary>
    Fetched,
    /// <summary>The server answered 304 to our validators.</summary>
    NotModified,
    /// <summary>Status 200 but the body hash equals the last one: nothing to parse.</summary>
    Unchanged,
    Failed,
}

/// <summary>Why a fetch failed, as an operator reads it on the feed.</summary>
public enum FetchFailureKind
{
    None,
    InvalidUrl,
    /// <summary>The host resolved to loopback, private, link-local or metadata addresses and the operator did not allow them.</summary>
    RefusedAddress,
    DnsFailure,
    ConnectFailure,
    Timeout,
    TooLarge,
    TooManyRedirects,
    RedirectLoop,
    /// <summary>404 or 410: after long enough the feed is marked dead.</summary>
    NotFound,
    /// <summary>429, or 503 with Retry-After.</summary>
    RateLimited,
    /// <summary>Other 4xx.</summary>
    ClientError,
    /// <summary>5xx.</summary>
    ServerError,
    /// <summary>Broken content encoding, truncated body, TLS or protocol errors.</summary>
    ProtocolError,
    /// <summary>
    /// Nothing was requested: every connection the host is allowed (Fetch:MaxConcurrentPerHost) stayed busy with its
    /// other feeds for Fetch:TimeoutSeconds. Not a failure of this feed: the poll is put off, not backed off.
    /// </summary>
    HostBusy,
}

public sealed record FetchResult
{
    public required FetchOutcome Outcome { get; init; }
    public required Uri RequestedUrl { get; init; }
    /// <summary>The URL the body came from after following redirects.</summary>
    public Uri? FinalUrl { get; init; }
    public int? StatusCode { get; init; }
    public byte[]? Body { get; init; }
    /// <summary>Decompressed size of the body read, also when it was unchanged (and not kept); null when none arrived.</summary>
    public long? BodyBytes { get; init; }
    public string? ContentType { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    /// <summary>Hex SHA-256 of the decompressed body.</summary>
    public string? BodyHash { get; init; }
    /// <summary>Set when every hop from the requested URL to here was 301 or 308: the caller decides when to adopt it.</summary>
    public Uri? PermanentRedirect { get; init; }
    /// <summary>How long the server asked us to wait (Retry-After as seconds or HTTP date, already converted).</summary>
    public TimeSpan? RetryAfter { get; init; }
    public FetchFailureKind Failure { get; init; }
    public string? Error { get; init; }
    public TimeSpan Elapsed { get; init; }

    public bool IsFailure => Outcome == FetchOutcome.Failed;
}
