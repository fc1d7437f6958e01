using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Fetching;
using NewsAggregator.Core.Parsing;
using NewsAggregator.Core.Polling;

namespace NewsAggregator.Core.Tests.Polling;

public sealed class PollPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly Uri FeedUrl = new("https://example.org/feed.xml");
    private static readonly Uri MovedUrl = new("https://www.example.org/rss");
    private static readonly Uri OtherUrl = new("https://feeds.example.org/all");

    // Defaults (Min 300 s, Default 900 s, Max 14400 s, MaxBackoff 21600 s) without jitter, so delays are exact.
    private static PollPolicy Exact(Action<SchedulingOptions>? configure = null)
    {
        var options = new SchedulingOptions { JitterFraction = 0 };
        configure?.Invoke(options);
        return new PollPolicy(options);
    }

    private static FeedPollState Feed(int intervalSeconds = 0) =>
        new() { Url = FeedUrl, Interval = TimeSpan.FromSeconds(intervalSeconds) };

    private static PollObservation Fetched(DateTimeOffset now, IReadOnlyList<DateTimeOffset> dates, Uri? redirect = null) => new()
    {
        NowUtc = now,
        Fetch = new FetchResult { Outcome = FetchOutcome.Fetched, RequestedUrl = FeedUrl, StatusCode = 200, PermanentRedirect = redirect },
        ItemDatesUtc = dates,
    };

    private static PollObservation NotModified(DateTimeOffset now, Uri? redirect = null) => new()
    {
        NowUtc = now,
        Fetch = new FetchResult { Outcome = FetchOutcome.NotModified, RequestedUrl = FeedUrl, StatusCode = 304, PermanentRedirect = redirect },
    };

    private static PollObservation Failed(DateTimeOffset now, FetchFailureKind kind, int? status = null, TimeSpan? retryAfter = null) => new()
    {
        NowUtc = now,
        Fetch = new FetchResult
        {
            Outcome = FetchOutcome.Failed,
            RequestedUrl = FeedUrl,
            StatusCode = status,
            Failure = kind,
            Error = status is { } s ? $"HTTP {s} from {FeedUrl}" : "no answer within 30 s",
            RetryAfter = retryAfter,
        },
    };

    private static PollObservation NotFound(DateTimeOffset now) => Failed(now, FetchFailureKind.NotFound, 404);

    /// <summary>Items published every <paramref name="gap"/>, the newest <paramref name="age"/> before now.</summary>
    private static DateTimeOffset[] Every(TimeSpan gap, int count, DateTimeOffset now, TimeSpan age) =>
        Enumerable.Range(0, count).Select(i => now - age - gap * i).ToArray();

    private static TimeSpan Delay(FeedPollState state, DateTimeOffset now) => state.NextPollUtc!.Value - now;

    [Fact]
    public void Next_FetchedWithHourlyItems_IntervalIsHalfTheMeanGap()
    {
        var next = Exact().Next(Feed(), Fetched(T0, Every(TimeSpan.FromHours(1), 10, T0, TimeSpan.FromMinutes(10))));

        Assert.Equal(TimeSpan.FromMinutes(30), next.Interval);
        Assert.Equal(T0 + TimeSpan.FromMinutes(30), next.NextPollUtc);
        Assert.Equal(FeedStatus.Active, next.Status);
        Assert.Equal(T0, next.LastSuccessUtc);
    }

    [Fact]
    public void Next_FetchedWithOldItemsBeyondTheWeek_UsesOnlyRecentItems()
    {
        // Five items 40 minutes apart today, then a long tail of monthly items the feed still carries.
        var dates = Every(TimeSpan.FromMinutes(40), 5, T0, TimeSpan.Zero)
            .Concat(Every(TimeSpan.FromDays(30), 15, T0, TimeSpan.FromDays(20)))
            .ToArray();

        var next = Exact().Next(Feed(), Fetched(T0, dates));

        Assert.Equal(TimeSpan.FromMinutes(20), next.Interval);
    }

    [Fact]
    public void Next_FetchedWithItemsEveryMinute_ClampsToMin()
    {
        var next = Exact().Next(Feed(), Fetched(T0, Every(TimeSpan.FromMinutes(1), 20, T0, TimeSpan.Zero)));

        Assert.Equal(TimeSpan.FromSeconds(300), next.Interval);
        Assert.Equal(T0 + TimeSpan.FromSeconds(300), next.NextPollUtc);
    }

    [Fact]
    public void Next_FetchedWithDailyItems_ClampsToMax()
    {
        var next = Exact().Next(Feed(), Fetched(T0, Every(TimeSpan.FromDays(1), 10, T0, TimeSpan.FromHours(1))));

        Assert.Equal(TimeSpan.FromSeconds(14400), next.Interval);
    }

    [Fact]
    public void Next_FetchedBurstFollowedBySilence_SlowsDown()
    {
        // A minute apart, but the newest is two days old: the feed has gone quiet.
        var next = Exact().Next(Feed(), Fetched(T0, Every(TimeSpan.FromMinutes(1), 20, T0, TimeSpan.FromDays(2))));

        Assert.Equal(TimeSpan.FromSeconds(14400), next.Interval);
    }

    [Fact]
    public void Next_FetchedWithIdenticalDates_KeepsInterval()
    {
        // Feeds that stamp every item with the build time say nothing about their rate.
        var next = Exact().Next(Feed(600), Fetched(T0, Enumerable.Repeat(T0, 10).ToArray()));

        Assert.Equal(TimeSpan.FromSeconds(600), next.Interval);
    }

    [Fact]
    public void Next_FetchedWithFutureDates_TreatsThemAsNow()
    {
        var dates = Every(TimeSpan.FromHours(1), 10, T0, TimeSpan.FromHours(-5));

        var next = Exact().Next(Feed(), Fetched(T0, dates));

        Assert.InRange(next.Interval, TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(14400));
    }

    [Fact]
    public void Next_FirstPollWithoutDates_UsesDefault()
    {
        var next = Exact().Next(Feed(), Fetched(T0, []));

        Assert.Equal(TimeSpan.FromSeconds(900), next.Interval);
        Assert.Equal(T0 + TimeSpan.FromSeconds(900), next.NextPollUtc);
    }

    [Fact]
    public void Next_FetchedWithoutDatesAfterQuietSpell_ReturnsToDefault()
    {
        var next = Exact().Next(Feed(7200), Fetched(T0, []));

        Assert.Equal(TimeSpan.FromSeconds(900), next.Interval);
    }

    [Fact]
    public void Next_FetchedWithoutDatesAndShortInterval_KeepsInterval()
    {
        var next = Exact().Next(Feed(400), Fetched(T0, [T0]));

        Assert.Equal(TimeSpan.FromSeconds(400), next.Interval);
    }

    [Fact]
    public void Next_NotModified_GrowsIntervalGentlyUpToMax()
    {
        var policy = Exact();
        var state = policy.Next(Feed(), NotModified(T0));
        Assert.Equal(TimeSpan.FromSeconds(1125), state.Interval);

        for (var i = 0; i < 30; i++)
            state = policy.Next(state, NotModified(state.NextPollUtc!.Value));

        Assert.Equal(TimeSpan.FromSeconds(14400), state.Interval);
    }

    [Fact]
    public void Next_Success_ResetsFailuresAndError()
    {
        var failing = Feed(900) with { Status = FeedStatus.Failing, ConsecutiveFailures = 4, LastError = "Timeout: x" };

        var next = Exact().Next(failing, NotModified(T0));

        Assert.Equal(FeedStatus.Active, next.Status);
        Assert.Equal(0, next.ConsecutiveFailures);
        Assert.Null(next.LastError);
        Assert.Equal(T0, next.LastSuccessUtc);
    }

    [Fact]
    public void Next_HostBusy_PutsThePollOffWithoutCountingAFailure()
    {
        // Found by the feed farm soak: a healthy feed whose host's connections were all held by hung neighbours was
        // marked failing and backed off although nothing had been asked of it.
        var policy = Exact();
        var healthy = Feed(900) with { LastSuccessUtc = T0.AddMinutes(-15) };

        var state = policy.Next(healthy, Failed(T0, FetchFailureKind.HostBusy, retryAfter: TimeSpan.FromSeconds(30)));

        Assert.Equal(FeedStatus.Active, state.Status);
        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Null(state.LastError);
        Assert.Equal(TimeSpan.FromSeconds(900), state.Interval);
        Assert.Equal(TimeSpan.FromSeconds(30), Delay(state, T0));
    }

    [Fact]
    public void Next_HostBusyWhileFailing_KeepsTheStreakAndItsReason()
    {
        var policy = Exact();
        var failing = policy.Next(Feed(900), Failed(T0, FetchFailureKind.ServerError, 503));

        var state = policy.Next(failing, Failed(T0.AddMinutes(15), FetchFailureKind.HostBusy, retryAfter: TimeSpan.FromSeconds(30)));

        Assert.Equal(FeedStatus.Failing, state.Status);
        Assert.Equal(1, state.ConsecutiveFailures);
        Assert.Equal(failing.LastError, state.LastError);
    }

    [Fact]
    public void Next_RepeatedFailures_BackoffDoublesAndCaps()
    {
        var policy = Exact();
        var state = Feed(900);
        var now = T0;
        var delays = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            state = policy.Next(state, Failed(now, FetchFailureKind.Timeout));
            delays.Add(Delay(state, now).TotalSeconds);
            now = state.NextPollUtc!.Value;
        }

        Assert.Equal([900, 1800, 3600, 7200, 14400, 21600, 21600, 21600], delays);
        Assert.Equal(8, state.ConsecutiveFailures);
        Assert.Equal(TimeSpan.FromSeconds(900), state.Interval);
    }

    [Fact]
    public void Next_FirstFailureOfNewFeed_BacksOffFromDefault()
    {
        var next = Exact().Next(Feed(), Failed(T0, FetchFailureKind.ConnectFailure));

        Assert.Equal(TimeSpan.FromSeconds(900), Delay(next, T0));
        Assert.Equal(FeedStatus.Failing, next.Status);
        Assert.Equal("ConnectFailure: no answer within 30 s", next.LastError);
    }

    [Fact]
    public void Next_ThousandTransientFailures_NeverDead()
    {
        FetchFailureKind[] kinds =
        [
            FetchFailureKind.Timeout, FetchFailureKind.ServerError, FetchFailureKind.DnsFailure,
            FetchFailureKind.ConnectFailure, FetchFailureKind.ProtocolError, FetchFailureKind.ClientError,
        ];
        var policy = Exact();
        var state = Feed();
        var now = T0;
        for (var i = 0; i < 1000; i++)
        {
            state = policy.Next(state, Failed(now, kinds[i % kinds.Length], i % 2 == 0 ? 500 : null));
            Assert.Equal(FeedStatus.Failing, state.Status);
            Assert.InRange(Delay(state, now), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(21600));
            now = state.NextPollUtc!.Value;
        }

        Assert.Equal(1000, state.ConsecutiveFailures);
    }

    [Fact]
    public void Next_NotFoundForLessThanDeadAfterHours_IsNotDead()
    {
        var policy = Exact();
        var state = Feed();
        // Hourly 404s for 71 hours: far more than five polls, not yet long enough.
        for (var h = 0; h <= 71; h++)
            state = policy.Next(state, NotFound(T0 + TimeSpan.FromHours(h)));

        Assert.Equal(FeedStatus.Failing, state.Status);
        Assert.Equal(72, state.ConsecutiveNotFound);
        Assert.Equal(T0, state.NotFoundSinceUtc);
        Assert.StartsWith("NotFound: HTTP 404", state.LastError);
    }

    [Fact]
    public void Next_NotFoundLongEnoughButTooFewPolls_IsNotDead()
    {
        var policy = Exact();
        var state = Feed();
        for (var i = 0; i < 4; i++)
            state = policy.Next(state, NotFound(T0 + TimeSpan.FromDays(2 * i)));

        Assert.Equal(FeedStatus.Failing, state.Status);
        Assert.Equal(4, state.ConsecutiveNotFound);
    }

    [Fact]
    public void Next_NotFoundLongAndOftenEnough_IsDeadWithVisibleReason()
    {
        var policy = Exact();
        var state = Feed();
        for (var i = 0; i < 5; i++)
            state = policy.Next(state, NotFound(T0 + TimeSpan.FromHours(18 * i)));

        var now = T0 + TimeSpan.FromHours(72);
        Assert.Equal(FeedStatus.Dead, state.Status);
        Assert.Equal("Dead: HTTP 404 for 3 days (5 polls)", state.LastError);
        // Still polled, at four times the backoff cap, so that a feed that comes back is noticed.
        Assert.Equal(TimeSpan.FromSeconds(4 * 21600), Delay(state, now));
    }

    [Fact]
    public void Next_NotFoundStreakBrokenByOtherFailure_RestartsTheClock()
    {
        var policy = Exact();
        var state = Feed();
        for (var i = 0; i < 4; i++)
            state = policy.Next(state, NotFound(T0 + TimeSpan.FromDays(i)));
        state = policy.Next(state, Failed(T0 + TimeSpan.FromDays(4), FetchFailureKind.Timeout));
        state = policy.Next(state, NotFound(T0 + TimeSpan.FromDays(5)));

        Assert.Equal(FeedStatus.Failing, state.Status);
        Assert.Equal(1, state.ConsecutiveNotFound);
        Assert.Equal(T0 + TimeSpan.FromDays(5), state.NotFoundSinceUtc);
    }

    private static FeedPollState DeadFeed(PollPolicy policy)
    {
        var state = Feed(600);
        for (var i = 0; i < 5; i++)
            state = policy.Next(state, NotFound(T0 + TimeSpan.FromDays(i)));
        Assert.Equal(FeedStatus.Dead, state.Status);
        return state;
    }

    [Fact]
    public void Next_DeadFeedSucceeds_IsRevived()
    {
        var policy = Exact();
        var now = T0 + TimeSpan.FromDays(10);

        var next = policy.Next(DeadFeed(policy), NotModified(now));

        Assert.Equal(FeedStatus.Active, next.Status);
        Assert.Equal(0, next.ConsecutiveFailures);
        Assert.Equal(0, next.ConsecutiveNotFound);
        Assert.Null(next.NotFoundSinceUtc);
        Assert.Null(next.LastError);
        Assert.Equal(now + TimeSpan.FromSeconds(750), next.NextPollUtc);
    }

    [Fact]
    public void Next_DeadFeedTimesOut_StaysDeadAndPolledRarely()
    {
        var policy = Exact();
        var now = T0 + TimeSpan.FromDays(10);

        var next = policy.Next(DeadFeed(policy), Failed(now, FetchFailureKind.Timeout));

        Assert.Equal(FeedStatus.Dead, next.Status);
        Assert.Equal("Dead: Timeout: no answer within 30 s", next.LastError);
        Assert.Equal(TimeSpan.FromSeconds(4 * 21600), Delay(next, now));
    }

    [Fact]
    public void Next_RetryAfterLongerThanBackoff_IsHonoured()
    {
        var next = Exact().Next(Feed(900), Failed(T0, FetchFailureKind.RateLimited, 429, TimeSpan.FromHours(2)));

        Assert.Equal(TimeSpan.FromHours(2), Delay(next, T0));
        Assert.Equal(FeedStatus.Failing, next.Status);
    }

    [Fact]
    public void Next_RetryAfterShorterThanBackoff_BackoffWins()
    {
        var failing = Feed(900) with { Status = FeedStatus.Failing, ConsecutiveFailures = 3 };

        var next = Exact().Next(failing, Failed(T0, FetchFailureKind.RateLimited, 503, TimeSpan.FromSeconds(60)));

        Assert.Equal(TimeSpan.FromSeconds(7200), Delay(next, T0));
    }

    [Fact]
    public void Next_HostileRetryAfter_IsCapped()
    {
        var next = Exact().Next(Feed(900), Failed(T0, FetchFailureKind.RateLimited, 429, TimeSpan.FromDays(365)));

        Assert.Equal(TimeSpan.FromSeconds(86400), Delay(next, T0));
    }

    [Fact]
    public void Next_RetryAfterWithJitter_NeverEarlier()
    {
        var policy = new PollPolicy(new SchedulingOptions { JitterFraction = 0.5 }, new Random(7));
        var retryAfter = TimeSpan.FromSeconds(1000);
        for (var i = 0; i < 200; i++)
        {
            var next = policy.Next(Feed(900), Failed(T0, FetchFailureKind.RateLimited, 429, retryAfter));
            Assert.True(Delay(next, T0) >= retryAfter, $"polled after {Delay(next, T0)}, before Retry-After {retryAfter}");
        }
    }

    [Fact]
    public void Next_SuccessWithRetryAfter_IgnoresIt()
    {
        var observation = NotModified(T0);
        observation = observation with { Fetch = observation.Fetch with { RetryAfter = TimeSpan.FromDays(1) } };

        var next = Exact().Next(Feed(800), observation);

        Assert.Equal(TimeSpan.FromSeconds(1000), Delay(next, T0));
    }

    [Fact]
    public void Next_Jitter_StaysWithinBoundsAndVaries()
    {
        var policy = new PollPolicy(new SchedulingOptions(), new Random(42));
        var delays = Enumerable.Range(0, 1000)
            .Select(_ => Delay(policy.Next(Feed(1000), Fetched(T0, [])), T0).TotalSeconds)
            .ToList();

        Assert.All(delays, d => Assert.InRange(d, 810, 990)); // default interval 900 ± 10 %
        Assert.True(delays.Min() < 830 && delays.Max() > 970, $"jitter spread {delays.Min()}..{delays.Max()}");
    }

    [Fact]
    public void Next_ZeroJitter_IsExact()
    {
        var policy = new PollPolicy(new SchedulingOptions { JitterFraction = 0 }, new Random(42));

        var next = policy.Next(Feed(1000), Fetched(T0, []));

        Assert.Equal(T0 + TimeSpan.FromSeconds(900), next.NextPollUtc);
    }

    [Fact]
    public void Next_SameRedirectThreeTimes_IsAdopted()
    {
        var policy = Exact();
        var state = policy.Next(Feed(), NotModified(T0, MovedUrl));
        state = policy.Next(state, Fetched(T0 + TimeSpan.FromHours(1), [], MovedUrl));
        Assert.Equal(FeedUrl, state.Url);
        Assert.Equal(MovedUrl.AbsoluteUri, state.PendingRedirectUrl);
        Assert.Equal(2, state.PendingRedirectCount);

        state = policy.Next(state, NotModified(T0 + TimeSpan.FromHours(2), MovedUrl));

        Assert.Equal(MovedUrl, state.Url);
        Assert.Null(state.PendingRedirectUrl);
        Assert.Equal(0, state.PendingRedirectCount);
    }

    [Fact]
    public void Next_DifferentRedirectTarget_RestartsCount()
    {
        var policy = Exact();
        var state = policy.Next(Feed(), NotModified(T0, MovedUrl));
        state = policy.Next(state, NotModified(T0 + TimeSpan.FromHours(1), MovedUrl));
        state = policy.Next(state, NotModified(T0 + TimeSpan.FromHours(2), OtherUrl));

        Assert.Equal(FeedUrl, state.Url);
        Assert.Equal(OtherUrl.AbsoluteUri, state.PendingRedirectUrl);
        Assert.Equal(1, state.PendingRedirectCount);
    }

    [Fact]
    public void Next_PollWithoutRedirect_ResetsCount()
    {
        var policy = Exact();
        var state = policy.Next(Feed(), NotModified(T0, MovedUrl));
        state = policy.Next(state, NotModified(T0 + TimeSpan.FromHours(1), MovedUrl));
        state = policy.Next(state, NotModified(T0 + TimeSpan.FromHours(2)));
        state = policy.Next(state, NotModified(T0 + TimeSpan.FromHours(3), MovedUrl));

        Assert.Equal(FeedUrl, state.Url);
        Assert.Equal(1, state.PendingRedirectCount);
    }

    [Fact]
    public void Next_RedirectToPageThatDoesNotParse_IsNotCounted()
    {
        var policy = Exact();
        var state = Feed();
        for (var i = 0; i < 5; i++)
            state = policy.Next(state, Fetched(T0 + TimeSpan.FromHours(i), [], MovedUrl) with
            {
                ParseFailure = ParseFailureKind.NotAFeed,
                ParseError = "an HTML page",
            });

        Assert.Equal(FeedUrl, state.Url);
        Assert.Null(state.PendingRedirectUrl);
    }

    [Fact]
    public void Next_RedirectWithAdoptAfterOne_IsAdoptedAtOnce()
    {
        var next = Exact(o => o.RedirectAdoptAfter = 1).Next(Feed(), NotModified(T0, MovedUrl));

        Assert.Equal(MovedUrl, next.Url);
    }

    [Fact]
    public void Next_ParseFailure_CountsAsFailure()
    {
        var observation = Fetched(T0, []) with { ParseFailure = ParseFailureKind.MalformedXml, ParseError = "unexpected end of file at line 3" };

        var next = Exact().Next(Feed(900) with { ConsecutiveFailures = 1, Status = FeedStatus.Failing }, observation);

        Assert.Equal(FeedStatus.Failing, next.Status);
        Assert.Equal(2, next.ConsecutiveFailures);
        Assert.Equal("Parse MalformedXml: unexpected end of file at line 3", next.LastError);
        Assert.Equal(TimeSpan.FromSeconds(1800), Delay(next, T0));
        Assert.Null(next.LastSuccessUtc);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<ArgumentException>(() => new PollPolicy(new SchedulingOptions { MaxIntervalSeconds = 0 }));

        Assert.Contains("Scheduling:MaxIntervalSeconds", error.Message);
    }
}
