using NewsAggregator.Core.Polling;

namespace NewsAggregator.Core.Storage;

/// <summary>A row of the feeds table: configuration plus polling state.</summary>
public sealed class FeedRow
{
    public long Id { get; set; }
    public string Key { get; set; } = "";
    public string OutletId { get; set; } = "";
    public string Url { get; set; } = "";
    public string ConfiguredUrl { get; set; } = "";
    public string? Title { get; set; }
    public string? SiteLink { get; set; }
    public string Source { get; set; } = "config";
    public bool Enabled { get; set; }
    public string Status { get; set; } = "active";
    public string? Etag { get; set; }
    public string? LastModified { get; set; }
    public string? LastBodyHash { get; set; }
    public long IntervalS { get; set; }
    public int ConsecutiveFailures { get; set; }
    public long? NotFoundSinceMs { get; set; }
    public int ConsecutiveNotFound { get; set; }
    public string? PendingRedirectUrl { get; set; }
    public int PendingRedirectCount { get; set; }
    public string? LastError { get; set; }
    public int? LastStatusCode { get; set; }
    public long? LastPolledMs { get; set; }
    public long? LastSuccessMs { get; set; }
    public long? NextPollMs { get; set; }
    public long Polls { get; set; }
    public long ArticlesNew { get; set; }
    public long CreatedMs { get; set; }

    /// <summary>
    /// Since when the feed has been in trouble: a dead feed since the first 404/410 of its streak, a failing one since
    /// its last successful poll (or since it was added, if it never had one); null for a healthy feed.
    /// </summary>
    public long? ProblemSinceMs => Status switch
    {
        "dead" => NotFoundSinceMs ?? LastSuccessMs ?? CreatedMs,
        "failing" => LastSuccessMs ?? CreatedMs,
        _ => null,
    };

    public FeedPollState ToPollState() => new()
    {
        Url = new Uri(Url),
        Status = Enum.TryParse<FeedStatus>(Status, ignoreCase: true, out var status) ? status : FeedStatus.Active,
        ConsecutiveFailures = ConsecutiveFailures,
        NotFoundSinceUtc = Time.FromMs(NotFoundSinceMs),
        ConsecutiveNotFound = ConsecutiveNotFound,
        Interval = TimeSpan.FromSeconds(IntervalS),
        PendingRedirectUrl = PendingRedirectUrl,
        PendingRedirectCount = PendingRedirectCount,
        LastError = LastError,
        LastSuccessUtc = Time.FromMs(LastSuccessMs),
        NextPollUtc = Time.FromMs(NextPollMs),
    };
}
