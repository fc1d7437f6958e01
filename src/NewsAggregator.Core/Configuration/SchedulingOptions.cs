namespace NewsAggregator.Core.Configuration;

/// <summary>Section "Scheduling": when each feed is polled next (ARCHITECTURE step 1).</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Interval of a feed whose publishing rate is not known yet (first polls, feeds without item dates).</summary>
    public int DefaultIntervalSeconds { get; set; } = 900;

    /// <summary>Shortest adaptive interval, however fast a feed publishes.</summary>
    public int MinIntervalSeconds { get; set; } = 300;

    /// <summary>Longest adaptive interval, however quiet a feed is.</summary>
    public int MaxIntervalSeconds { get; set; } = 14400;

    /// <summary>Each delay is multiplied by a random factor in [1 - j, 1 + j] so feeds do not poll in lock step; 0 disables.</summary>
    public double JitterFraction { get; set; } = 0.1;

    /// <summary>Cap of the exponential backoff (interval × 2^(failures - 1)) after failures; transient failures never stop a feed.</summary>
    public int MaxBackoffSeconds { get; set; } = 21600;

    /// <summary>A server's Retry-After is honoured up to this cap, so a hostile value cannot park a feed forever.</summary>
    public int MaxRetryAfterSeconds { get; set; } = 86400;

    /// <summary>A feed answering 404/410 is Dead only after answering so for this long (and DeadAfterFailures polls).</summary>
    public int DeadAfterHours { get; set; } = 72;

    /// <summary>A feed answering 404/410 is Dead only after this many consecutive such polls (and DeadAfterHours).</summary>
    public int DeadAfterFailures { get; set; } = 5;

    /// <summary>
    /// Dead feeds and feeds failing with no success for at least this long are listed in a warning at start and every
    /// this many hours after. Feeds are never removed automatically.
    /// </summary>
    public int ProblemReportHours { get; set; } = 24;

    /// <summary>A 301/308 target becomes the feed's URL after it was seen on this many consecutive successful polls.</summary>
    public int RedirectAdoptAfter { get; set; } = 3;

    /// <summary>How long the host waits for polls in flight when it stops.</summary>
    public int ShutdownGraceSeconds { get; set; } = 10;

    /// <summary>Polls running at once across all feeds (Quartz worker threads); the per-host limit applies within.</summary>
    public int MaxConcurrentPolls { get; set; } = 8;

    /// <summary>Every misconfigured key, each message naming "Scheduling:Key" and what is allowed; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        // Ten seconds is the floor because the demo polls its own server fast; a day caps the adaptive range.
        const int intervalFloor = 10, intervalCeiling = 86400, week = 7 * 86400;
        var errors = new List<string>();

        bool Range(string key, double value, double min, double max)
        {
            // Written so that NaN fails too; invariant so that "0.5" reads the same on every machine.
            if (value >= min && value <= max)
                return true;
            errors.Add(FormattableString.Invariant($"{Section}:{key} must be between {min} and {max} (got {value})"));
            return false;
        }

        // The rules between keys are checked only when each key is in range by itself: one mistake, one message.
        var min = Range(nameof(MinIntervalSeconds), MinIntervalSeconds, intervalFloor, intervalCeiling);
        var @default = Range(nameof(DefaultIntervalSeconds), DefaultIntervalSeconds, intervalFloor, intervalCeiling);
        var max = Range(nameof(MaxIntervalSeconds), MaxIntervalSeconds, intervalFloor, intervalCeiling);
        if (min && max && MinIntervalSeconds > MaxIntervalSeconds)
            errors.Add($"{Section}:{nameof(MinIntervalSeconds)} must not exceed {nameof(MaxIntervalSeconds)} ({MaxIntervalSeconds}) (got {MinIntervalSeconds})");
        else if (min && @default && max && (DefaultIntervalSeconds < MinIntervalSeconds || DefaultIntervalSeconds > MaxIntervalSeconds))
            errors.Add($"{Section}:{nameof(DefaultIntervalSeconds)} must be between {nameof(MinIntervalSeconds)} ({MinIntervalSeconds}) and {nameof(MaxIntervalSeconds)} ({MaxIntervalSeconds}) (got {DefaultIntervalSeconds})");
        Range(nameof(JitterFraction), JitterFraction, 0, 0.5);
        var backoff = Range(nameof(MaxBackoffSeconds), MaxBackoffSeconds, intervalFloor, week);
        // A failing feed must not be polled more often than a healthy one could be.
        if (backoff && max && MaxBackoffSeconds < MaxIntervalSeconds)
            errors.Add($"{Section}:{nameof(MaxBackoffSeconds)} must be at least {nameof(MaxIntervalSeconds)} ({MaxIntervalSeconds}) (got {MaxBackoffSeconds})");
        Range(nameof(MaxRetryAfterSeconds), MaxRetryAfterSeconds, intervalFloor, week);
        Range(nameof(DeadAfterHours), DeadAfterHours, 1, 365 * 24);
        Range(nameof(DeadAfterFailures), DeadAfterFailures, 1, 1000);
        Range(nameof(ProblemReportHours), ProblemReportHours, 1, 24 * 30);
        Range(nameof(RedirectAdoptAfter), RedirectAdoptAfter, 1, 100);
        Range(nameof(ShutdownGraceSeconds), ShutdownGraceSeconds, 1, 3600);
        Range(nameof(MaxConcurrentPolls), MaxConcurrentPolls, 1, 256);
        return errors;
    }
}
