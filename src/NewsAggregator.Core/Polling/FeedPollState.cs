using NewsAggregator.Core.Fetching;
using NewsAggregator.Core.Parsing;

namespace NewsAggregator.Core.Polling;

public enum FeedStatus
{
    Active,
    /// <summary>The last poll failed; the feed is backing off.</summary>
    Failing,
    /// <summary>404/410 for long enough and often enough; still polled, rarely, and revived by any success.</summary>
    Dead,
}

/// <summary>The scheduling half of a feed's stored state: what <see cref="PollPolicy"/> reads and returns after each poll.</summary>
public sealed record FeedPollState
{
    public required Uri Url { get; init; }
    public FeedStatus Status { get; init; } = FeedStatus.Active;
    public int ConsecutiveFailures { get; init; }
    /// <summary>First 404/410 of the current NotFound streak.</summary>
    public DateTimeOffset? NotFoundSinceUtc { get; init; }
    public int ConsecutiveNotFound { get; init; }
    /// <summary>Current adaptive interval; zero means not yet known, and the default interval applies.</summary>
    public TimeSpan Interval { get; init; }
    public string? PendingRedirectUrl { get; init; }
    public int PendingRedirectCount { get; init; }
    /// <summary>Operator-visible reason of the last failure, e.g. "NotFound: HTTP 404 …", "Parse MalformedXml: …".</summary>
    public string? LastError { get; init; }
    public DateTimeOffset? LastSuccessUtc { get; init; }
    public DateTimeOffset? NextPollUtc { get; init; }
}

/// <summary>What happened on one poll of a feed.</summary>
public sealed record PollObservation
{
    public required DateTimeOffset NowUtc { get; init; }
    public required FetchResult Fetch { get; init; }
    /// <summary>None when the body parsed or there was nothing to parse.</summary>
    public ParseFailureKind ParseFailure { get; init; }
    public string? ParseError { get; init; }
    /// <summary>Published dates of the items in the fetched feed; empty for 304, unchanged or failed fetches.</summary>
    public IReadOnlyList<DateTimeOffset> ItemDatesUtc { get; init; } = [];
}
