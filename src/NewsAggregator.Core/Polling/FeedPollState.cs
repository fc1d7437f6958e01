using NewsAggregator.Core.Fetching;
using NewsAggregator.Core.Parsing;

namespace NewsAggregator.Core.Polling;

public enum FeedStatus { Active, Failing, Dead }

public sealed record FeedPollState
{
    public required Uri Url { get; init; }
    public FeedStatus Status { get; init; } = FeedStatus.Active;
    public int ConsecutiveFailures { get; init; }
    public DateTimeOffset? NotFoundSinceUtc { get; init; }
    public int ConsecutiveNotFound { get; init; }
    public TimeSpan Interval { get; init; }
    public string? PendingRedirectUrl { get; init; }
    public int PendingRedirectCount { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset? LastSuccessUtc { get; init; }
    public DateTimeOffset? NextPollUtc { get; init; }
}

public sealed record PollObservation
{
    public required DateTimeOffset NowUtc { get; init; }
    public required FetchResult Fetch { get; init; }
    public ParseFailureKind ParseFailure { get; init; }
    public string? ParseError { get; init; }
    public IReadOnlyList<DateTimeOffset> ItemDatesUtc { get; init; } = [];
}
