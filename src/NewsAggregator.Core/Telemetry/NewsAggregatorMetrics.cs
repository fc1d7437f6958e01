using System.Diagnostics.Metrics;
using NewsAggregator.Core.Fetching;
using NewsAggregator.Core.Parsing;

namespace NewsAggregator.Core.Telemetry;

/// <summary>
/// The service's instruments, all on one <see cref="Meter"/> named <see cref="MeterName"/>, recorded where things
/// happen (a poll, a committed clustering batch). Names follow the .NET/OpenTelemetry convention (dotted, unit kept
/// apart); the /metrics exporter turns them into Prometheus names the usual way: <c>newsagg.polls</c> becomes
/// <c>newsagg_polls_total</c>, <c>newsagg.fetch.duration</c> (unit s) <c>newsagg_fetch_duration_seconds</c>. Any
/// other listener (dotnet-counters, an OpenTelemetry exporter) sees the same instruments.
/// Recording allocates nothing: tag values are interned strings chosen from tables built once.
/// </summary>
public sealed class NewsAggregatorMetrics
{
    public const string MeterName = "NewsAggregator";

    // Fetch latency in seconds: a feed answers in tens of milliseconds to seconds; the fetch deadline
    // (Fetch:TimeoutSeconds, 30 by default) closes the range.
    private static readonly double[] LatencyBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    // Response sizes in bytes: a small feed is a few KiB, a full one a few MiB; the body cap is 16 MiB.
    private static readonly double[] SizeBuckets = [1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216];

    private static readonly string[] FetchFailureTags = SnakeNames<FetchFailureKind>("");
    private static readonly string[] ParseFailureTags = SnakeNames<ParseFailureKind>("parse_");

    private readonly Counter<long> _polls;
    private readonly Histogram<double> _fetchDuration;
    private readonly Histogram<double> _responseSize;
    private readonly Counter<long> _articlesStored;
    private readonly Counter<long> _articlesEdited;
    private readonly Counter<long> _duplicatesDropped;
    private readonly Counter<long> _articlesClustered;
    private readonly Counter<long> _storiesCreated;
    private readonly Counter<long> _storiesMerged;
    private readonly Counter<long> _clusteringFailures;

    /// <param name="meters">The host's factory: each host (and each test host) gets its own meter instance.</param>
    public NewsAggregatorMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _polls = meter.CreateCounter<long>("newsagg.polls", description:
            "Feed polls by outcome: ok (parsed), not_modified (304), unchanged (same body hash), a fetch failure (timeout, not_found, server_error, refused_address, too_large, ...) or a parse failure (parse_malformed_xml, parse_not_a_feed, ...)");
        _fetchDuration = meter.CreateHistogram("newsagg.fetch.duration", "s", "Time of each feed fetch (connect, redirects, headers, body), failures included",
            tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _responseSize = meter.CreateHistogram("newsagg.fetch.response.size", "By", "Decompressed size of each feed body received (new or unchanged)",
            tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = SizeBuckets });
        _articlesStored = meter.CreateCounter<long>("newsagg.articles.stored", description: "New articles committed by the single writer");
        _articlesEdited = meter.CreateCounter<long>("newsagg.articles.edited", description: "Edits of stored articles committed as new versions");
        _duplicatesDropped = meter.CreateCounter<long>("newsagg.duplicates.dropped", description: "Feed items already stored with the same content (re-polls, cross-feed repeats): a sighting only");
        _articlesClustered = meter.CreateCounter<long>("newsagg.articles.clustered", description: "Article versions clustered and committed");
        _storiesCreated = meter.CreateCounter<long>("newsagg.stories.created", description: "Stories started by an article that joined none");
        _storiesMerged = meter.CreateCounter<long>("newsagg.stories.merged", description: "Stories merged into another by an article that bridged them");
        _clusteringFailures = meter.CreateCounter<long>("newsagg.clustering.failures", description: "Article versions the clustering engine failed on (set aside in cluster_failures)");
        // Counters without tags read 0 from the start rather than appearing with their first event.
        foreach (var counter in new[] { _articlesStored, _articlesEdited, _duplicatesDropped, _articlesClustered, _storiesCreated, _storiesMerged, _clusteringFailures })
            counter.Add(0);
    }

    /// <summary>One committed poll: its outcome, fetch time and size, and what the writer did with its items.</summary>
    public void Polled(FetchResult fetch, ParseFailureKind parseFailure, int stored, int edited, int unchanged)
    {
        _polls.Add(1, new KeyValuePair<string, object?>("outcome", Outcome(fetch, parseFailure)));
        _fetchDuration.Record(fetch.Elapsed.TotalSeconds);
        if (fetch.BodyBytes is { } bytes)
            _responseSize.Record(bytes);
        if (stored > 0)
            _articlesStored.Add(stored);
        if (edited > 0)
            _articlesEdited.Add(edited);
        if (unchanged > 0)
            _duplicatesDropped.Add(unchanged);
    }

    /// <summary>One clustering batch, counted once its transaction committed.</summary>
    public void Clustered(int versions, int storiesCreated, int storiesMerged)
    {
        _articlesClustered.Add(versions);
        if (storiesCreated > 0)
            _storiesCreated.Add(storiesCreated);
        if (storiesMerged > 0)
            _storiesMerged.Add(storiesMerged);
    }

    public void ClusteringFailed() => _clusteringFailures.Add(1);

    /// <summary>The <c>outcome</c> tag of a poll; one of a fixed set of strings.</summary>
    public static string Outcome(FetchResult fetch, ParseFailureKind parseFailure) => fetch.Outcome switch
    {
        FetchOutcome.NotModified => "not_modified",
        FetchOutcome.Unchanged => "unchanged",
        FetchOutcome.Failed => Tag(FetchFailureTags, (int)fetch.Failure),
        _ when parseFailure != ParseFailureKind.None => Tag(ParseFailureTags, (int)parseFailure),
        _ => "ok",
    };

    private static string Tag(string[] names, int index) => (uint)index < (uint)names.Length ? names[index] : "other";

    /// <summary>TooLarge → "too_large", once per enum value.</summary>
    private static string[] SnakeNames<T>(string prefix)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var names = new string[values.Max(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)) + 1];
        foreach (var value in values)
        {
            var name = value.ToString();
            var snake = new System.Text.StringBuilder(prefix);
            for (var i = 0; i < name.Length; i++)
            {
                if (char.IsUpper(name[i]) && i > 0)
                    snake.Append('_');
                snake.Append(char.ToLowerInvariant(name[i]));
            }
            names[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = snake.ToString();
        }
        return names;
    }
}
