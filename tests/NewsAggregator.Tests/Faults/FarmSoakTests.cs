using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace NewsAggregator.Tests.Faults;

/// <summary>
/// The real service polls a loopback farm of 2,000 feeds on 40 hosts for a bounded soak: healthy feeds (RSS, Atom,
/// JSON Feed, slow, behind redirects) and faulty ones (timeouts, 5xx, 429 with Retry-After, malformed XML, bodies
/// over the cap, redirect chains and loops, gzip bombs). Measured from the farm's side: every healthy feed is polled
/// on schedule, every faulty one backs off with its reason recorded, and the worker's memory stays bounded.
/// Default soak 2 minutes; NEWSAGG_SOAK_MINUTES=N runs N minutes.
/// </summary>
[Collection(FaultCollection.Name)]
[Trait("Category", FaultCollection.Category)]
public sealed partial class FarmSoakTests(ITestOutputHelper output)
{
    private const int Hosts = 40;
    // Fixed interval for every feed: Min = Default = Max and no jitter, so when each poll is due is known exactly:
    // the end of the previous poll plus this. The floor of Scheduling:*IntervalSeconds is 10 s; 30 s gives 2,000
    // feeds about 67 polls a second, a busy production load compressed in time.
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(6);
    private const long MaxBodyBytes = 256 * 1024;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(6);
    private const int MaxConcurrentPolls = 64;
    // Targets (issue 6): p99 lateness of healthy polls under 10 s, memory bounded.
    private static readonly TimeSpan LatenessTarget = TimeSpan.FromSeconds(10);
    private const long MemoryLimitBytes = 768L * 1024 * 1024;
    // Polls due in the last stretch of the soak may still be on their way when it ends; they are not judged.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);
    // Quartz fires a trigger up to 2 ms before its time; nothing else may come early.
    private static readonly TimeSpan EarlyTolerance = TimeSpan.FromMilliseconds(20);
    // Between a fetch getting its connection slot (its deadline starts) and its request reaching the farm's handler: a
    // new connection on loopback, which took up to 0.5 s while 2,000 feeds started on two busy cores.
    private static readonly TimeSpan ConnectTolerance = TimeSpan.FromSeconds(1);

    private static readonly (FarmKind Kind, int Count)[] Mix =
    [
        (FarmKind.Rss, 460), (FarmKind.Atom, 460), (FarmKind.Json, 460), (FarmKind.Slow, 60), (FarmKind.Redirecting, 60),
        (FarmKind.Timeout, 60), (FarmKind.ServerError, 70), (FarmKind.RateLimited, 70), (FarmKind.Malformed, 60),
        (FarmKind.HugeDeclared, 30), (FarmKind.HugeStreamed, 30), (FarmKind.RedirectChain, 50), (FarmKind.RedirectLoop, 50),
        (FarmKind.GzipBomb, 80),
    ];

    private static readonly string[] Outlets = ["meridian", "northgate-herald", "eastwind", "valley-courier", "newspulse"];

    [Fact]
    public async Task Soak_TwoThousandFeedsOfMixedBehaviour_HealthyOnScheduleFaultyBackedOffMemoryBounded()
    {
        var soak = SoakLength();
        var kinds = Shuffle(Mix.SelectMany(m => Enumerable.Repeat(m.Kind, m.Count)).ToArray(), seed: 6);
        var folder = Directory.CreateTempSubdirectory("newsagg-farm-");
        try
        {
            await using var farm = await FeedFarm.StartAsync(kinds, Hosts);
            var feedsFile = Path.Combine(folder.FullName, "feeds.json");
            var databasePath = Path.Combine(folder.FullName, "farm.db");
            await File.WriteAllTextAsync(feedsFile, FeedsJson(farm));

            using var worker = ServiceProcess.Start(Arguments(farm, databasePath, feedsFile));
            var launched = worker.StartedUtc;
            await worker.WaitUntilStartedAsync(TimeSpan.FromSeconds(90));
            var memory = new List<(TimeSpan At, long Rss)>();
            var soakEnd = launched + soak;
            while (DateTimeOffset.UtcNow < soakEnd)
            {
                Assert.False(worker.HasExited, $"The service exited with code {(worker.HasExited ? worker.ExitCode : 0)} during the soak.{Environment.NewLine}{worker.Describe()}");
                if (worker.Memory() is { } m)
                    memory.Add((DateTimeOffset.UtcNow - launched, m.Rss));
                await Task.Delay(1000);
            }
            var end = DateTimeOffset.UtcNow;
            var peak = worker.Memory()?.Peak ?? 0;
            var feeds = await ReadFeedsAsync(databasePath);
            // Failed polls are logged "Poll of {FeedKey} failed (...)": none may name a healthy feed.
            var failedPolls = worker.Lines.Select(l => (Line: l, Match: FailedPoll().Match(l))).Where(m => m.Match.Success)
                .Select(m => (Feed: int.Parse(m.Match.Groups[1].Value, CultureInfo.InvariantCulture), m.Line)).ToList();
            await worker.KillAsync();

            // Polls put off because every connection to their host was held by slow neighbours (HostBusy): not a
            // failure of the feed; the delay shows in the lateness.
            var putOff = worker.Lines.Count(l => l.Contains(" put off: ", StringComparison.Ordinal));
            var report = Analyse(farm, kinds, feeds, launched, end, memory, peak, failedPolls, putOff);
            output.WriteLine(report.Summary);
            foreach (var line in report.Details)
                output.WriteLine(line);

            Assert.True(report.Problems.Count == 0, string.Join(Environment.NewLine, report.Problems.Take(40)) +
                $"{Environment.NewLine}({report.Problems.Count} problems){Environment.NewLine}{report.Summary}{Environment.NewLine}{worker.Describe(20)}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed record Poll(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<FarmRequest> Hops);

    private sealed record FeedRow(string Key, string Status, long ConsecutiveFailures, string? LastError, long Polls, long ArticlesNew);

    private sealed record SoakReport(string Summary, IReadOnlyList<string> Details, IReadOnlyList<string> Problems);

    private static SoakReport Analyse(FeedFarm farm, FarmKind[] kinds, IReadOnlyDictionary<string, FeedRow> rows, DateTimeOffset launched,
        DateTimeOffset end, List<(TimeSpan At, long Rss)> memory, long peak, IReadOnlyList<(int Feed, string Line)> failedPolls, int putOff)
    {
        var problems = new List<string>();
        var details = new List<string>();
        var cut = end - Settle;
        var lateness = new List<double>();
        var slowLateness = new List<double>();
        var missed = 0;
        var firstPollLatest = TimeSpan.Zero;
        var pollsByKind = new Dictionary<FarmKind, List<int>>();
        long totalPolls = 0;

        for (var feed = 0; feed < kinds.Length; feed++)
        {
            var kind = kinds[feed];
            var key = Key(feed);
            var polls = Polls(farm.RequestsOf(feed));
            totalPolls += polls.Count;
            (pollsByKind.TryGetValue(kind, out var counts) ? counts : pollsByKind[kind] = []).Add(polls.Count);
            if (polls.Count == 0)
            {
                problems.Add($"{key} ({kind}) was never polled");
                continue;
            }
            // The first poll is due at start-up plus a random share of the scheduler's 30 s spread (FeedScheduler).
            var first = polls[0].Start - launched;
            if (first > firstPollLatest)
                firstPollLatest = first;
            if (!rows.TryGetValue(key, out var row))
            {
                problems.Add($"{key} ({kind}) is not in the database");
                continue;
            }

            if (FeedFarm.IsHealthy(kind))
            {
                var sink = kind == FarmKind.Slow ? slowLateness : lateness;
                // Each poll after the first was due one interval after the previous one ended (the worker takes its
                // clock after the fetch, so this due time is, if anything, early: lateness is over- not under-stated).
                for (var k = 1; k < polls.Count; k++)
                {
                    var due = polls[k - 1].End + Interval;
                    if (due <= cut)
                        sink.Add((polls[k].Start - due).TotalSeconds);
                }
                var nextDue = polls[^1].End + Interval;
                if (nextDue <= cut)
                {
                    // Due well before the end and never asked for: at least this late.
                    missed++;
                    sink.Add((end - nextDue).TotalSeconds);
                    problems.Add($"{key} ({kind}) missed a poll due at {nextDue:HH:mm:ss.fff} (soak ended {end:HH:mm:ss.fff})");
                }
                if (row.Status != "active" || row.ConsecutiveFailures != 0 || row.LastError is not null)
                    problems.Add($"{key} ({kind}) is {row.Status} with {row.ConsecutiveFailures} failures: {row.LastError}");
            }
            else
            {
                CheckFaulty(key, kind, feed, polls, row, problems);
            }
        }

        lateness.Sort();
        slowLateness.Sort();
        var all = lateness.Concat(slowLateness).Order().ToList();
        if (all.Count == 0)
            problems.Add("No healthy poll was due within the soak: it is too short to measure lateness");
        else if (Percentile(all, 0.99) >= LatenessTarget.TotalSeconds)
            problems.Add(FormattableString.Invariant($"Healthy lateness p99 {Percentile(all, 0.99):F2} s is not under the {LatenessTarget.TotalSeconds} s target"));
        if (firstPollLatest > TimeSpan.FromSeconds(30) + LatenessTarget + TimeSpan.FromSeconds(15))
            problems.Add(FormattableString.Invariant($"The last first poll came {firstPollLatest.TotalSeconds:F1} s after launch; due within start-up + 30 s"));

        foreach (var (feed, line) in failedPolls.Where(f => f.Feed < kinds.Length && FeedFarm.IsHealthy(kinds[f.Feed])).Take(20))
            problems.Add($"{Key(feed)} ({kinds[feed]}) had a failed poll: {line.Trim()}");
        double healthyMean = Enum.GetValues<FarmKind>().Where(k => FeedFarm.IsHealthy(k) && pollsByKind.ContainsKey(k)).SelectMany(k => pollsByKind[k]).Average();
        foreach (var (kind, counts) in pollsByKind.Where(p => !FeedFarm.IsHealthy(p.Key)))
        {
            if (counts.Average() >= healthyMean)
                problems.Add(FormattableString.Invariant($"{kind} feeds were polled {counts.Average():F2} times on average, not fewer than healthy ones ({healthyMean:F2}): not backed off"));
        }

        // Memory: under the stated limit, and no growth in the last part of the soak against the first.
        var soakSeconds = (end - launched).TotalSeconds;
        var firstHalf = memory.Where(m => m.At.TotalSeconds < soakSeconds / 2).Select(m => m.Rss).DefaultIfEmpty().Max();
        var secondHalf = memory.Where(m => m.At.TotalSeconds >= soakSeconds / 2).Select(m => m.Rss).DefaultIfEmpty().Max();
        var lastQuarter = memory.Where(m => m.At.TotalSeconds >= soakSeconds * 3 / 4).Select(m => m.Rss).DefaultIfEmpty().Max();
        var secondQuarter = memory.Where(m => m.At.TotalSeconds >= soakSeconds / 4 && m.At.TotalSeconds < soakSeconds / 2).Select(m => m.Rss).DefaultIfEmpty().Max();
        if (peak > MemoryLimitBytes)
            problems.Add($"Peak RSS {Mb(peak)} MB is over the {Mb(MemoryLimitBytes)} MB limit");
        if (lastQuarter > secondQuarter * 1.15)
            problems.Add($"RSS grew from {Mb(secondQuarter)} MB (second quarter) to {Mb(lastQuarter)} MB (last quarter)");

        foreach (var (kind, counts) in pollsByKind.OrderBy(p => p.Key))
        {
            details.Add(FormattableString.Invariant(
                $"  {kind,-13} {counts.Count,4} feeds, polls per feed {counts.Min()}–{counts.Max()} (mean {counts.Average():F2})"));
        }
        details.Add(FormattableString.Invariant($"  lateness of fast healthy polls: p50 {Percentile(lateness, 0.5):F2} s p99 {Percentile(lateness, 0.99):F2} s max {lateness.LastOrDefault():F2} s over {lateness.Count}; slow feeds: p50 {Percentile(slowLateness, 0.5):F2} s p99 {Percentile(slowLateness, 0.99):F2} s max {slowLateness.LastOrDefault():F2} s over {slowLateness.Count}"));
        details.Add(string.Join(" ", memory.Where((_, i) => i % 10 == 0).Select(m => FormattableString.Invariant($"{m.At.TotalSeconds:F0}s:{Mb(m.Rss)}MB"))));

        var healthy = kinds.Count(FeedFarm.IsHealthy);
        var faulty = kinds.Length - healthy;
        var faultyOk = Enumerable.Range(0, kinds.Length).Count(i => !FeedFarm.IsHealthy(kinds[i]) && !problems.Any(p => p.StartsWith(Key(i) + " ", StringComparison.Ordinal)));
        var summary = FormattableString.Invariant(
            $"Farm: {kinds.Length:N0} feeds on {Hosts} hosts ({healthy:N0} healthy: {Count(kinds, FarmKind.Rss)} RSS, {Count(kinds, FarmKind.Atom)} Atom, {Count(kinds, FarmKind.Json)} JSON, {Count(kinds, FarmKind.Slow)} slow, {Count(kinds, FarmKind.Redirecting)} redirected; ") +
            FormattableString.Invariant($"{faulty} faulty: {string.Join(", ", Mix.Where(m => !FeedFarm.IsHealthy(m.Kind)).Select(m => $"{m.Count} {m.Kind}"))}), ") +
            FormattableString.Invariant($"soak {soakSeconds:F0} s, {totalPolls:N0} polls ({totalPolls / soakSeconds:F1}/s), ") +
            FormattableString.Invariant($"healthy lateness p50 {Percentile(all, 0.5):F2} s p99 {Percentile(all, 0.99):F2} s max {all.LastOrDefault():F2} s over {all.Count:N0} due polls ({missed} missed, {putOff} put off while their host was busy), ") +
            FormattableString.Invariant($"first polls within {firstPollLatest.TotalSeconds:F1} s of launch, ") +
            FormattableString.Invariant($"peak RSS {Mb(peak)} MB (first half {Mb(firstHalf)}, second half {Mb(secondHalf)}), ") +
            FormattableString.Invariant($"{faultyOk} of {faulty} faulty feeds backed off with their reason");
        return new SoakReport(summary, details, problems);
    }

    /// <summary>
    /// Every poll of a faulty feed failed, its status and reason say why, and each next poll came no earlier than the
    /// backoff (interval × 2^(failures−1)) after the previous one ended — for 429s no earlier than Retry-After either.
    /// </summary>
    private static void CheckFaulty(string key, FarmKind kind, int feed, IReadOnlyList<Poll> polls, FeedRow row, List<string> problems)
    {
        string[] expected = kind switch
        {
            FarmKind.Timeout => ["Timeout: timed out after", "(Fetch:TimeoutSeconds)"],
            FarmKind.ServerError => ["ServerError: HTTP 50"],
            FarmKind.RateLimited => ["RateLimited: HTTP 429", "Retry-After"],
            FarmKind.Malformed => ["Parse MalformedXml:"],
            FarmKind.HugeDeclared => ["TooLarge:", "Content-Length", "(Fetch:MaxBodyBytes)"],
            FarmKind.HugeStreamed or FarmKind.GzipBomb => ["TooLarge:", "decompressed body", "(Fetch:MaxBodyBytes)"],
            FarmKind.RedirectChain => ["TooManyRedirects:", "(Fetch:MaxRedirects)"],
            FarmKind.RedirectLoop => ["RedirectLoop:"],
            _ => throw new InvalidOperationException($"{kind} is not a faulty kind"),
        };
        if (row.Status != "failing")
            problems.Add($"{key} ({kind}) has status {row.Status}, expected failing; last error: {row.LastError}");
        if (row.LastError is null || expected.Any(e => !row.LastError.Contains(e, StringComparison.Ordinal)))
            problems.Add($"{key} ({kind}) records \"{row.LastError}\", expected it to contain {string.Join(" and ", expected.Select(e => $"\"{e}\""))}");
        // A poll still in flight when the database was read may be missing from one side.
        if (Math.Abs(row.ConsecutiveFailures - polls.Count) > 1 || row.ConsecutiveFailures < 1)
            problems.Add($"{key} ({kind}) has {row.ConsecutiveFailures} consecutive failures after {polls.Count} polls");

        for (var k = 1; k < polls.Count; k++)
        {
            var backoff = Interval * Math.Pow(2, k - 1);
            if (backoff > MaxBackoff)
                backoff = MaxBackoff;
            if (kind == FarmKind.RateLimited && backoff < FeedFarm.RetryAfter)
                backoff = FeedFarm.RetryAfter;
            // The worker's clock for the next poll is read after the fetch. For an HTTP-date Retry-After the farm sent
            // a whole second at least RetryAfter after the request arrived. A timed-out fetch ends when the worker's
            // deadline does, TimeoutSeconds after it got its connection slot, just before the request arrived (the
            // farm notices the abandoned request later, when the connection closes, so its end time would overstate).
            var (from, tolerance) = kind switch
            {
                FarmKind.RateLimited when feed % 2 == 1 && backoff == FeedFarm.RetryAfter => (polls[k - 1].Start, EarlyTolerance),
                FarmKind.Timeout => (polls[k - 1].Start + FetchTimeout, ConnectTolerance),
                _ => (polls[k - 1].End, EarlyTolerance),
            };
            var gap = polls[k].Start - from;
            if (gap < backoff - tolerance)
            {
                problems.Add(FormattableString.Invariant(
                    $"{key} ({kind}) poll {k + 1} came {gap.TotalSeconds:F2} s after poll {k}; after {k} failure(s) the wait is at least {backoff.TotalSeconds:F0} s"));
            }
        }
    }

    /// <summary>Requests grouped into polls: a poll starts with a request for /f/{n} and includes the redirect hops after it.</summary>
    private static List<Poll> Polls(IReadOnlyList<FarmRequest> requests)
    {
        var polls = new List<Poll>();
        var hops = new List<FarmRequest>();
        foreach (var request in requests)
        {
            if (request.Hop == 0 && hops.Count > 0)
            {
                polls.Add(new Poll(hops[0].Arrived, hops.Max(h => h.Ended), hops.ToList()));
                hops.Clear();
            }
            if (request.Hop == 0 || hops.Count > 0)
                hops.Add(request);
        }
        if (hops.Count > 0)
            polls.Add(new Poll(hops[0].Arrived, hops.Max(h => h.Ended), hops.ToList()));
        return polls;
    }

    private static async Task<Dictionary<string, FeedRow>> ReadFeedsAsync(string databasePath)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var rows = await connection.QueryAsync<FeedRow>(
            "SELECT key AS Key, status AS Status, consecutive_failures AS ConsecutiveFailures, last_error AS LastError, polls AS Polls, articles_new AS ArticlesNew FROM feeds");
        return rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
    }

    private static string[] Arguments(FeedFarm farm, string databasePath, string feedsFile)
    {
        var args = new List<string>
        {
            $"--Storage:Path={databasePath}",
            $"--Feeds:File={feedsFile}",
            $"--Scheduling:DefaultIntervalSeconds={Interval.TotalSeconds}",
            $"--Scheduling:MinIntervalSeconds={Interval.TotalSeconds}",
            $"--Scheduling:MaxIntervalSeconds={Interval.TotalSeconds}",
            "--Scheduling:JitterFraction=0",
            $"--Scheduling:MaxBackoffSeconds={MaxBackoff.TotalSeconds}",
            $"--Fetch:TimeoutSeconds={FetchTimeout.TotalSeconds}",
            $"--Fetch:MaxBodyBytes={MaxBodyBytes}",
            // Sized for the farm (README, "Sizing"): polls in flight ≈ polls per second × time a poll holds its slot.
            // 67 polls/s, of which the timeouts hold a slot for 6 s and the slow feeds for 2.5 s. With the default
            // of 8 the healthy feeds queue behind them: p99 lateness 89 s and 155 polls missed in the first run.
            $"--Scheduling:MaxConcurrentPolls={MaxConcurrentPolls}",
            "--urls=http://127.0.0.1:0",
        };
        args.AddRange(farm.Endpoints.Select((endpoint, i) => $"--Fetch:AllowedPrivateEndpoints:{i}={endpoint}"));
        if (Environment.GetEnvironmentVariable("NEWSAGG_SOAK_ARGS") is { Length: > 0 } extra)
            args.AddRange(extra.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return args.ToArray();
    }

    private static string FeedsJson(FeedFarm farm) =>
        JsonSerializer.Serialize(new
        {
            feeds = Enumerable.Range(0, farm.Count).Select(n => new
            {
                id = Key(n),
                outlet = Outlets[n % Outlets.Length],
                url = farm.FeedUrl(n),
                title = $"Farm feed {n} ({farm.Kinds[n]})",
            }),
        });

    private static string Key(int feed) => $"farm-{feed:D4}";

    private static TimeSpan SoakLength() =>
        Environment.GetEnvironmentVariable("NEWSAGG_SOAK_MINUTES") is { Length: > 0 } minutes
            ? TimeSpan.FromMinutes(double.Parse(minutes, CultureInfo.InvariantCulture))
            : TimeSpan.FromMinutes(2);

    private static T[] Shuffle<T>(T[] items, int seed)
    {
        new Random(seed).Shuffle(items);
        return items;
    }

    private static int Count(FarmKind[] kinds, FarmKind kind) => kinds.Count(k => k == kind);

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static long Mb(long bytes) => bytes / (1024 * 1024);

    [System.Text.RegularExpressions.GeneratedRegex(@"Poll of farm-(\d+) failed")]
    private static partial System.Text.RegularExpressions.Regex FailedPoll();
}
