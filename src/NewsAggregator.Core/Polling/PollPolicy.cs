using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Fetching;
using NewsAggregator.Core.Parsing;

namespace NewsAggregator.Core.Polling;

/// <summary>
/// Decides a feed's next poll from its state and the outcome of the last poll (ARCHITECTURE step 1). Pure: it reads
/// no clock (the observation carries the time) and touches no other feed, so Retry-After stays per feed.
/// Successes adapt the interval to the publishing rate; failures back off exponentially up to a cap and never stop
/// the feed; a feed that answers 404/410 long and often enough is Dead, polled rarely, and revived by any success.
/// </summary>
public sealed class PollPolicy
{
    // Rate estimate: the newest items of the last week say how fast a feed publishes now.
    private static readonly TimeSpan RateWindow = TimeSpan.FromDays(7);
    private const int RateSampleSize = 20;
    private const double UnchangedGrowth = 1.25;

    private readonly SchedulingOptions _options;
    // Random.Shared by default because one policy serves every feed's job concurrently; tests inject a seeded one.
    private readonly Random _random;
    private readonly TimeSpan _min, _default, _max, _maxBackoff, _maxRetryAfter, _deadAfter;

    public PollPolicy(SchedulingOptions options, Random? random = null)
    {
        var errors = options.Validate().ToList();
        if (errors.Count > 0)
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        _options = options;
        _random = random ?? Random.Shared;
        _min = TimeSpan.FromSeconds(options.MinIntervalSeconds);
        _default = TimeSpan.FromSeconds(options.DefaultIntervalSeconds);
        _max = TimeSpan.FromSeconds(options.MaxIntervalSeconds);
        _maxBackoff = TimeSpan.FromSeconds(options.MaxBackoffSeconds);
        _maxRetryAfter = TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);
        _deadAfter = TimeSpan.FromHours(options.DeadAfterHours);
    }

    /// <summary>How long a dead feed waits between polls: rare, but a feed that comes back is noticed.</summary>
    public TimeSpan DeadInterval => _maxBackoff * 4;

    public FeedPollState Next(FeedPollState current, PollObservation observation)
    {
        var now = observation.NowUtc;
        var fetch = observation.Fetch;
        var interval = current.Interval > TimeSpan.Zero ? Clamp(current.Interval) : _default;

        if (fetch.Failure == FetchFailureKind.HostBusy)
        {
            // Nothing was asked of the feed, so nothing is learnt about it: no failure, no backoff, its error and
            // streaks untouched. The poll is only put off until the host's busy fetches have met their deadline;
            // marking the feed failing would punish it for its neighbours on the same host.
            var wait = fetch.RetryAfter is { } busy && busy > TimeSpan.Zero ? busy : _min;
            return current with { NextPollUtc = now + Jitter(wait) };
        }

        if (!fetch.IsFailure && observation.ParseFailure == ParseFailureKind.None)
        {
            interval = fetch.Outcome switch
            {
                FetchOutcome.Fetched => EstimateInterval(observation.ItemDatesUtc, now)
                    // Content changed but its rate cannot be measured: never wait longer than the default, so that
                    // growth during a quiet spell does not stick once the feed is busy again.
                    ?? (interval < _default ? interval : _default),
                // Nothing new: stretch gently toward the maximum. No counter is needed, because the next poll that
                // brings items with dates replaces the interval with a fresh rate estimate.
                _ => Clamp(interval * UnchangedGrowth),
            };
            var state = WithRedirectSeen(current, fetch.PermanentRedirect) with
            {
                Status = FeedStatus.Active,
                ConsecutiveFailures = 0,
                NotFoundSinceUtc = null,
                ConsecutiveNotFound = 0,
                Interval = interval,
                LastError = null,
                LastSuccessUtc = now,
            };
            // A Retry-After on a successful response is ignored: the server answered, nothing asks us to wait.
            return state with { NextPollUtc = now + Jitter(interval) };
        }

        var failures = current.ConsecutiveFailures + 1;
        var notFound = fetch.Failure == FetchFailureKind.NotFound;
        var wasDead = current.Status == FeedStatus.Dead;
        // A dead feed's streak survives other failures (a timeout is no sign of life); for a live feed any other
        // outcome breaks the streak, since the rule asks for consecutive NotFound polls.
        var (since, streak) = notFound ? (current.NotFoundSinceUtc ?? now, current.ConsecutiveNotFound + 1)
            : wasDead ? (current.NotFoundSinceUtc, current.ConsecutiveNotFound)
            : (null, 0);
        var dead = wasDead
            || (notFound && streak >= _options.DeadAfterFailures && now - since!.Value >= _deadAfter);

        var reason = observation.ParseFailure != ParseFailureKind.None && !fetch.IsFailure
            ? $"Parse {observation.ParseFailure}: {observation.ParseError}"
            : $"{fetch.Failure}: {fetch.Error}";
        if (dead)
            reason = notFound ? $"Dead: {NotFoundFor(fetch.StatusCode, now - since!.Value, streak)}" : $"Dead: {reason}";

        var delay = Jitter(dead ? DeadInterval : Backoff(interval, failures));
        // Never earlier than the server asked, but only up to the cap; the floor itself is not jittered.
        if (fetch.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero)
        {
            var floor = retryAfter < _maxRetryAfter ? retryAfter : _maxRetryAfter;
            if (delay < floor)
                delay = floor;
        }

        return WithRedirectSeen(current, null) with
        {
            Status = dead ? FeedStatus.Dead : FeedStatus.Failing,
            ConsecutiveFailures = failures,
            NotFoundSinceUtc = since,
            ConsecutiveNotFound = streak,
            LastError = reason,
            NextPollUtc = now + delay,
        };
    }

    /// <summary>
    /// Half the mean gap between recent items, so that a new item waits on average a quarter gap; null when the
    /// dates say nothing (fewer than two, or all identical, as feeds that stamp every item with the build time do).
    /// </summary>
    private TimeSpan? EstimateInterval(IReadOnlyList<DateTimeOffset> dates, DateTimeOffset now)
    {
        if (dates.Count < 2)
            return null;
        // Dates in the future are clock skew or scheduled posts: count them as published now.
        var newestFirst = dates.Select(d => d > now ? now : d).OrderDescending().ToList();
        var sample = newestFirst.Where(d => now - d <= RateWindow).Take(RateSampleSize).ToList();
        if (sample.Count < 2)
            sample = newestFirst.Take(RateSampleSize).ToList(); // a slow feed: its newest items give its rate
        var span = sample[0] - sample[^1];
        if (span <= TimeSpan.Zero)
            return null;
        var meanGap = span / (sample.Count - 1);
        // A feed that has gone quiet since its last burst is as slow as its silence says.
        var silence = now - sample[0];
        return Clamp((meanGap > silence ? meanGap : silence) / 2);
    }

    private TimeSpan Backoff(TimeSpan interval, int failures)
    {
        // The exponent is capped only to keep the double finite; the cap on the delay does the real work.
        var seconds = interval.TotalSeconds * Math.Pow(2, Math.Min(failures - 1, 60));
        return seconds >= _maxBackoff.TotalSeconds ? _maxBackoff : TimeSpan.FromSeconds(seconds);
    }

    private TimeSpan Jitter(TimeSpan delay) =>
        _options.JitterFraction == 0 ? delay : delay * (1 + _options.JitterFraction * (2 * _random.NextDouble() - 1));

    private TimeSpan Clamp(TimeSpan interval) => interval < _min ? _min : interval > _max ? _max : interval;

    /// <summary>
    /// Counts consecutive sightings of one permanent-redirect target and adopts it as the feed's URL once seen often
    /// enough. Only successful polls count: a 301 to a page that does not parse as a feed is never adopted.
    /// </summary>
    private FeedPollState WithRedirectSeen(FeedPollState current, Uri? target)
    {
        if (target is null || target.AbsoluteUri == current.Url.AbsoluteUri)
            return current with { PendingRedirectUrl = null, PendingRedirectCount = 0 };
        var count = current.PendingRedirectUrl == target.AbsoluteUri ? current.PendingRedirectCount + 1 : 1;
        return count >= _options.RedirectAdoptAfter
            ? current with { Url = target, PendingRedirectUrl = null, PendingRedirectCount = 0 }
            : current with { PendingRedirectUrl = target.AbsoluteUri, PendingRedirectCount = count };
    }

    private static string NotFoundFor(int? status, TimeSpan duration, int polls)
    {
        var what = status is { } code ? $"HTTP {code}" : "not found";
        var hours = (int)duration.TotalHours;
        var length = hours >= 48 ? Plural((int)duration.TotalDays, "day") : Plural(hours, "hour");
        return $"{what} for {length} ({Plural(polls, "poll")})";
    }

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
